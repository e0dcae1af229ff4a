import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database';
import { enrolments } from '../../src/enrolment/schema';
import { followUpAnswers, followUps } from '../../src/follow-up/schema';
import type { ObjectiveRating, RespondentRole } from '../../src/follow-up/follow-up-values';
import { supportCases } from '../../src/support/schema';
import type { SupportCaseState, SupportOption } from '../../src/support/support-values';
import { retentionPlans } from '../../src/retention/schema';
import { certificates } from '../../src/certificates/schema';

// Rows of the after-the-event tables (AF-1..6), written straight into the database over real
// enrolments, for tests that read them back (the effectiveness view, AF-7). Each writes a row the
// way its capability would, satisfying the schema's checks; none sends mail.

const DAY = 86_400_000;

/** Marks an enrolment finished as the completion rule would: completed at `at`, or a no-show. */
export async function finishEnrolment(db: Db, enrolmentId: string, outcome: 'completed' | 'no_show', at: Date): Promise<void> {
  await db
    .update(enrolments)
    .set({ state: outcome, completedAt: outcome === 'completed' ? at : null, updatedAt: at })
    .where(eq(enrolments.id, enrolmentId));
}

export type FollowUpSpec = {
  enrolmentId: string;
  role: RespondentRole;
  respondentId: string;
  openedAt: Date;
  /** Absent: opened and not (yet) answered. */
  answer?: { recommend: number; ratings: Record<string, ObjectiveRating>; comment?: string; example?: string };
};

/** A follow-up form opened for a learner or supervisor, answered when `answer` is given. */
export async function followUp(db: Db, spec: FollowUpSpec): Promise<string> {
  const [row] = await db
    .insert(followUps)
    .values({
      enrolmentId: spec.enrolmentId,
      respondentRole: spec.role,
      respondentId: spec.respondentId,
      tokenHash: randomBytes(32).toString('hex'),
      openedAt: spec.openedAt,
      closesAt: new Date(spec.openedAt.getTime() + 30 * DAY),
      answeredAt: spec.answer ? new Date(spec.openedAt.getTime() + DAY) : null,
      recommend: spec.answer?.recommend ?? null,
      comment: spec.answer?.comment ?? null,
    })
    .returning({ id: followUps.id });
  const id = row!.id;
  const ratings = Object.entries(spec.answer?.ratings ?? {});
  if (ratings.length) await db.insert(followUpAnswers).values(ratings.map(([objectiveId, rating]) => ({ followUpId: id, objectiveId, rating, example: spec.answer?.example ?? null })));
  return id;
}

export type SupportCaseSpec = {
  enrolmentId: string;
  objectiveIds: string[];
  openedAt: Date;
  state?: SupportCaseState;
  decision?: { option: SupportOption; reason: string; by: string };
  outcome?: string;
  closedBy?: string;
};

/** A support case, decided and closed as far as the spec says. */
export async function supportCase(db: Db, spec: SupportCaseSpec): Promise<string> {
  const state = spec.state ?? 'open';
  const later = new Date(spec.openedAt.getTime() + DAY);
  const [row] = await db
    .insert(supportCases)
    .values({
      enrolmentId: spec.enrolmentId,
      state,
      origin: 'follow_up',
      objectiveIds: spec.objectiveIds,
      decision: spec.decision?.option ?? null,
      decisionReason: spec.decision?.reason ?? null,
      decidedBy: spec.decision?.by ?? null,
      decidedAt: spec.decision ? later : null,
      outcome: spec.outcome ?? null,
      closedBy: state === 'closed' ? (spec.closedBy ?? spec.decision?.by ?? null) : null,
      closedAt: state === 'closed' ? later : null,
      openedAt: spec.openedAt,
      updatedAt: later,
    })
    .returning({ id: supportCases.id });
  return row!.id;
}

/** A retention plan started by `by`; closed (the supervisor confirmed) when asked. */
export async function retentionPlan(db: Db, spec: { enrolmentId: string; by: string; at: Date; closed?: boolean }): Promise<string> {
  const [row] = await db
    .insert(retentionPlans)
    .values({
      enrolmentId: spec.enrolmentId,
      state: spec.closed ? 'closed' : 'active',
      createdBy: spec.by,
      createdAt: spec.at,
      updatedBy: spec.by,
      updatedAt: spec.at,
      closedBy: spec.closed ? spec.by : null,
      closedAt: spec.closed ? spec.at : null,
    })
    .returning({ id: retentionPlans.id });
  return row!.id;
}

/** A certificate of completion, withdrawn when `revokedBy` is given. */
export async function certificate(db: Db, spec: { enrolmentId: string; learnerName: string; at: Date; revokedBy?: string }): Promise<string> {
  const [row] = await db
    .insert(certificates)
    .values({
      enrolmentId: spec.enrolmentId,
      code: randomBytes(12).toString('base64url'),
      learnerName: spec.learnerName,
      courseCode: 'T-TEST',
      courseTitle: 'A course',
      completedOn: spec.at.toISOString().slice(0, 10),
      durationMinutes: 420,
      objectives: ['An objective'],
      issuedAt: spec.at,
      revokedAt: spec.revokedBy ? spec.at : null,
      revokedBy: spec.revokedBy ?? null,
      revokedReason: spec.revokedBy ? 'Issued in error.' : null,
    })
    .returning({ id: certificates.id });
  return row!.id;
}
