import { Socket } from 'node:net';

/** Which real servers the service-backed suites may use in this run. */
export interface ServiceUrls {
  readonly postgres?: string;
  readonly redis?: string;
  readonly nats?: string;
}

export interface ServiceProbe {
  readonly urls: ServiceUrls;
  /** Why a service suite is skipped, per service, when it is. */
  readonly skipped: Readonly<Record<keyof ServiceUrls, string | undefined>>;
}

const reachable = (url: string, defaultPort: number, timeoutMs = 1_500): Promise<boolean> =>
  new Promise((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || defaultPort), hostname || '127.0.0.1', () => done(true));
  });

const SERVICES = [
  ['postgres', 'DATABASE_URL', 5432],
  ['redis', 'REDIS_URL', 6379],
  ['nats', 'NATS_URL', 4222],
] as const;

/**
 * Looks at DATABASE_URL, REDIS_URL and NATS_URL. A service whose variable is unset, or whose server
 * does not answer, is skipped with the reason, except in CI (CI=true), where it is an error.
 */
export const probeServices = async (env: NodeJS.ProcessEnv = process.env): Promise<ServiceProbe> => {
  const urls: Record<string, string> = {};
  const skipped: Record<string, string | undefined> = {};
  for (const [name, variable, port] of SERVICES) {
    const url = env[variable];
    if (!url) skipped[name] = `${variable} is not set`;
    else if (!(await reachable(url, port))) skipped[name] = `${variable} (${new URL(url).host}) does not answer`;
    else urls[name] = url;
    if (skipped[name] && env.CI === 'true') throw new Error(`CI needs ${name}: ${skipped[name]}`);
  }
  return { urls, skipped: skipped as ServiceProbe['skipped'] };
};
