import { and, eq, notInArray } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { Db, Tx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError, type FieldError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import type { SaveWorkshopInput, WorkshopView } from './workshop-schemas';
import { checkWorkshopScope } from './check-workshop-scope';
import { assertWorkshopEditable } from './assert-workshop-editable';
import { loadWorkshop, workshopViewOf } from './read-workshop';
import { workshopMoments, workshopOpportunities, workshopParticipants, workshops, workshopStories } from './schema';

type Row = { id: string };
type Table = typeof workshopMoments | typeof workshopOpportunities | typeof workshopStories;

/** Field errors for listed ids this workshop does not have, or lists twice. */
function unknownIds(list: readonly { id?: string }[], known: Map<string, unknown>, field: string, what: string): FieldError[] {
  const seen = new Set<string>();
  return list.flatMap((item, i) => {
    if (!item.id) return [];
    if (!known.has(item.id)) return [{ field: `${field}.${i}.id`, message: `This workshop has no ${what} with this id; reload the workshop.` }];
    if (seen.has(item.id)) return [{ field: `${field}.${i}.id`, message: `This ${what} is listed twice.` }];
    seen.add(item.id);
    return [];
  });
}

/** Deletes the rows of the workshop the save left out. */
async function dropMissing(tx: Tx, table: Table, workshopId: string, kept: readonly { id?: string }[]): Promise<void> {
  const ids = kept.flatMap((k) => (k.id ? [k.id] : []));
  await tx.delete(table).where(ids.length ? and(eq(table.workshopId, workshopId), notInArray(table.id, ids)) : eq(table.workshopId, workshopId));
}

/**
 * Saves the whole workshop (CX-1..3), all or nothing, as its next revision: scope, participants,
 * the moments of truth in order with their analysis, the opportunities and the stories. A moment
 * is referred to by its place in the list, so a new moment and the opportunities found at it save
 * together. An opportunity already turned into a request (CX-4) stays as the request took it.
 */
export async function saveWorkshop(deps: { db: Db; clock: Clock }, actor: Actor, id: string, input: SaveWorkshopInput): Promise<WorkshopView> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await loadWorkshop(tx, actor, id, true);
    await assertWorkshopEditable(tx, row, input.revision);
    const moments = new Map((await tx.select().from(workshopMoments).where(eq(workshopMoments.workshopId, id))).map((m) => [m.id, m]));
    const opportunities = new Map((await tx.select().from(workshopOpportunities).where(eq(workshopOpportunities.workshopId, id))).map((o) => [o.id, o]));
    const stories = new Map((await tx.select().from(workshopStories).where(eq(workshopStories.workshopId, id))).map((s) => [s.id, s]));

    const fields: FieldError[] = [
      ...(await checkWorkshopScope(tx, input)),
      ...unknownIds(input.moments, moments, 'moments', 'moment'),
      ...unknownIds(input.opportunities, opportunities, 'opportunities', 'opportunity'),
      ...unknownIds(input.stories, stories, 'stories', 'story'),
    ];
    const momentOutOfRange = (field: string) => (item: { moment: number | null }, i: number) =>
      item.moment !== null && item.moment >= input.moments.length ? [{ field: `${field}.${i}.moment`, message: 'Choose one of the workshop’s moments of truth, or none.' }] : [];
    fields.push(...input.opportunities.flatMap(momentOutOfRange('opportunities')), ...input.stories.flatMap(momentOutOfRange('stories')));
    for (const [oid, o] of opportunities) {
      if (!o.requestId) continue;
      const i = input.opportunities.findIndex((x) => x.id === oid);
      const kept = input.opportunities[i];
      if (!kept) fields.push({ field: 'opportunities', message: `“${o.description}” became a request; it stays in the workshop.` });
      else if (kept.description !== o.description || kept.kind !== o.kind) fields.push({ field: `opportunities.${i}.description`, message: 'This opportunity became a request; it stays as the request took it.' });
    }
    if (fields.length) throw AppError.invalid(fields, 'The workshop was not saved:');

    await tx.delete(workshopParticipants).where(eq(workshopParticipants.workshopId, id));
    if (input.participants.length) await tx.insert(workshopParticipants).values(input.participants.map((p, i) => ({ workshopId: id, personId: p.personId, contribution: p.contribution, position: i + 1 })));

    await dropMissing(tx, workshopMoments, id, input.moments);
    const momentIds: string[] = [];
    for (const [i, { id: momentId, ...m }] of input.moments.entries()) {
      const values = { ...m, position: i + 1 };
      if (momentId) await tx.update(workshopMoments).set(values).where(eq(workshopMoments.id, momentId));
      const saved: Row[] = momentId ? [{ id: momentId }] : await tx.insert(workshopMoments).values({ workshopId: id, ...values }).returning({ id: workshopMoments.id });
      momentIds.push(saved[0]!.id);
    }
    const momentAt = (index: number | null) => (index === null ? null : momentIds[index]!);

    await dropMissing(tx, workshopOpportunities, id, input.opportunities);
    for (const [i, o] of input.opportunities.entries()) {
      const values = { momentId: momentAt(o.moment), kind: o.kind, description: o.description, position: i + 1 };
      if (o.id) await tx.update(workshopOpportunities).set(values).where(eq(workshopOpportunities.id, o.id));
      else await tx.insert(workshopOpportunities).values({ workshopId: id, ...values });
    }
    await dropMissing(tx, workshopStories, id, input.stories);
    for (const [i, s] of input.stories.entries()) {
      const values = { momentId: momentAt(s.moment), story: s.story, toldBy: s.toldBy?.trim() || null, position: i + 1 };
      if (s.id) await tx.update(workshopStories).set(values).where(eq(workshopStories.id, s.id));
      else await tx.insert(workshopStories).values({ workshopId: id, ...values });
    }

    const revision = row.revision + 1;
    await tx
      .update(workshops)
      .set({ title: input.title, businessUnitId: input.businessUnitId, process: input.process || null, purpose: input.purpose, heldOn: input.heldOn, facilitatorId: input.facilitatorId, revision, updatedBy: actor.id, updatedAt: now })
      .where(eq(workshops.id, id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workshop.saved',
      entity: 'workshop',
      entityId: id,
      before: { revision: row.revision, moments: moments.size, opportunities: opportunities.size, stories: stories.size },
      after: { revision, participants: input.participants.length, moments: input.moments.length, opportunities: input.opportunities.length, stories: input.stories.length },
    });
    return workshopViewOf(tx, id, true);
  });
}
