import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyError, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from './types';
import { problemOf, sendProblem, toProblem, type Problem } from './problem';
import { rejectUnstorableText } from './storable-text';
import { checkTextUpload, sizeLabel, tooLargeMessage } from './uploaded-text';
import { authenticate, checkAccess, checkCsrf, ensureCsrfCookie, isStateChanging, type ResolveActor } from './security';
import type { Database } from '../db/database';

export type ServerOptions = {
  database: Database;
  resolveActor: ResolveActor;
  registerRoutes: (app: App) => Promise<void>;
  logLevel: string;
  trustProxy: boolean;
  /** Folder of the built web UI; served with a fallback to index.html for client-side routes. */
  webRoot?: string;
  /** Where log lines go (default: stdout); tests capture them here. */
  logStream?: NodeJS.WritableStream;
};

// The CSP the web UI runs under: its own scripts only, no eval, no plugins, never framed.
const cspDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Mantine injects its CSS variables at runtime.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  scriptSrcAttr: ["'none'"],
};
const cspHeader = Object.entries(cspDirectives)
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
  .join(';');

/**
 * The request line without query values: a search query is a person's name,
 * and a client route can carry a reset token (/reset-password?token=…).
 */
function loggableUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const [pathPart, query] = url.split('?', 2);
  if (query === undefined) return pathPart;
  const names = [...new URLSearchParams(query).keys()];
  return `${pathPart}?${names.map((n) => `${encodeURIComponent(n)}=…`).join('&')}`;
}

// Only fields known to hold no data are kept: PostgreSQL's `detail` and
// Drizzle's `params` carry the row's values (names, e-mail addresses, hashes).
const safeErrorFields = ['code', 'statusCode', 'severity', 'constraint', 'table', 'column', 'routine', 'validationContext'];

function scrubMessage(message: string): string {
  return message
    // An SMTP refusal or a driver message can quote an address.
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[e-mail]')
    .replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]')
    .replace(/^((?:invalid input (?:syntax|value) for|date\/time field value out of range)[^:]*): "[\s\S]*"$/, '$1: [redacted]')
    .replace(/^value "[\s\S]*" is out of range/, 'value [redacted] is out of range');
}

/** An error as a log line may hold it: its kind, codes, SQL text and stack, never the values it was about. */
export function serializeError(error: unknown, depth = 0): { type: string; message: string; stack: string; [key: string]: unknown } {
  if (error === null || typeof error !== 'object') return { type: typeof error, message: scrubMessage(String(error)), stack: '' };
  const e = error as Error & Record<string, unknown>;
  const type = e.constructor?.name ?? 'Error';
  const raw = typeof e.message === 'string' ? e.message : '';
  // Drizzle repeats the SQL (kept below, under `query`) and its parameters in the message.
  const message = typeof e.query === 'string' && raw.startsWith('Failed query:') ? 'Failed query' : scrubMessage(raw);
  const frames = typeof e.stack === 'string' ? e.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
  const out: { type: string; message: string; stack: string; [key: string]: unknown } = { type, message, stack: [`${type}: ${message}`, ...frames].join('\n') };
  for (const key of safeErrorFields) if (e[key] !== undefined && typeof e[key] !== 'object') out[key] = e[key];
  if (typeof e.query === 'string') out.query = e.query;
  if (e.cause !== undefined && depth < 4) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

const redact = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...['password', 'currentPassword', 'newPassword', 'token', 'email', 'csv'].flatMap((k) => [k, `*.${k}`]),
];

const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];
/** JSON bodies are small; a route that takes a file says so (config.textUpload). */
const BODY_LIMIT = 1024 * 1024;

