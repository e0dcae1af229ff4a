import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { findPeopleNames } from '../people/find-people-names';
import { getPersonDetail } from '../people/get-person';
import type { SuggestionView } from './suggestion-schemas';
import { decides, maySee, mayReview, reviewerOf } from './suggestion-parties';
import { suggestionEvents, suggestions } from './schema';

export type SuggestionRow = typeof suggestions.$inferSelect;
export const suggestionReference = (number: number) => `S-${String(number).padStart(6, '0')}`;
export const suggestionNotFound = () => AppError.notFound('This suggestion');

export async function findVisibleSuggestion(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<SuggestionRow> {
  const query = tx.select().from(suggestions).where(eq(suggestions.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !(await maySee(tx, actor, row.submitterId))) throw suggestionNotFound();
  return row;
}

export async function suggestionViewsOf(tx: DbOrTx, actor: Actor, rows: SuggestionRow[]): Promise<SuggestionView[]> {
  const ids = rows.map((r) => r.id);
  const events = ids.length ? await tx.select().from(suggestionEvents).where(inArray(suggestionEvents.suggestionId, ids)).orderBy(asc(suggestionEvents.at)) : [];
  const named = await findPeopleNames(tx, [...rows.map((r) => r.submitterId), ...events.map((e) => e.actorId)]);
  const views: SuggestionView[] = [];
  for (const row of rows) {
    const reviewer = await reviewerOf(tx, row.submitterId);
    views.push({
      id: row.id,
      reference: suggestionReference(row.number),
      title: row.title,
      idea: row.idea,
      benefit: row.benefit,
      status: row.status,
      submitter: named(row.submitterId),
      reviewer: reviewer ? { id: reviewer.id, name: reviewer.name } : null,
      submittedAt: row.submittedAt.toISOString(),
      events: events.filter((e) => e.suggestionId === row.id).map((e) => ({ id: e.id, type: e.type, actor: e.actorId ? named(e.actorId) : null, text: e.text, at: e.at.toISOString() })),
      can: { review: row.status === 'submitted' && mayReview(actor, reviewer), decide: row.status === 'escalated' && decides(actor) },
    });
  }
  return views;
}

export async function getSuggestion(db: DbOrTx, actor: Actor, id: string): Promise<SuggestionView> {
  return (await suggestionViewsOf(db, actor, [await findVisibleSuggestion(db, actor, id)]))[0]!;
}

/**
 * mine: what I suggested. to-review: my direct reports' suggestions. leadership (leaders): every
 * suggestion escalated to leadership, decided or not. Newest first, 200 at most.
 */
export async function listSuggestions(db: DbOrTx, actor: Actor, view: 'mine' | 'to-review' | 'leadership'): Promise<SuggestionView[]> {
  let where;
  if (view === 'mine') where = eq(suggestions.submitterId, actor.id);
  else if (view === 'to-review') {
    const reports = (await getPersonDetail(db, actor.id)).reports.map((r) => r.id);
    if (reports.length === 0) return [];
    where = inArray(suggestions.submitterId, reports);
  } else {
    if (!decides(actor)) throw AppError.forbidden('Only leaders see what was escalated to leadership.');
    where = inArray(suggestions.status, ['escalated', 'adopted', 'piloted', 'declined']);
  }
  const rows = await db.select().from(suggestions).where(where).orderBy(desc(suggestions.submittedAt)).limit(200);
  return suggestionViewsOf(db, actor, rows);
}
