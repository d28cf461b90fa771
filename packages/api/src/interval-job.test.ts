import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { startIntervalJob } from './interval-job.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('runs while the app is up, one run at a time, survives a failed run and waits for the last run on close', async () => {
  const app = Fastify({ logger: false });
  const warnings: unknown[] = [];
  app.log.warn = ((obj: unknown) => warnings.push(obj)) as typeof app.log.warn;
  let runs = 0;
  let active = 0;
  let overlap = false;
  let finished = 0;
  startIntervalJob(app, {
    name: 'test job',
    everyMs: 5,
    run: async () => {
      runs++;
      active++;
      overlap ||= active > 1;
      await sleep(30); // six ticks pass during one run
      active--;
      finished++;
      if (runs === 1) throw new Error('first run fails');
    },
  });
  await sleep(30);
  expect(runs).toBe(0); // not before the app is ready
  await app.ready();
  await sleep(150);
  expect(runs).toBeGreaterThanOrEqual(2);
  expect(overlap).toBe(false);
  expect(warnings).toHaveLength(1);
  await app.close();
  expect(finished).toBe(runs); // close waited for the run in progress
  const after = runs;
  await sleep(50);
  expect(runs).toBe(after);
});