export async function buildServer(options: ServerOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // No secrets or personal data in logs: no headers, bodies or query values,
      // no client addresses, and errors without the values they were about.
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: loggableUrl(req.url) }),
        err: (err: FastifyError) => serializeError(err),
      },
      redact,
    },
    // Behind the one reverse proxy STRIDE_TRUST_PROXY describes, trust that proxy
    // and nothing it forwards: the client's address is the last one the proxy
    // appended to X-Forwarded-For. `true` would take the first, which the client
    // writes itself, and give every request a rate-limit bucket of its own.
    trustProxy: options.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    bodyLimit: BODY_LIMIT,
    // Malformed or overlong URLs are rejected by the router before any hook runs
    // (so before helmet's): they still answer in the one error format, with the same headers.
    frameworkErrors: (error, request, reply) => {
      reply.header('content-security-policy', cspHeader).header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer');
      void sendProblem(reply, toProblem(error, request).problem);
    },
    // Request lines carry search queries (names); log them only when debugging.
    logController: new LogController({ disableRequestLogging: options.logLevel !== 'debug' && options.logLevel !== 'trace' }),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('actor', null);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives },
    // The same as frame-ancestors 'none', for browsers that predate CSP 2.
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only means something over TLS; helmet would send it on plain HTTP too.
    hsts: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // Per route (config.rateLimit); the 429 goes through the error handler as a problem,
  // with Retry-After and the x-ratelimit-* headers the plugin sets.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) =>
      Object.assign(new Error(`Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`), { statusCode: 429 }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Stride API',
        version: '1',
        description: 'The operating system of an internal training unit run on the value model of customer service.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'stride_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The value of the stride_csrf cookie, echoed on every state-changing request.' },
        },
      },
    },
    // Each operation says what it needs: a session unless public, the CSRF header when it changes state.
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      const config = (input.route as { config?: { access?: unknown; csrf?: boolean } }).config ?? {};
      const methods = ([] as string[]).concat(input.route.method);
      const csrf = config.csrf !== false && methods.some((m) => !READ_METHODS.includes(m));
      const requirement = { ...(config.access === 'public' ? {} : { session: [] }), ...(csrf ? { csrf: [] } : {}) };
      const security = Object.keys(requirement).length > 0 ? [requirement] : [];
      return { ...result, schema: { ...(result.schema as object), security } as typeof result.schema };
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    // Deny by default: an API operation must say who may call it.
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    // Anyone on the internet can call a public operation that changes state: it
    // must be rate limited, or say why not.
    const methods = ([] as string[]).concat(route.method);
    if (route.config.access === 'public' && methods.some((m) => isStateChanging(m))) {
      const limited = typeof route.config.rateLimit === 'object' && route.config.rateLimit !== null;
      const exempt = typeof route.config.rateLimitExempt === 'string' && route.config.rateLimitExempt.trim().length > 0;
      if (!limited && !exempt) {
        throw new Error(`Route ${methods.join(',')} ${route.url} is public and changes state, but declares no rateLimit (or rateLimitExempt with a reason)`);
      }
    }
    // An uploaded file travels as a JSON string, which can be larger than the file:
    // a CRLF becomes four bytes, a quote two. Half again covers real exports; the
    // file's own limit is checked on the decoded text.
    const upload = route.config.textUpload;
    if (upload && route.bodyLimit === undefined) route.bodyLimit = Math.ceil(upload.maxBytes * 1.5) + 64 * 1024;
  });

  app.addHook('onRequest', async (request, reply) => {
    ensureCsrfCookie(request, reply);
  });
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/v1')) return;
    await authenticate(request, options.resolveActor);
    const access = request.routeOptions.config.access;
    if (!access) return; // unmatched route: the not-found handler answers
    checkAccess(access, request.actor);
    checkCsrf(request);
    // Before the generic text check, so a spreadsheet is called a spreadsheet, not "a NUL character".
    checkTextUpload(request);
    rejectUnstorableText(request);
  });

  app.setErrorHandler((error, request, reply) => {
    const { problem, log } = toProblem(error, request);
    if (log) request.log.error({ err: error, url: loggableUrl(request.url) }, 'request failed');
    return sendProblem(reply, withLimit(problem, error, request));
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } } },
    async (_request, reply) => {
      try {
        await options.database.execute('SELECT 1');
      } catch (err) {
        reply.log.warn({ err }, 'health check: database unreachable');
        return sendProblem(reply, problemOf('unavailable', 'The database cannot be reached.', '/healthz'));
      }
      return { status: 'ok' as const, database: options.database.engine };
    },
  );

  await app.register(async (api) => options.registerRoutes(api as unknown as App), { prefix: '/api/v1' });

  const webRoot = options.webRoot;
  const hasWeb = !!webRoot && fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: false, wildcard: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (hasWeb && request.method === 'GET' && !url.startsWith('/api') && !path.extname(url)) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, problemOf('not_found', `Nothing is at ${request.method} ${url}.`, url));
  });

  return app as unknown as App;
}

/** Fastify's 413 says only "Request body is too large"; people need to know the limit. */
function withLimit(problem: Problem, error: unknown, request: FastifyRequest): Problem {
  if ((error as { code?: unknown }).code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return problem;
  const upload = request.routeOptions.config?.textUpload;
  if (upload) return { ...problem, detail: tooLargeMessage(upload), errors: [{ field: upload.field, message: tooLargeMessage(upload) }] };
  return { ...problem, detail: `The request is too large: this operation accepts at most ${sizeLabel(request.routeOptions.bodyLimit ?? BODY_LIMIT)}.` };
}
