import type { App } from '../../src/platform/http/types';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type TestResponse = { status: number; headers: Record<string, unknown>; body: any; text: string };

/**
 * Talks to the app like a browser would: keeps cookies, and echoes the CSRF
 * cookie in the header on state-changing requests.
 */
export class TestClient {
  private cookies = new Map<string, string>();
  /** `remoteAddress` sets the client's IP, so rate limits keyed by address can be told apart. */
  constructor(
    private app: App,
    private options: { remoteAddress?: string } = {},
  ) {}

  /** Another client with the same cookies (the same session), e.g. for a request that must not disturb this one. */
  clone(options: { remoteAddress?: string } = this.options): TestClient {
    const c = new TestClient(this.app, options);
    for (const [k, v] of this.cookies) c.cookies.set(k, v);
    return c;
  }

  get csrf(): string | undefined {
    return this.cookies.get('stride_csrf');
  }

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    if (!this.cookies.has('stride_csrf') && method !== 'GET') await this.request('GET', '/api/v1/session');
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : typeof body === 'string' && headers['content-type'] ? body : JSON.stringify(body),
      ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = undefined;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, headers: res.headers, body: parsed, text: res.body };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}
