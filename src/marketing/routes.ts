import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { AppError } from '../platform/http/app-error';
import {
  digestPreferencesInput, digestPreferencesView, digestPreviewQuery, digestPreviewView, oneClickBody, unsubscribeOutcome, unsubscribeParams, unsubscribeView,
} from './marketing-schemas';
import { readDigestPreferences } from './read-preferences';
import { saveDigestPreferences } from './save-preferences';
import { previewDigest } from './preview-digest';
import { readUnsubscribeLink, unsubscribeByLink } from './unsubscribe';
import { acceptFormBodies } from './form-body';

const tags = ['marketing'];

function actorId(request: FastifyRequest): string {
  if (!request.actor) throw new AppError('unauthenticated', 'Please sign in to continue.');
  return request.actor.id;
}

// Per client address, generously: one-click requests come from mail providers' servers and from
// offices behind one address, and a refused one-click is a person who keeps getting mail they
// asked to stop. The limit bounds load; guessing a 256-bit token is hopeless at any rate.
const oneClickLimit = { max: 120, timeWindow: '1 minute' };

export async function marketingRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.get(
    '/marketing/preferences',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'My digest: on or off, weekly or monthly, and the interests it is about (CA-6)', response: { 200: digestPreferencesView } } },
    async (request) => readDigestPreferences(db, actorId(request), clock.now()),
  );

  app.put(
    '/marketing/preferences',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'Choose my digest: switch it on (with at least one interest) or off, weekly or monthly', body: digestPreferencesInput, response: { 200: digestPreferencesView } },
    },
    async (request) => saveDigestPreferences(db, clock, actorId(request), request.body),
  );

  app.get(
    '/marketing/preferences/preview',
    {
      config: { access: 'signed-in' },
      schema: { tags, summary: 'What my next digest would hold today, for my saved choice or the one given (frequency, interests=id,id)', querystring: digestPreviewQuery, response: { 200: digestPreviewView } },
    },
    async (request) => previewDigest(db, clock, actorId(request), request.query),
  );

  app.get(
    '/unsubscribe/:token',
    { config: { access: 'public' }, schema: { tags, summary: 'Whose digest an unsubscribe link stops, for the page that asks to confirm; changes nothing', params: unsubscribeParams, response: { 200: unsubscribeView } } },
    async (request) => readUnsubscribeLink(db, request.params.token),
  );

  // A plugin of its own, so the form parsers serve this route only.
  await app.register(async (instance) => {
    const scope = instance as unknown as App;
    acceptFormBodies(scope);
    scope.post(
      '/unsubscribe/:token',
      {
        bodyLimit: 16 * 1024,
        config: {
          access: 'public',
          // RFC 8058: the mail client POSTs with no cookies and no token of ours. The link's own
          // 256-bit token is the proof, and all it can do is stop that person's digest (decision 015).
          csrf: false,
          rateLimit: oneClickLimit,
        },
        schema: {
          tags,
          summary: 'One-click unsubscribe (RFC 8058): stops the digest the link came with; no sign-in; idempotent',
          consumes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
          params: unsubscribeParams,
          body: oneClickBody,
          response: { 200: unsubscribeOutcome },
        },
      },
      async (request) => unsubscribeByLink(db, clock, request.params.token),
    );
  });
}
