import fs from 'node:fs';
import path from 'node:path';
import Fastify, { LogController } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App } from './types';
import { problemOf, sendProblem, toProblem } from './problem';
import { rejectUnstorableText } from './storable-text';
import { authenticate, checkAccess, checkCsrf, ensureCsrfCookie, type ResolveActor } from './security';
import type { Database } from '../db/database';

export type ServerOptions = {
  database: Database;
  resolveActor: ResolveActor;
  registerRoutes: (app: App) => Promise<void>;
  logLevel: string;
  trustProxy: boolean;
  /** Folder of the built web UI; served with a fallback to index.html for client-side routes. */
  webRoot?: string;
};

export async function buildServer(options: ServerOptions): Promise<App> {
  const app = Fastify({
    logger: {
      level: options.logLevel,
      // No secrets or personal data in logs: cookies, tokens and bodies are never logged.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    trustProxy: options.trustProxy,
    bodyLimit: 1024 * 1024,
    // Malformed or overlong URLs are rejected by the router before any hook runs;
    // they still answer in the one error format.
    frameworkErrors: (error, request, reply) => {
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
    contentSecurityPolicy: {
      directives: {
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
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only means something over TLS; helmet would send it on plain HTTP too.
    hsts: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
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
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'stride_session' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  // Deny by default: an API operation must say who may call it.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule`);
    }
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
    rejectUnstorableText(request);
  });

  app.setErrorHandler((error, request, reply) => {
    const { problem, log } = toProblem(error, request);
    if (log) request.log.error({ err: error, url: request.url.split('?')[0] }, 'request failed');
    return sendProblem(reply, problem);
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
