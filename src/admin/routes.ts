import { z } from 'zod';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { AppError } from '../platform/http/app-error';
import { pageOf } from '../platform/http/common-schemas';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { unitSettingsSchema } from '../platform/settings/settings-schemas';
import { auditEntry, auditQuery, outboxCounts as outboxCountsSchema, outboxItem, outboxMessage, outboxQuery } from './admin-schemas';
import { getOutboxMessage, listOutbox, outboxCounts } from './list-outbox';
import { listAudit } from './list-audit';
import { updateUnitSettings } from './update-unit-settings';

const admin = { roles: ['admin'] as const };

export async function adminRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps;

  // Public: the contact details appear on every page, the sign-in page included (CA-7).
  app.get(
    '/unit',
    { config: { access: 'public' }, schema: { tags: ['unit'], summary: "The training unit's name and contact details", response: { 200: unitSettingsSchema } } },
    async () => getUnitSettings(db),
  );

  app.put(
    '/unit',
    { config: { access: admin }, schema: { tags: ['unit'], summary: "Change the training unit's contact details", body: unitSettingsSchema, response: { 200: unitSettingsSchema } } },
    async (request) => {
      if (!request.actor) throw new AppError('unauthenticated', 'Please sign in to continue.');
      return updateUnitSettings(db, request.actor, request.body);
    },
  );

  app.get(
    '/outbox',
    { config: { access: admin }, schema: { tags: ['mail'], summary: 'Messages in the outbox, newest first', querystring: outboxQuery, response: { 200: pageOf(outboxItem) } } },
    async (request) => listOutbox(db, request.query),
  );

  app.get(
    '/outbox/counts',
    { config: { access: admin }, schema: { tags: ['mail'], summary: 'How many messages are in each state', response: { 200: outboxCountsSchema } } },
    async () => ({ ...(await outboxCounts(db)), deliveryConfigured: deps.mailDeliveryConfigured }),
  );

  app.get(
    '/outbox/:id',
    { config: { access: admin }, schema: { tags: ['mail'], summary: 'One message as it will be (or was) sent', params: z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }), response: { 200: outboxMessage } } },
    async (request) => getOutboxMessage(db, request.params.id),
  );

  app.get(
    '/audit',
    { config: { access: admin }, schema: { tags: ['audit'], summary: 'Who changed what, when, before and after', querystring: auditQuery, response: { 200: pageOf(auditEntry) } } },
    async (request) => listAudit(db, request.query),
  );
}
