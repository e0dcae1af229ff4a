import autocannon from 'autocannon';
import { summarize, type Latency } from './stats';

export type HttpRequest = { method?: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };
export type LoadResult = Latency & { statuses: Record<string, number>; errors: number; timeouts: number };

/**
 * Drives `origin` with autocannon over loopback: `connections` at once, for `seconds` or until
 * `amount` requests went, each request built by `next()` (a random word, a different learner).
 * Latencies are recorded per response here, so percentiles are exact (autocannon's own histogram
 * reports p97.5, not p95), and every status is counted: a 5xx is a failure, not a fast answer.
 */
export async function load(origin: string, options: { connections: number; seconds?: number; amount?: number; timeoutSeconds?: number; next: () => HttpRequest }): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const instance = autocannon({
    url: origin,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    timeout: options.timeoutSeconds ?? 30,
    requests: [{ setupRequest: () => ({ method: 'GET', headers: {}, ...options.next() }) }],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    if (statusCode < 400) latencies.push(responseTime);
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  return { ...summarize(latencies, seconds), statuses, errors: result.errors, timeouts: result.timeouts };
}

/** A 2xx/3xx answer for every request sent. */
export function allSucceeded(r: LoadResult): boolean {
  return r.errors === 0 && r.timeouts === 0 && Object.keys(r.statuses).every((s) => Number(s) < 400);
}
