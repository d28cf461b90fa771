import type { ModuleCommandOption } from '@rustok/kernel';
import { INDEX_KINDS } from '../events.js';

/** What both index commands work on: a tenant, a locale, a kind (each: all by default). */
export const TARGET_OPTIONS: readonly ModuleCommandOption[] = [
  { flags: '--tenant <slug>', description: 'one tenant (default: every active tenant)' },
  { flags: '--locale <code>', description: 'one locale' },
  { flags: '--kind <kind>', description: `${INDEX_KINDS.join(' | ')} (default: both)` },
];
