import { completedEnrolment } from '../../support/retention-factories';
import type { World } from '../cast';
import { except, only, signedIn, staff, callers, type AccessTable, type Caller, type Outcome } from './expectations';

// Retention plans (AF-6) are between the learner and their supervisor (the learner's manager);
// the training unit's coordinators (with the unit lead and admins) act on any plan, other staff
// and leaders read them. Only the supervisor confirms the objectives are applied. Everyone else
// does not learn a plan exists (404).

const unit: Caller[] = ['coordinator', 'unitLead', 'admin'];
/** Lists everyone may call, each caller seeing their own part: the learner's plans appear for `who` alone. */
const ownPart = (...who: Caller[]): Record<Caller, Outcome> =>
  except(signedIn(), Object.fromEntries(callers.filter((c) => c !== 'anonymous' && !who.includes(c)).map((c) => [c, 'scoped'])));

const admin = (world: World) => world.session('admin').clone();
const freshEnrolment = (world: World) => completedEnrolment(world.stride.db, admin(world), world.records.courseId, world.people.learner.id, world.stride.clock.now());

/** A new active plan of the learner's, started by the learner (one per caller: saves move its revision). */
async function freshPlan(world: World): Promise<{ id: string; revision: number; body: unknown }> {
  const res = await world.session('learner').clone().post(`/api/v1/enrolments/${await freshEnrolment(world)}/retention-plan`);
  if (res.status !== 201) throw new Error(`retention access: the learner cannot start a plan: ${res.status} ${res.text}`);
  const plan = res.body as { id: string; revision: number; objectives: { actions: Record<string, unknown>[] }[]; checkIns: Record<string, unknown>[] };
  const actions = plan.objectives.flatMap((o) => o.actions).map(({ id, objectiveId, kind, description, owner, dueOn, done }) => ({ id, objectiveId, kind, description, owner, dueOn, done }));
  const checkIns = plan.checkIns.map(({ id, dueOn, held, note }) => ({ id, dueOn, held, note }));
  return { id: plan.id, revision: plan.revision, body: { revision: plan.revision, actions, checkIns } };
}

/** One plan of the learner's for the read-only calls (memoized per world). */
const shared = new WeakMap<World, Promise<{ id: string; revision: number; body: unknown }>>();
function sharedPlan(world: World) {
  let plan = shared.get(world);
  if (!plan) {
    plan = freshPlan(world);
    shared.set(world, plan);
  }
  return plan;
}

export const retentionAccess: AccessTable = {
  'POST /api/v1/enrolments/{id}/retention-plan': {
    why: 'The learner of a completed enrolment, their supervisor or a coordinator starts its retention plan (AF-6); others do not see the enrolment.',
    expect: only('learner', 'supervisorOfLearner', ...unit),
    request: async (world) => ({ params: { id: await freshEnrolment(world) } }),
  },
  'GET /api/v1/retention-plans': {
    why: 'Plans with their progress: one’s own (mine), one’s reports’ (team, asked here); all of them for staff only.',
    expect: ownPart('supervisorOfLearner'),
    request: async (world) => {
      await sharedPlan(world);
      return { query: { scope: 'team' } };
    },
  },
  'GET /api/v1/retention-plans/startable': {
    why: 'Completed courses without a plan, one’s own and one’s reports’: the learner and their supervisor see the learner’s.',
    expect: ownPart('learner', 'supervisorOfLearner'),
    request: async (world) => {
      await freshEnrolment(world);
      return {};
    },
  },
  'GET /api/v1/retention-plans/{id}': {
    why: 'A plan is the learner’s and their supervisor’s; the training unit’s staff and leaders read it (AF-7 counts them).',
    expect: only('learner', 'supervisorOfLearner', ...staff),
    request: async (world) => ({ params: { id: (await sharedPlan(world)).id } }),
  },
  'PUT /api/v1/retention-plans/{id}': {
    why: 'Learner and supervisor both update the plan they agreed (AF-6); coordinators help; readers among staff do not edit.',
    expect: only('learner', 'supervisorOfLearner', ...unit),
    request: async (world) => {
      const plan = await freshPlan(world);
      return { params: { id: plan.id }, body: plan.body };
    },
  },
  'POST /api/v1/retention-plans/{id}/close': {
    why: 'Only the supervisor confirms the objectives are applied (a coordinator only when the learner has none); the learner may not close their own plan. The admin here closes the plan of someone without a manager, which the unit may: the CSRF guard rail replays each write as the admin and needs one that succeeds; everyone else tries the learner’s.',
    expect: only('supervisorOfLearner', 'admin'),
    request: async (world, caller) => {
      if (caller === 'admin') {
        const enrolmentId = await completedEnrolment(world.stride.db, admin(world), world.records.courseId, world.people.supervisorOfOther.id, world.stride.clock.now());
        const res = await admin(world).post(`/api/v1/enrolments/${enrolmentId}/retention-plan`);
        if (res.status !== 201) throw new Error(`retention access: the admin cannot start a plan: ${res.status} ${res.text}`);
        return { params: { id: res.body.id }, body: { revision: res.body.revision } };
      }
      const plan = await freshPlan(world);
      return { params: { id: plan.id }, body: { revision: plan.revision } };
    },
  },
};
