import { z } from 'zod';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { bodyLimitFor } from '../platform/files/file-schemas';
import { readStoredFile } from '../platform/files/read-stored-files';
import { sendStoredFile } from '../platform/files/send-stored-file';
import {
  acknowledgeFeedbackInput, closeFeedbackInput, feedbackFilePolicy, feedbackNoteInput, feedbackReceipt, feedbackTrendQuery, feedbackTrendView, feedbackView,
  followTokenParam, listFeedbackQuery, respondToFeedbackInput, senderReplyInput, submitFeedbackInput,
} from './feedback-schemas';
import { feedbackStaffRoles, feedbackTrendRoles } from './feedback-staff';
import { submitFeedback } from './submit-feedback';
import { FEEDBACK, findVisibleFeedback, getFeedback, getFeedbackByToken, listFeedback, listMyFeedback } from './read-feedback';
import { acknowledgeFeedback } from './acknowledge-feedback';
import { addFeedbackNote } from './add-feedback-note';
import { respondToFeedback } from './respond-to-feedback';
import { closeFeedback } from './close-feedback';
import { replyByLink } from './reply-by-link';
import { feedbackTrend } from './feedback-trend';

const tags = ['feedback'];
const staff = { roles: feedbackStaffRoles };
// Anyone may write to the unit, signed in or not: a few dozen per address (colleagues behind one
// office proxy share one), counted after validation.
const sendLimit = { max: 30, timeWindow: '15 minutes', hook: 'preHandler' as const };
const linkReadLimit = { max: 60, timeWindow: '15 minutes' };
const linkReplyLimit = { max: 10, timeWindow: '15 minutes' };
const fileParams = z.object({ id: z.uuid('Must be a valid id.'), fileId: z.uuid('Must be a valid id.') });

export async function feedbackRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock, publicUrl } = deps;

  app.post(
    '/feedback',
    {
      config: { access: 'public', rateLimit: sendLimit },
      bodyLimit: bodyLimitFor(feedbackFilePolicy),
      schema: { tags, summary: 'Tell the unit what went wrong or right, named or anonymous, with attachments; its clocks start, and a private link to follow it comes back once (FB-1)', body: submitFeedbackInput, response: { 201: feedbackReceipt } },
    },
    async (request, reply) => reply.status(201).send(await submitFeedback(db, clock, publicUrl, request.body.anonymous ? null : request.actor, request.body)),
  );

  app.get(
    '/feedback/follow/:token',
    { config: { access: 'public', rateLimit: linkReadLimit }, schema: { tags, summary: 'Feedback followed through its private link: handling steps and response, never internal notes (FB-1)', params: followTokenParam, response: { 200: feedbackView } } },
    async (request) => getFeedbackByToken(db, request.params.token, clock.now()),
  );

  app.post(
    '/feedback/follow/:token/reply',
    { config: { access: 'public', rateLimit: linkReplyLimit }, schema: { tags, summary: 'The sender says through the private link whether the response settles it: closes the loop, or sends it back (FB-1)', params: followTokenParam, body: senderReplyInput, response: { 200: feedbackView } } },
    async (request) => replyByLink(db, clock, request.params.token, request.body),
  );

  app.get(
    '/feedback',
    { config: { access: staff }, schema: { tags, summary: 'The unit’s feedback queue with clock states, newest first', querystring: listFeedbackQuery, response: { 200: z.array(feedbackView) } } },
    async (request) => listFeedback(db, request.query, clock.now()),
  );

  app.get(
    '/feedback/mine',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Feedback the caller sent named (anonymous feedback is followed only by its link)', response: { 200: z.array(feedbackView) } } },
    async (request) => listMyFeedback(db, actorOf(request), clock.now()),
  );

  app.get(
    '/feedback/trend',
    { config: { access: { roles: feedbackTrendRoles } }, schema: { tags, summary: 'What people tell the unit about, month by month: counts by category and kind, never by person (FB-1)', querystring: feedbackTrendQuery, response: { 200: feedbackTrendView } } },
    async (request) => feedbackTrend(db, clock.now(), request.query.months),
  );

  app.get(
    '/feedback/:id',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'One feedback: the unit sees all of it, a named sender their own without internal notes', params: uuidParam, response: { 200: feedbackView } } },
    async (request) => getFeedback(db, actorOf(request), request.params.id, clock.now()),
  );

  app.get(
    '/feedback/:id/files/:fileId',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'An attachment of a feedback, for those who may read it, as a download', params: fileParams, produces: ['application/octet-stream'] } },
    async (request, reply) => {
      await findVisibleFeedback(db, actorOf(request), request.params.id);
      return sendStoredFile(reply, await readStoredFile(db, { type: FEEDBACK, id: request.params.id }, request.params.fileId));
    },
  );

  app.post(
    '/feedback/:id/acknowledge',
    { config: { access: staff }, schema: { tags, summary: 'Acknowledge: name who handles it and tell the sender; stops the acknowledgement clock', params: uuidParam, body: acknowledgeFeedbackInput, response: { 200: feedbackView } } },
    async (request) => acknowledgeFeedback(db, clock, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/feedback/:id/notes',
    { config: { access: staff }, schema: { tags, summary: 'An investigation note, internal to the unit', params: uuidParam, body: feedbackNoteInput, response: { 200: feedbackView } } },
    async (request) => addFeedbackNote(db, clock, actorOf(request), request.params.id, request.body.note),
  );

  app.post(
    '/feedback/:id/respond',
    { config: { access: staff }, schema: { tags, summary: 'Respond: what was found and what changes; stops the resolution clock, reaches the sender', params: uuidParam, body: respondToFeedbackInput, response: { 200: feedbackView } } },
    async (request) => respondToFeedback(db, clock, actorOf(request), request.params.id, request.body.response),
  );

  app.post(
    '/feedback/:id/close',
    { config: { access: staff }, schema: { tags, summary: 'Close the loop after the response, saying how', params: uuidParam, body: closeFeedbackInput, response: { 200: feedbackView } } },
    async (request) => closeFeedback(db, clock, actorOf(request), request.params.id, request.body.note),
  );
}
