// `docker compose config` (Compose v2) or `docker-compose config` (Compose v1), whichever this machine
// has: the Compose implementation itself parses compose.yaml, interpolates deploy/env.example into it
// and validates the result. CI installs Compose v1 where neither is present (.ci/run); no engine is
// needed. deploy-files.test.ts checks the same file against the specification's schema and more.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const composeText = readFileSync(join(root, 'compose.yaml'), 'utf8');
const envText = readFileSync(join(root, 'deploy/env.example'), 'utf8');
/** No variable of this process reaches Compose: only the env file given decides the interpolation. */
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tmpdir() };

const answers = (command: readonly string[]) => {
  const [bin = '', ...args] = command;
  return spawnSync(bin, [...args, 'version'], { env, timeout: 20_000 }).status === 0;
};
const command = [['docker', 'compose'], ['docker-compose']].find(answers);
const skip = command ? undefined : 'neither `docker compose` nor `docker-compose` is installed';

describe.skipIf(skip)(`compose.yaml through ${command?.join(' ') ?? 'Compose'} config${skip ? ` [skipped: ${skip}]` : ''}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rustok-compose-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** `config` of `text` (read from stdin, in the repository's directory) with the env file `envFileText`. */
  const config = (text: string, envFileText = envText) => {
    const envFile = join(dir, `env-${Math.random().toString(36).slice(2)}`);
    writeFileSync(envFile, envFileText);
    const [bin = '', ...args] = command ?? [];
    const run = spawnSync(bin, [...args, '--env-file', envFile, '-f', '-', 'config'], {
      cwd: root,
      env,
      input: text,
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, out: run.stdout, err: run.stderr };
  };

  it('passes with the example settings, every process there and every secret interpolated', () => {
    const { status, out, err } = config(composeText);
    expect(status, err).toBe(0);
    for (const service of ['postgres', 'postgres-replica', 'redis', 'nats', 'migrate', 'api-1', 'api-2', 'worker', 'lb'])
      expect(out).toMatch(new RegExp(`^  ${service}:$`, 'm'));
    expect(out).toContain('postgres://rustok:change-me-postgres@postgres:5432/rustok');
    expect(out).not.toContain('${');
  });

  it('fails on a key the specification does not have', () => {
    const broken = composeText.replace(/^ {2}worker:\n/m, '  worker:\n    restart_policy: never\n');
    expect(broken).not.toBe(composeText);
    const { status, err } = config(broken);
    expect(status).not.toBe(0);
    expect(err).toContain('restart_policy');
  });

  it('fails when a required secret is missing from the env file', () => {
    const { status, err } = config(composeText, envText.replace(/^POSTGRES_PASSWORD=.*$/m, ''));
    expect(status).not.toBe(0);
    expect(err).toContain('set POSTGRES_PASSWORD in .env');
  });
});
