import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { enqueueMail } from '../platform/mail/enqueue-mail';
import { findPersonById } from '../people/find-people';
import { startProject } from '../development/start-project';
import type { ActionKind, InterventionKind } from './request-values';
import { interventionLabels } from './request-values';
import { referenceOf, type RequestRow } from './read-request';
import { recordRequestEvent } from './record-request-event';
import { requestActions, trainingRequests, type Intervention } from './schema';

const kindOf: Record<Exclude<InterventionKind, 'no_intervention'>, ActionKind> = {
  new_course: 'project',
  existing_course: 'enrolments',
  job_aid: 'referral',
  procedure_change: 'referral',
  role_clarification: 'referral',
  coaching: 'referral',
  management_action: 'referral',
};

/**
 * RQ-6, in the acceptance's transaction: each accepted intervention becomes a tracked item — a new
 * course a development project, an existing course enrolments the owner puts down, anything else a
 * referral mailed to its owner. "No intervention" tracks nothing: the request closes at once.
 */
export async function startFollowThrough(tx: DbOrTx, clock: Clock, r: RequestRow, rec: { id: string; version: number; interventions: Intervention[] }, actorId: string, publicUrl: string): Promise<void> {
  const now = clock.now();
  let tracked = 0;
  for (const [index, i] of rec.interventions.entries()) {
    if (i.kind === 'no_intervention') continue;
    const kind = kindOf[i.kind];
    const projectId = kind === 'project' ? await startProject(tx, clock, { title: i.title, size: i.size ?? 'medium', ownerId: i.ownerId, requestId: r.id, actorId, businessUnitId: r.businessUnitId }) : null;
    await tx.insert(requestActions).values({ requestId: r.id, recommendationId: rec.id, interventionIndex: index, kind, ownerId: i.ownerId, projectId, courseId: i.course?.id ?? null, createdAt: now });
    await mailOwner(tx, publicUrl, r, i, `training-request:${r.id}:action:${rec.version}:${index}`);
    tracked += 1;
  }
  await recordRequestEvent(tx, { requestId: r.id, type: 'follow_through', actorId, at: now, details: { version: rec.version, tracked } });
  if (tracked === 0) await tx.update(trainingRequests).set({ state: 'closed', closedAt: now }).where(eq(trainingRequests.id, r.id));
}

/** The owner of each tracked item hears what they own and why. */
async function mailOwner(tx: DbOrTx, publicUrl: string, r: RequestRow, i: Intervention, key: string): Promise<void> {
  const owner = await findPersonById(tx, i.ownerId);
  if (!owner?.active) return;
  await enqueueMail(tx, {
    to: { email: owner.email, name: owner.name },
    subject: `${referenceOf(r.number)}: ${interventionLabels[i.kind]} for you to carry out — ${i.title}`,
    body: `Hello ${owner.name},\n\nThe request “${r.title}” was accepted with an intervention you own:\n\n${interventionLabels[i.kind]}: ${i.title}\n\nWhy:\n${i.rationale}\n\nWhen it is done (or if it will not be), record how it ended on the request: it is followed to its end.`,
    links: [{ label: `Open ${referenceOf(r.number)}`, url: `${publicUrl}/requests/${r.id}` }],
    idempotencyKey: key,
  });
}
