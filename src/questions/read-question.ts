import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { findPersonById } from '../people/find-people';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import type { QuestionView } from './question-schemas';
import { handlesQuestions } from './question-staff';
import { questionMessages, questions } from './schema';

type QuestionRow = typeof questions.$inferSelect;

export const referenceOf = (number: number) => `Q-${String(number).padStart(6, '0')}`;

/**
 * A question is the asker's and the unit's. Nobody else — not even the asker's supervisor —
 * learns it exists: people ask the unit things they would not ask their manager.
 */
export async function findVisibleQuestion(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<QuestionRow> {
  const query = tx.select().from(questions).where(eq(questions.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || (!handlesQuestions(actor) && row.askerId !== actor.id)) throw AppError.notFound('This question');
  return row;
}

export async function questionViews(tx: DbOrTx, rows: QuestionRow[], now: Date): Promise<QuestionView[]> {
  const ids = rows.map((r) => r.id);
  const messages = ids.length ? await tx.select().from(questionMessages).where(inArray(questionMessages.questionId, ids)).orderBy(asc(questionMessages.at)) : [];
  const clocks = await listSubjectClocks(tx, 'question', ids, now);
  const personIds = [...new Set([...rows.flatMap((r) => [r.assigneeId, r.loggedBy]), ...messages.map((m) => m.authorId)].filter((id): id is string => !!id))];
  const names = new Map<string, { id: string; name: string }>();
  for (const id of personIds) {
    const person = await findPersonById(tx, id);
    if (person) names.set(id, { id, name: person.name });
  }
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? { id, name: 'Unknown' }) : null);
  return rows.map((row) => ({
    id: row.id,
    reference: referenceOf(row.number),
    channel: row.channel,
    status: row.status,
    subject: row.subject,
    body: row.body,
    asker: { id: row.askerId, name: row.askerName, email: row.askerEmail },
    businessUnitId: row.businessUnitId,
    assignee: nameOf(row.assigneeId),
    loggedBy: nameOf(row.loggedBy),
    askedAt: row.askedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    messages: messages.filter((m) => m.questionId === row.id).map((m) => ({ id: m.id, author: nameOf(m.authorId), body: m.body, at: m.at.toISOString() })),
    clocks: clocks.get(row.id) ?? [],
  }));
}

export async function questionView(tx: DbOrTx, id: string, now: Date): Promise<QuestionView> {
  const [row] = await tx.select().from(questions).where(eq(questions.id, id));
  if (!row) throw AppError.notFound('This question');
  return (await questionViews(tx, [row], now))[0]!;
}

export async function getQuestion(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<QuestionView> {
  const row = await findVisibleQuestion(db, actor, id);
  return (await questionViews(db, [row], now))[0]!;
}

/** Staff see every question (filtered); everyone else sees the questions they asked. */
export async function listQuestions(db: DbOrTx, actor: Actor, filter: { status?: QuestionRow['status']; channel?: QuestionRow['channel']; assigneeId?: string }, now: Date): Promise<QuestionView[]> {
  const where: SQL[] = [];
  if (!handlesQuestions(actor)) where.push(eq(questions.askerId, actor.id));
  if (filter.status) where.push(eq(questions.status, filter.status));
  if (filter.channel) where.push(eq(questions.channel, filter.channel));
  if (filter.assigneeId) where.push(eq(questions.assigneeId, filter.assigneeId));
  const rows = await db.select().from(questions).where(and(...where)).orderBy(desc(questions.askedAt)).limit(200);
  return questionViews(db, rows, now);
}
