import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { hashToken } from '../platform/auth/tokens';
import { listStoredFiles } from '../platform/files/read-stored-files';
import { findPeopleNames } from '../people/find-people-names';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import type { FeedbackView } from './feedback-schemas';
import { feedbackReference } from './feedback-references';
import { handlesFeedback } from './feedback-staff';
import { feedback, feedbackEvents, type FeedbackCategory, type FeedbackStatus } from './schema';

export type FeedbackRow = typeof feedback.$inferSelect;
export const FEEDBACK = 'feedback';
export const feedbackNotFound = () => AppError.notFound('This feedback');

/**
 * Feedback is the unit's and, when named, its sender's. Anyone else — the sender's manager, a
 * leader — learns nothing, not even that it exists.
 */
export async function findVisibleFeedback(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<FeedbackRow> {
  const query = tx.select().from(feedback).where(eq(feedback.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (!handlesFeedback(actor) && (row.senderId === null || row.senderId !== actor.id))) throw feedbackNotFound();
  return row;
}

/** The feedback behind a private link; the token itself is never stored, only its SHA-256. */
export async function findByFollowToken(tx: DbOrTx, token: string, lock = false): Promise<FeedbackRow> {
  const query = tx.select().from(feedback).where(eq(feedback.followTokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new AppError('not_found', 'This link does not lead to any feedback. Check that it was copied whole.');
  return row;
}

/** What the unit sees (`forSender` false), or the sender (no internal notes). */
export async function feedbackViews(tx: DbOrTx, rows: FeedbackRow[], now: Date, forSender: boolean): Promise<FeedbackView[]> {
  const ids = rows.map((r) => r.id);
  const events = ids.length ? await tx.select().from(feedbackEvents).where(inArray(feedbackEvents.feedbackId, ids)).orderBy(asc(feedbackEvents.at)) : [];
  const clocks = await listSubjectClocks(tx, FEEDBACK, ids, now);
  const files = await listStoredFiles(tx, FEEDBACK, ids);
  const named = await findPeopleNames(tx, [...rows.map((r) => r.ownerId), ...events.map((e) => e.actorId)]);
  const nameOf = (id: string | null) => (id ? named(id) : null);
  return rows.map((row) => ({
    id: row.id,
    reference: feedbackReference(row.number),
    kind: row.kind,
    category: row.category,
    about: row.about,
    body: row.body,
    anonymous: row.anonymous,
    sender: row.anonymous || !row.senderName || !row.senderEmail ? null : { id: row.senderId, name: row.senderName, email: row.senderEmail },
    status: row.status,
    owner: nameOf(row.ownerId),
    response: row.response,
    senderSatisfied: row.senderSatisfied,
    receivedAt: row.receivedAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    respondedAt: row.respondedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    events: events
      .filter((e) => e.feedbackId === row.id && (!forSender || !e.internal))
      .map((e) => ({ id: e.id, type: e.type, actor: nameOf(e.actorId), text: e.text, internal: e.internal, at: e.at.toISOString() })),
    attachments: files.get(row.id) ?? [],
    clocks: clocks.get(row.id) ?? [],
  }));
}

export async function feedbackView(tx: DbOrTx, row: FeedbackRow, now: Date, forSender: boolean): Promise<FeedbackView> {
  return (await feedbackViews(tx, [row], now, forSender))[0]!;
}

export async function getFeedback(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<FeedbackView> {
  const row = await findVisibleFeedback(db, actor, id);
  return feedbackView(db, row, now, !handlesFeedback(actor));
}

export async function getFeedbackByToken(db: DbOrTx, token: string, now: Date): Promise<FeedbackView> {
  return feedbackView(db, await findByFollowToken(db, token), now, true);
}

/** The unit's queue, newest first, filtered; 200 at most. */
export async function listFeedback(db: DbOrTx, filter: { status?: FeedbackStatus; category?: FeedbackCategory }, now: Date): Promise<FeedbackView[]> {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(feedback.status, filter.status));
  if (filter.category) where.push(eq(feedback.category, filter.category));
  const rows = await db.select().from(feedback).where(and(...where)).orderBy(desc(feedback.receivedAt)).limit(200);
  return feedbackViews(db, rows, now, false);
}

/** What a person sent named (anonymous feedback is nobody's: it is followed by its link). */
export async function listMyFeedback(db: DbOrTx, actor: Actor, now: Date): Promise<FeedbackView[]> {
  const rows = await db.select().from(feedback).where(eq(feedback.senderId, actor.id)).orderBy(desc(feedback.receivedAt)).limit(200);
  return feedbackViews(db, rows, now, true);
}
