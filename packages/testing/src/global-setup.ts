import type { TestProject } from 'vitest/node';
import { probeBuild } from './build-probe.js';
import { probeServices, type ServiceProbe } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    services: ServiceProbe;
  }
}

/** Probes the real servers and the TypeScript build once per run and hands the results to every test file. */
export default async function setup(project: TestProject): Promise<void> {
  const probe = await probeServices();
  for (const [name, reason] of Object.entries(probe.skipped)) {
    if (reason) console.warn(`[rustok tests] ${name} suites skipped: ${reason}`);
  }
  project.provide('services', probe);
  const build = probeBuild();
  if (!build.fresh)
    console.warn(`[rustok tests] rustok processes start from the TypeScript sources (slower; \`npx tsc -b\` builds them): ${build.reason}`);
  project.provide('build', build);
}
