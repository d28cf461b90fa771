import http from 'node:http';
import https from 'node:https';
import { AddressRefused, createOutboundGuard, type OutboundPolicy, type Refusal } from './guard.js';

export interface OutboundRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Whole request (connect, send, answer) within this many ms; default 10,000. */
  readonly timeoutMs?: number;
  /** Keep at most this many bytes of the answer's body; default 65,536 (the rest is read and dropped). */
  readonly maxResponseBytes?: number;
}

export interface OutboundResponse {
  readonly ok: true;
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body's first `maxResponseBytes` bytes, as UTF-8. */
  readonly body: string;
  readonly truncated: boolean;
  readonly durationMs: number;
}

export interface OutboundFailure {
  readonly ok: false;
  readonly reason: 'timeout' | 'network';
  readonly detail: string;
  readonly durationMs: number;
}

export type OutboundResult = OutboundResponse | OutboundFailure | Refusal;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 65_536;

/** Reads an answer, keeping its first `max` bytes. */
const readBody = (res: http.IncomingMessage, max: number): Promise<{ body: string; truncated: boolean }> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let truncated = false;
    res.on('data', (chunk: Buffer) => {
      if (kept >= max) {
        truncated = true;
        return;
      }
      const part = chunk.length > max - kept ? chunk.subarray(0, max - kept) : chunk;
      truncated ||= part.length < chunk.length;
      chunks.push(part);
      kept += part.length;
    });
    res.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), truncated }));
    res.on('error', reject);
  });

/**
 * Requests to tenant-supplied URLs through the SSRF guard (see guard.ts), with a deadline over the
 * whole exchange and a cap on what is kept of the answer. Redirects are not followed (a 3xx is an
 * answer like any other). Connections are kept alive per origin; each new one is checked again.
 * Expected failures are values (`ok: false` with a reason); nothing here throws for a bad target.
 */
export const createOutbound = (policy: OutboundPolicy = {}) => {
  const guard = createOutboundGuard(policy);
  const agents = {
    'http:': new http.Agent({ keepAlive: true, lookup: guard.lookup }),
    'https:': new https.Agent({ keepAlive: true, lookup: guard.lookup }),
  };

  const send = async (request: OutboundRequest): Promise<OutboundResult> => {
    const checked = guard.checkUrl(request.url);
    if (!checked.ok) return checked;
    const first = await attempt(request, checked.url);
    // A kept-alive connection the receiver closed just as this request went out: nothing reached it, so
    // the request goes once more on a new connection (what Node's documentation advises for `reusedSocket`).
    return first.retry ? (await attempt(request, checked.url)).result : first.result;
  };

  const attempt = (request: OutboundRequest, url: URL): Promise<{ result: OutboundResult; retry: boolean }> => {
    const started = performance.now();
    const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve) => {
      const req = transport.request(url, {
        method: request.method ?? 'POST',
        headers: request.headers,
        agent: agents[url.protocol as 'http:' | 'https:'],
      });
      const deadline = setTimeout(() => req.destroy(new Error('deadline')), request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      let answered = false;
      const finish = (result: OutboundResult, retry = false) => {
        clearTimeout(deadline);
        resolve({ result, retry });
      };
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error instanceof AddressRefused) return finish({ ok: false, reason: 'address', detail: error.message });
        const reason = error.message === 'deadline' ? 'timeout' : 'network';
        const closedUnderUs = req.reusedSocket && !answered && reason === 'network' && error.code === 'ECONNRESET';
        finish({ ok: false, reason, detail: error.message, durationMs: elapsed() }, closedUnderUs);
      });
      req.on('response', (res) => {
        answered = true;
        readBody(res, request.maxResponseBytes ?? DEFAULT_MAX_BYTES).then(
          ({ body, truncated }) =>
            finish({ ok: true, status: res.statusCode ?? 0, headers: res.headers, body, truncated, durationMs: elapsed() }),
          (error: Error) => finish({ ok: false, reason: 'network', detail: error.message, durationMs: elapsed() }),
        );
      });
      req.end(request.body);
    });
  };

  return {
    send,
    guard,
    close: () => {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
};

export type Outbound = ReturnType<typeof createOutbound>;
