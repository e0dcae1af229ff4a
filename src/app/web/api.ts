// The one way the web UI talks to the server: JSON over fetch, same-origin
// cookies, the CSRF token echoed on state-changing requests, and RFC 9457
// problems turned into ApiProblem errors.

export const API_BASE = '/api/v1';
export const CSRF_COOKIE = 'stride_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export type FieldProblem = { field: string; message: string; row?: number };

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly code: string;
  readonly errors: FieldProblem[];

  constructor(init: { status: number; title: string; detail: string; code: string; errors?: FieldProblem[] }) {
    super(init.detail || init.title);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.code = init.code;
    this.errors = init.errors ?? [];
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

export function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The server hands out the CSRF cookie on any request; make one if this page has not yet. */
export async function csrfToken(): Promise<string> {
  let token = readCookie(CSRF_COOKIE);
  if (!token) {
    await fetch(`${API_BASE}/session`, { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => undefined);
    token = readCookie(CSRF_COOKIE);
  }
  return token ?? '';
}

export function problemFromResponse(status: number, statusText: string, bodyText: string): ApiProblem {
  try {
    const body = JSON.parse(bodyText) as Partial<{ title: string; detail: string; code: string; errors: FieldProblem[] }>;
    if (body && typeof body === 'object' && (body.detail || body.title)) {
      return new ApiProblem({
        status,
        title: body.title ?? statusText ?? 'Error',
        detail: body.detail ?? body.title ?? 'The request failed.',
        code: body.code ?? 'unknown',
        errors: Array.isArray(body.errors) ? body.errors : [],
      });
    }
  } catch {
    // not JSON; fall through
  }
  return new ApiProblem({
    status,
    title: statusText || 'Error',
    detail: status >= 500 ? 'The server had a problem answering. Please try again in a moment.' : `The request failed (${status}).`,
    code: status >= 500 ? 'internal' : 'unknown',
  });
}

export const networkProblem = () =>
  new ApiProblem({ status: 0, title: 'Cannot reach Stride', detail: 'Stride cannot be reached. Check your connection and try again.', code: 'network' });

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export type RequestOptions = { method?: string; body?: unknown; query?: Query; signal?: AbortSignal };

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = (options.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (unsafeMethods.has(method)) headers[CSRF_HEADER] = await csrfToken();
  let response: Response;
  try {
    response = await fetch(withQuery(`${API_BASE}${path}`, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw networkProblem();
  }
  const text = await response.text();
  if (!response.ok) throw problemFromResponse(response.status, response.statusText, text);
  if (!text) return undefined as T;
  return JSON.parse(text) as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) => api<T>(path, { query, signal });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });
export const put = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body });
export const patch = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PATCH', body });
export const del = <T>(path: string) => api<T>(path, { method: 'DELETE' });

/** A human sentence for any error, for alerts and notifications. */
export function describeError(error: unknown): string {
  if (isApiProblem(error)) return error.detail;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

/**
 * POSTs JSON with XMLHttpRequest so the caller can show upload progress
 * (fetch cannot report it); same CSRF header and problem handling as api().
 */
export async function postWithProgress<T>(path: string, body: unknown, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<T> {
  const token = await csrfToken();
  const payload = JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(problemFromResponse(500, 'Bad response', ''));
        }
      } else {
        reject(problemFromResponse(xhr.status, xhr.statusText, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(networkProblem());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(payload);
  });
}
