// Generated from modules.toml by scripts/gen-modules.mjs. Do not edit.
import type { ModuleDefinition } from '@rustok/kernel';
import contentModule from '@rustok/content';

export const builtInModules: readonly ModuleDefinition[] = [contentModule];
