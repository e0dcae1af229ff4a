import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { businessUnits, people } from '../people/schema';
import { glossaryTermsByIds } from '../glossary/list-glossary-terms';
import type { WorkshopView } from './workshop-schemas';
import { allGaps } from './workshop-steps';
import { readsAllWorkshops, runsWorkshops } from './workshop-staff';
import { workshopMoments, workshopOpportunities, workshopParticipants, workshops, workshopStories, workshopWords } from './schema';

// One workshop as its pages and report show it (CX-1..4). Names of people and business units are
// read-only joins kept here, as support/read-support-case.ts does: a workshop is one query's worth
// of context. Staff read every workshop; a participant reads the one they took part in; for anyone
// else it does not exist.

export type WorkshopRow = typeof workshops.$inferSelect;

export const workshopNotFound = () => AppError.notFound('This workshop');

/** The workshop if the actor may read it; `lock` takes the row FOR UPDATE for writes. */
export async function loadWorkshop(tx: DbOrTx, actor: Actor, id: string, lock = false): Promise<WorkshopRow> {
  const query = tx.select().from(workshops).where(eq(workshops.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw workshopNotFound();
  if (readsAllWorkshops(actor)) return row;
  const [participant] = await tx.select({ id: workshopParticipants.id }).from(workshopParticipants).where(and(eq(workshopParticipants.workshopId, id), eq(workshopParticipants.personId, actor.id)));
  if (!participant) throw workshopNotFound();
  return row;
}

export async function readWorkshop(db: DbOrTx, actor: Actor, id: string): Promise<WorkshopView> {
  await loadWorkshop(db, actor, id);
  return workshopViewOf(db, id, runsWorkshops(actor));
}

export async function workshopViewOf(tx: DbOrTx, id: string, runner: boolean): Promise<WorkshopView> {
  const [w] = await tx.select({ w: workshops, unitName: businessUnits.name }).from(workshops).leftJoin(businessUnits, eq(businessUnits.id, workshops.businessUnitId)).where(eq(workshops.id, id));
  if (!w) throw workshopNotFound();
  const participants = await tx
    .select({ id: people.id, name: people.name, jobTitle: people.jobTitle, contribution: workshopParticipants.contribution })
    .from(workshopParticipants)
    .innerJoin(people, eq(people.id, workshopParticipants.personId))
    .where(eq(workshopParticipants.workshopId, id))
    .orderBy(asc(workshopParticipants.position));
  const moments = await tx.select().from(workshopMoments).where(eq(workshopMoments.workshopId, id)).orderBy(asc(workshopMoments.position));
  const opportunities = await tx.select().from(workshopOpportunities).where(eq(workshopOpportunities.workshopId, id)).orderBy(asc(workshopOpportunities.position));
  const stories = await tx.select().from(workshopStories).where(eq(workshopStories.workshopId, id)).orderBy(asc(workshopStories.position));
  const wordIds = (await tx.select({ termId: workshopWords.termId }).from(workshopWords).where(eq(workshopWords.workshopId, id))).map((r) => r.termId);
  const names = await namesOf(tx, [w.w.facilitatorId, w.w.updatedBy]);
  const ref = (personId: string) => ({ id: personId, name: names.get(personId) ?? 'Someone' });
  const content = {
    purpose: w.w.purpose,
    participants,
    moments: moments.map((m) => ({ id: m.id, name: m.name, happensNow: m.happensNow, shouldHappen: m.shouldHappen, standardsNow: m.standardsNow, standardsNeeded: m.standardsNeeded, nonValueAdded: m.nonValueAdded })),
    opportunities: opportunities.map((o) => ({ id: o.id, momentId: o.momentId, kind: o.kind, description: o.description, requestId: o.requestId, requestedAt: o.requestedAt?.toISOString() ?? null })),
  };
  return {
    id: w.w.id,
    revision: w.w.revision,
    title: w.w.title,
    businessUnit: w.w.businessUnitId ? { id: w.w.businessUnitId, name: w.unitName ?? '' } : null,
    process: w.w.process,
    heldOn: w.w.heldOn,
    facilitator: ref(w.w.facilitatorId),
    step: w.w.step,
    finishedAt: w.w.finishedAt?.toISOString() ?? null,
    updatedBy: ref(w.w.updatedBy),
    updatedAt: w.w.updatedAt.toISOString(),
    ...content,
    participants: participants.map((p) => ({ person: { id: p.id, name: p.name }, jobTitle: p.jobTitle, contribution: p.contribution })),
    stories: stories.map((s) => ({ id: s.id, momentId: s.momentId, story: s.story, toldBy: s.toldBy })),
    words: await glossaryTermsByIds(tx, wordIds),
    gaps: allGaps(content),
    canRun: runner,
    canEdit: runner && w.w.step !== 'done',
  };
}

async function namesOf(tx: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  const rows = await tx.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
