import { createPerson } from '../../support/factories';
import { scheduledSession } from '../../support/enrolment-factories';
import { applyForSession } from '../../../src/enrolment/apply-for-session';
import { loadCourseParts } from '../../../src/catalog/course-parts';
import { openFollowUpsFor } from '../../../src/follow-up/testing/follow-up-fixtures';
import { findFollowUp } from '../../../src/follow-up/follow-up-form';
import type { World } from '../cast';
import { callers, everyone, except, only, signedIn, type AccessTable, type Caller, type Outcome } from './expectations';

// The follow-up after the event (AF-4). The form opens from a mailed single-use link without
// signing in (the token is the credential), or signed in by id for its respondent alone. The
// answers are for the unit's coordinators (with the unit lead and admins) and the session's
// instructor, who sees them without names where the course chose anonymity.

const unit: Caller[] = ['coordinator', 'unitLead', 'admin'];
const admin = (world: World) => world.session('admin').clone();
const deps = (world: World) => ({ db: world.stride.db, clock: world.stride.clock, publicUrl: 'http://stride.test' });
/** Lists everyone may call, showing each caller only their own part: the learner's records appear for `who` alone. */
const ownPart = (...who: Caller[]): Record<Caller, Outcome> =>
  except(signedIn(), Object.fromEntries(callers.filter((c) => c !== 'anonymous' && !who.includes(c)).map((c) => [c, 'scoped'])));

/** A fresh session of the cast's course (taught by the instructor), with `personId` on it, its follow-ups opened. */
async function followUpsOn(world: World, person: { id: string; name: string; email: string }): Promise<{ sessionId: string; tokens: { learner: string; supervisor: string | undefined } }> {
  const sessionId = await scheduledSession(admin(world), world.records.courseId, world.stride.clock.now(), { approvalMode: 'none', instructorId: world.people.instructor.id });
  const view = await applyForSession(deps(world), { ...person, roles: [] }, sessionId, {});
  return { sessionId, tokens: await openFollowUpsFor(world.stride.db, world.stride.clock, view.id) };
}

/** A new colleague's learner form: answering it spends nothing of the cast's. */
async function newcomersToken(world: World): Promise<string> {
  const person = await createPerson(world.stride.db, { name: `Nia Newcomer ${world.unique()}`, managerId: world.people.supervisorOfLearner.id, password: false });
  return (await followUpsOn(world, person)).tokens.learner;
}

async function answers(world: World) {
  const objectives = (await loadCourseParts(world.stride.db, [world.records.courseId])).objectives.get(world.records.courseId) ?? [];
  return { answers: objectives.map((o) => ({ objectiveId: o.id, rating: 'met' })), recommend: 9, comment: 'Useful.' };
}

/** The learner's (or `person`'s) own open follow-up form (a new one per call: each is answered once). */
async function learnersFollowUp(world: World, person = world.people.learner): Promise<{ id: string; sessionId: string }> {
  const { sessionId, tokens } = await followUpsOn(world, person);
  return { id: (await findFollowUp(world.stride.db, { token: tokens.learner })).id, sessionId };
}

/** A session the instructor taught, with the learner's answered follow-up (memoized per world). */
const taught = new WeakMap<World, Promise<string>>();
function answeredSession(world: World): Promise<string> {
  let id = taught.get(world);
  if (!id) {
    id = (async () => {
      const { sessionId, tokens } = await followUpsOn(world, world.people.learner);
      const res = await world.session('anonymous').clone().post(`/api/v1/follow-ups/by-token/${tokens.learner}`, await answers(world));
      if (res.status !== 201) throw new Error(`follow-up access: cannot answer: ${res.status} ${res.text}`);
      return sessionId;
    })();
    taught.set(world, id);
  }
  return id;
}

export const followUpAccess: AccessTable = {
  'GET /api/v1/follow-ups/by-token/{token}': {
    why: 'The mailed follow-up link opens without signing in: the token is the credential; it shows the course, session date, learner’s name and objectives only (rate-limited).',
    expect: everyone(),
    request: async (world) => ({ params: { token: await newcomersToken(world) } }),
  },
  'POST /api/v1/follow-ups/by-token/{token}': {
    why: 'The respondent answers through the mailed link without signing in, once, while the form is open (rate-limited).',
    expect: everyone(),
    request: async (world) => ({ params: { token: await newcomersToken(world) }, body: await answers(world) }),
  },
  'GET /api/v1/follow-ups/mine': {
    why: 'Everyone signed in lists the follow-ups they are asked to answer; nobody sees anyone else’s.',
    expect: ownPart('learner', 'supervisorOfLearner'),
  },
  'GET /api/v1/follow-ups/{id}': {
    why: 'A follow-up form by id is its respondent’s alone; for anyone else it does not exist.',
    expect: only('learner'),
    request: async (world) => ({ params: { id: (await learnersFollowUp(world)).id } }),
  },
  'POST /api/v1/follow-ups/{id}': {
    why: 'Only the respondent answers their follow-up signed in, with the same rules as the mailed link. The admin here answers a form of its own: the CSRF guard rail replays each write as the admin and needs one that succeeds; everyone else tries the learner’s.',
    expect: only('learner', 'admin'),
    request: async (world, caller) => ({ params: { id: (await learnersFollowUp(world, caller === 'admin' ? world.people.admin : world.people.learner)).id }, body: await answers(world) }),
  },
  'GET /api/v1/course-sessions/{id}/follow-ups': {
    why: 'A session’s follow-up answers are for the unit’s coordinators and the session’s instructor (without names where the course is anonymous).',
    expect: only('instructor', ...unit),
    request: async (world) => ({ params: { id: await answeredSession(world) } }),
  },
  'GET /api/v1/courses/{id}/follow-ups': {
    why: 'A course’s follow-up answers (self-paced courses have no instructor) are for the unit’s coordinators.',
    expect: only(...unit),
    request: (world) => ({ params: { id: world.records.courseId } }),
  },
};
