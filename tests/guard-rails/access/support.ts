import { and, asc, eq, ne } from 'drizzle-orm';
import { publishedCourse } from '../../support/enrolment-factories';
import { courseObjectives } from '../../../src/catalog/schema';
import { enrolments } from '../../../src/enrolment/schema';
import { supportCases } from '../../../src/support/schema';
import { openSupportCase } from '../../../src/support/open-support-case';
import type { World } from '../cast';
import { only, type AccessTable, type Caller, type Outcome } from './expectations';

// Support cases (AF-5) are worked by the coordinators who run enrolments, with the unit lead and
// admins. The learner and the people above them in the org chart read their own case (without the
// unit's internal notes); for anyone else it does not exist. Consultants and leaders see the
// organization's people, not who struggles with what after a course.

const unit: Caller[] = ['coordinator', 'unitLead', 'admin'];
const queue = (): Record<Caller, Outcome> => only(...unit);

/** The learner's completed enrolment on a course of its own, with its objectives (memoized per world). */
const completed = new WeakMap<World, Promise<{ enrolmentId: string; objectiveIds: string[] }>>();
function learnerCompleted(world: World) {
  let found = completed.get(world);
  if (!found) {
    found = (async () => {
      const courseId = await publishedCourse(world.session('admin').clone(), world.people.coordinator.id, { format: 'e-learning', durationMinutes: 60 });
      const objectiveIds = (await world.stride.db.select({ id: courseObjectives.id }).from(courseObjectives).where(eq(courseObjectives.courseId, courseId)).orderBy(asc(courseObjectives.position))).map((o) => o.id);
      const now = world.stride.clock.now();
      const [row] = await world.stride.db
        .insert(enrolments)
        .values({ courseId, personId: world.people.learner.id, state: 'completed', origin: 'self', appliedAt: now, confirmedAt: now, completedAt: now, updatedAt: now })
        .returning({ id: enrolments.id });
      return { enrolmentId: row!.id, objectiveIds };
    })();
    completed.set(world, found);
  }
  return found;
}

/**
 * A new case of the learner's at the stage a call needs: each caller's call gets its own, so one
 * caller's close or reopen does not turn the next caller's into a conflict. The live case before
 * it is closed first (one live case per enrolment).
 */
async function freshCase(world: World, stage: 'open' | 'decided' | 'closed'): Promise<string> {
  const { enrolmentId, objectiveIds } = await learnerCompleted(world);
  const { db, clock } = world.stride;
  const now = clock.now();
  const done = { state: 'closed' as const, decision: 'coaching' as const, decisionReason: 'A coach helps her apply it at work.', decidedAt: now, outcome: 'Settled for the guard rails.', closedAt: now };
  await db.update(supportCases).set(done).where(and(eq(supportCases.enrolmentId, enrolmentId), ne(supportCases.state, 'closed')));
  const { caseId } = await db.transaction((tx) => openSupportCase(tx, { enrolmentId, objectiveIds: [objectiveIds[0]!], origin: 'follow_up', actorId: null, now }));
  if (stage === 'decided') await db.update(supportCases).set({ state: 'in_progress', decision: done.decision, decisionReason: done.decisionReason, decidedAt: now }).where(eq(supportCases.id, caseId));
  if (stage === 'closed') await db.update(supportCases).set(done).where(eq(supportCases.id, caseId));
  return caseId;
}

/** A live case of the learner's, for guard rails that need a real id (the fuzzer's valid cases). */
export const learnerSupportCase = (world: World) => freshCase(world, 'open');

const onCase = (stage: 'open' | 'decided' | 'closed', body?: (world: World) => unknown) => async (world: World) => ({ params: { id: await freshCase(world, stage) }, body: body?.(world) });

export const supportAccess: AccessTable = {
  'GET /api/v1/support-cases': {
    why: 'The support queue (AF-5) is the unit’s: the coordinators who run enrolments, the unit lead and admins.',
    expect: queue(),
    request: () => ({ query: { state: 'open', page: '1' } }),
  },
  'POST /api/v1/support-cases': {
    why: 'A coordinator opens a case by hand when told of an objective not met outside the follow-up form; it joins the live case.',
    expect: queue(),
    request: async (world) => {
      const { enrolmentId, objectiveIds } = await learnerCompleted(world);
      return { body: { enrolmentId, objectiveIds: [objectiveIds[1]!], note: 'Her supervisor phoned.' } };
    },
  },
  'GET /api/v1/support-cases/{id}': {
    why: 'A case is the learner’s, their supervisors’ and the unit’s; for anyone else it does not exist.',
    expect: only('learner', 'supervisorOfLearner', ...unit),
    request: onCase('open'),
  },
  'POST /api/v1/support-cases/{id}/assign': {
    why: 'The unit hands cases among its coordinators.',
    expect: queue(),
    request: onCase('open', (world) => ({ ownerId: world.people.coordinator.id })),
  },
  'POST /api/v1/support-cases/{id}/decide': {
    why: 'The unit decides what helps, with a reason mailed to learner and supervisor.',
    expect: queue(),
    request: onCase('open', () => ({ option: 'no_further_training', reason: 'The new tool arrives next month; practice before then would not stick.' })),
  },
  'POST /api/v1/support-cases/{id}/notes': {
    why: 'Internal notes are the unit’s.',
    expect: queue(),
    request: onCase('open', () => ({ note: 'Called her supervisor.' })),
  },
  'POST /api/v1/support-cases/{id}/close': {
    why: 'The unit closes a decided case with its outcome.',
    expect: queue(),
    request: onCase('decided', () => ({ outcome: 'Coaching done; she applies it alone.', objectivesNowMet: true })),
  },
  'POST /api/v1/support-cases/{id}/reopen': {
    why: 'The unit reopens a closed case when the learner is stuck again.',
    expect: queue(),
    request: onCase('closed', () => ({ reason: 'Stuck again after the reorganisation.' })),
  },
};
