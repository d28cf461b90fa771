// Generated from modules.toml by scripts/gen-modules.mjs. Do not edit.
import type { ModuleDefinition } from '@rustok/kernel';
import contentModule from '@rustok/content';
import blogModule from '@rustok/blog';
import forumModule from '@rustok/forum';
import pagesModule from '@rustok/pages';
import commerceModule from '@rustok/commerce';
import indexModule from '@rustok/index';
import flexModule from '@rustok/flex';
import notificationsModule from '@rustok/notifications';
import mediaModule from '@rustok/media';
import scriptingModule from '@rustok/scripting';

export const builtInModules: readonly ModuleDefinition[] = [contentModule, blogModule, forumModule, pagesModule, commerceModule, indexModule, flexModule, notificationsModule, mediaModule, scriptingModule];
