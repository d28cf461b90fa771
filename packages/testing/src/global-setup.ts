import type { TestProject } from 'vitest/node';
import { probeServices, type ServiceProbe } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    services: ServiceProbe;
  }
}

/** Probes the real servers once per run and hands the result to every test file. */
export default async function setup(project: TestProject): Promise<void> {
  const probe = await probeServices();
  for (const [name, reason] of Object.entries(probe.skipped)) {
    if (reason) console.warn(`[rustok tests] ${name} suites skipped: ${reason}`);
  }
  project.provide('services', probe);
}
