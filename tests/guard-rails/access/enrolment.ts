import { createPerson } from '../../support/factories';
import { approvalToken, publishedCourse, scheduledSession } from '../../support/enrolment-factories';
import { applyForSession } from '../../../src/enrolment/apply-for-session';
import { eq } from 'drizzle-orm';
import { courseSessions } from '../../../src/catalog/schema';
import { sessionDays } from '../../../src/enrolment/attendance';
import type { World } from '../cast';
import { callers, everyone, except, only, signedIn, type AccessTable, type Caller, type Outcome } from './expectations';

// Enrolments (CA-3) are the learner's, their supervisors' (anyone above them in the org chart) and
// the coordinators' who run sessions (with the unit lead and admins). A session's instructor reads
// its roster. Consultants and leaders see the organization's people, not who is booked on what.
// Anyone may apply; the Approve / Decline links mailed to a supervisor work without signing in.

const unit: Caller[] = ['coordinator', 'unitLead', 'admin'];
const learnerSide = (): Record<Caller, Outcome> => only('learner', 'supervisorOfLearner', ...unit);
/** Lists everyone may call, showing each caller only their own part: the learner's records appear for `who` alone. */
const ownPart = (...who: Caller[]): Record<Caller, Outcome> =>
  except(signedIn(), Object.fromEntries(callers.filter((c) => c !== 'anonymous' && !who.includes(c)).map((c) => [c, 'scoped'])));

const admin = (world: World) => world.session('admin').clone();
const deps = (world: World) => ({ db: world.stride.db, clock: world.stride.clock, publicUrl: 'http://stride.test' });

/** A session of the cast's course no one has applied for yet. */
const freshSession = (world: World, overrides: Record<string, unknown> = {}) =>
  scheduledSession(admin(world), world.records.courseId, world.stride.clock.now(), { approvalMode: 'none', ...overrides });

/** The learner's own new enrolment: confirmed, or (approvalMode supervisor) waiting for their supervisor. */
async function learnerEnrolment(world: World, approvalMode: 'none' | 'supervisor' = 'none'): Promise<string> {
  const id = await freshSession(world, { approvalMode });
  const res = await world.session('learner').clone().post(`/api/v1/course-sessions/${id}/enrolments`, {});
  if (res.status !== 201) throw new Error(`enrolment access: the learner cannot apply: ${res.status} ${res.text}`);
  return String(res.body.id);
}

const elearningCourse = (world: World) => publishedCourse(admin(world), world.people.coordinator.id, { format: 'e-learning', durationMinutes: 45 });

/** A fresh approval link, as mailed to the learner's supervisor for a new colleague's application. */
async function approvalLink(world: World): Promise<string> {
  const person = await createPerson(world.stride.db, { name: `Nia Newcomer ${world.unique()}`, managerId: world.people.supervisorOfLearner.id, password: false });
  const view = await applyForSession(deps(world), { ...person, roles: [] }, world.records.courseSessionId, {});
  return approvalToken(world.stride.db, view.id);
}

/** The session the instructor teaches, with the learner on it (memoized per world). */
const taught = new WeakMap<World, Promise<string>>();
function instructorsSession(world: World): Promise<string> {
  let id = taught.get(world);
  if (!id) {
    id = (async () => {
      const session = await freshSession(world, { instructorId: world.people.instructor.id });
      const res = await world.session('learner').clone().post(`/api/v1/course-sessions/${session}/enrolments`, {});
      if (res.status !== 201) throw new Error(`enrolment access: the learner cannot apply: ${res.status} ${res.text}`);
      return session;
    })();
    taught.set(world, id);
  }
  return id;
}

/**
 * A session the instructor taught, moved three days into the past, with the learner confirmed on
 * it: its days, and the learner's enrolment. `marked`: every day already marked present by a
 * coordinator (for completion). Memoized per world and kind.
 */
const pastTaught = new WeakMap<World, Map<string, Promise<{ id: string; days: string[]; enrolmentId: string }>>>();
function pastTaughtSession(world: World, kind: 'attendance' | 'completion') {
  const memo = pastTaught.get(world) ?? new Map<string, Promise<{ id: string; days: string[]; enrolmentId: string }>>();
  pastTaught.set(world, memo);
  let found = memo.get(kind);
  if (!found) {
    found = (async () => {
      const id = await freshSession(world, { instructorId: world.people.instructor.id });
      const res = await world.session('learner').clone().post(`/api/v1/course-sessions/${id}/enrolments`, {});
      if (res.status !== 201) throw new Error(`enrolment access: the learner cannot apply: ${res.status} ${res.text}`);
      const startsAt = new Date(world.stride.clock.now().getTime() - 3 * 86_400_000);
      const [session] = await world.stride.db
        .update(courseSessions)
        .set({ startsAt, endsAt: new Date(startsAt.getTime() + 4 * 3600_000), enrolmentDeadline: new Date(startsAt.getTime() - 86_400_000) })
        .where(eq(courseSessions.id, id))
        .returning();
      const days = sessionDays(session!);
      const enrolmentId = String(res.body.id);
      if (kind === 'completion') {
        for (const day of days) {
          const marked = await admin(world).put(`/api/v1/course-sessions/${id}/attendance`, { day, marks: [{ enrolmentId, present: true }] });
          if (marked.status !== 200) throw new Error(`enrolment access: cannot mark attendance: ${marked.status} ${marked.text}`);
        }
      }
      return { id, days, enrolmentId };
    })();
    memo.set(kind, found);
  }
  return found;
}

/** A session enrolment of the learner that a coordinator has just completed (AF-1): a fresh one per call, since reopening changes it. */
async function completedEnrolment(world: World): Promise<string> {
  const id = await freshSession(world, { instructorId: world.people.instructor.id });
  const res = await world.session('learner').clone().post(`/api/v1/course-sessions/${id}/enrolments`, {});
  if (res.status !== 201) throw new Error(`enrolment access: the learner cannot apply: ${res.status} ${res.text}`);
  const startsAt = new Date(world.stride.clock.now().getTime() - 3 * 86_400_000);
  const [session] = await world.stride.db
    .update(courseSessions)
    .set({ startsAt, endsAt: new Date(startsAt.getTime() + 4 * 3600_000), enrolmentDeadline: new Date(startsAt.getTime() - 86_400_000) })
    .where(eq(courseSessions.id, id))
    .returning();
  const enrolmentId = String(res.body.id);
  for (const day of sessionDays(session!)) await admin(world).put(`/api/v1/course-sessions/${id}/attendance`, { day, marks: [{ enrolmentId, present: true }] });
  const done = await admin(world).post(`/api/v1/course-sessions/${id}/complete`, {});
  if (done.status !== 200) throw new Error(`enrolment access: cannot complete: ${done.status} ${done.text}`);
  return enrolmentId;
}

const today = (world: World) => world.stride.clock.now().toISOString().slice(0, 10);

export const enrolmentAccess: AccessTable = {
  'POST /api/v1/courses/{id}/completions': {
    why: 'E-learning completions (AF-1) are recorded by the training unit’s coordinators; a learner does not certify themself.',
    expect: only(...unit),
    request: async (world) => ({ params: { id: await elearningCourse(world) }, body: { personId: world.people.learner.id, completedOn: today(world) } }),
  },
  'POST /api/v1/courses/{id}/completions/import': {
    why: 'Importing the LMS’s completions (AF-1) is the coordinators’ job, like recording one.',
    expect: only(...unit),
    request: async (world) => ({ params: { id: await elearningCourse(world) }, body: { csv: `email,completed_on\n${world.people.learner.email},${today(world)}\n` } }),
  },
  'POST /api/v1/enrolments/{id}/reopen-completion': {
    why: 'Reopening a completion to correct its marks (AF-1) is for coordinators; the instructor records marks but does not undo a decided completion.',
    expect: only(...unit),
    request: async (world) => ({ params: { id: await completedEnrolment(world) }, body: { reason: 'Marked absent by mistake on day one.' } }),
  },

  'GET /api/v1/course-sessions/{id}/attendance': {
    why: 'Attendance (AF-1) names who was there: for the coordinators and the session’s instructor, like the roster.',
    expect: only('instructor', ...unit),
    request: async (world) => ({ params: { id: (await pastTaughtSession(world, 'attendance')).id } }),
  },
  'PUT /api/v1/course-sessions/{id}/attendance': {
    why: 'The instructor or a coordinator records attendance per session day, in bulk from the roster (AF-1).',
    expect: only('instructor', ...unit),
    request: async (world) => {
      const { id, days, enrolmentId } = await pastTaughtSession(world, 'attendance');
      return { params: { id }, body: { day: days[0]!, marks: [{ enrolmentId, present: true }] } };
    },
  },
  'POST /api/v1/course-sessions/{id}/complete': {
    why: 'After the session the instructor or a coordinator applies the completion rule (AF-1); completing twice finds nobody left to complete.',
    expect: only('instructor', ...unit),
    request: async (world) => ({ params: { id: (await pastTaughtSession(world, 'completion')).id } }),
  },
  'POST /api/v1/course-sessions/{id}/enrolments': {
    why: 'Anyone signed in applies for a session of a published course, for themself (CA-3).',
    expect: signedIn(),
    request: async (world) => ({ params: { id: await freshSession(world) }, body: { note: 'For the new procedure.' } }),
  },
  'POST /api/v1/course-sessions/{id}/nominations': {
    why: 'A supervisor puts down a report, a coordinator anyone; naming oneself is applying. Others do not see the person (404), or see but may not enrol them (403).',
    expect: learnerSide(),
    request: async (world) => ({ params: { id: await freshSession(world) }, body: { personId: world.people.learner.id } }),
  },
  'GET /api/v1/course-sessions/{id}/enrolments': {
    why: 'A roster names who is booked and who waits: for the coordinators and the session’s instructor.',
    expect: only('instructor', ...unit),
    request: async (world) => ({ params: { id: await instructorsSession(world) } }),
  },
  'GET /api/v1/course-sessions/{id}/audience': {
    why: 'The audience analysis (CA-4) shows applicants’ answers, their supervisors’ expectations and fit flags: for the coordinators and the session’s instructor, like the roster.',
    expect: only('instructor', ...unit),
    request: async (world) => ({ params: { id: await instructorsSession(world) } }),
  },
  'GET /api/v1/course-sessions/{id}/seats': {
    why: 'Seats and one’s own place drive the apply button: everyone signed in sees the counts and only their own enrolment.',
    expect: ownPart('learner'),
    request: (world) => ({ params: { id: world.records.courseSessionId } }),
  },
  'POST /api/v1/courses/{id}/enrolments': {
    why: 'Anyone signed in starts a self-paced e-learning course.',
    expect: signedIn(),
    request: async (world) => ({ params: { id: await elearningCourse(world) }, body: {} }),
  },
  'POST /api/v1/courses/{id}/nominations': {
    why: 'A supervisor enrols a report in a self-paced course, a coordinator anyone.',
    expect: learnerSide(),
    request: async (world) => ({ params: { id: await elearningCourse(world) }, body: { personId: world.people.learner.id } }),
  },
  'GET /api/v1/enrolments/mine': {
    why: 'My learning: one’s own enrolments only.',
    expect: ownPart('learner'),
  },
  'GET /api/v1/enrolments/team': {
    why: 'A supervisor’s page: the enrolments of the people below them in the org chart, nobody else’s.',
    expect: ownPart('supervisorOfLearner'),
  },
  'GET /api/v1/enrolments/awaiting-approval': {
    why: 'What waits for the caller’s decision: their reports’ applications, and for coordinators those a coordinator approves.',
    expect: ownPart('supervisorOfLearner'),
  },
  'GET /api/v1/enrolments/{id}': {
    why: 'An enrolment and its history are the learner’s, their supervisors’ and the coordinators’ (and the session’s instructor’s).',
    expect: learnerSide(),
    request: (world) => ({ params: { id: world.records.learnerEnrolmentId } }),
  },
  'POST /api/v1/enrolments/{id}/cancel': {
    why: 'The learner, their supervisors and coordinators cancel; the waitlist moves up.',
    expect: learnerSide(),
    request: async (world) => ({ params: { id: await learnerEnrolment(world) }, body: { reason: 'A customer visit that day.' } }),
  },
  'GET /api/v1/enrolments/{id}/colleagues': {
    why: 'Whoever may pass the seat on (the learner, their supervisors, coordinators) looks up the teammates who could take it; nobody else learns who they are.',
    expect: learnerSide(),
    request: (world) => ({ params: { id: world.records.learnerEnrolmentId }, query: { q: 'a' } }),
  },
  'POST /api/v1/enrolments/{id}/substitute': {
    why: 'The learner, their supervisors and coordinators pass a confirmed seat to a colleague.',
    expect: learnerSide(),
    request: async (world) => {
      const colleague = await createPerson(world.stride.db, { name: `Sid Substitute ${world.unique()}`, managerId: world.people.supervisorOfLearner.id, password: false });
      return { params: { id: await learnerEnrolment(world) }, body: { personId: colleague.id } };
    },
  },
  'PUT /api/v1/enrolments/{id}/audience': {
    why: 'The audience questions (CA-4) are about the learner’s own reasons, experience and level: the learner answers, or a coordinator on their behalf; supervisors give expectations instead.',
    expect: only('learner', ...unit),
    request: async (world) => ({
      params: { id: await learnerEnrolment(world) },
      body: { reason: 'Complaints take me too long.', priorExperience: 'some', selfRatedLevel: 2, meetsPrerequisites: 'yes' },
    }),
  },
  'POST /api/v1/enrolments/{id}/redirect': {
    why: 'The training unit’s coordinators move an applicant to a better offering (CA-4); the learner and their supervisors may cancel, not move.',
    expect: only(...unit),
    request: async (world) => ({ params: { id: await learnerEnrolment(world) }, body: { toSessionId: await freshSession(world), message: 'This session suits your shift better.' } }),
  },
  'POST /api/v1/enrolments/{id}/approval': {
    why: 'The learner’s supervisors (and coordinators) decide an application; nobody decides their own.',
    expect: only('supervisorOfLearner', ...unit),
    request: async (world) => ({ params: { id: await learnerEnrolment(world, 'supervisor') }, body: { decision: 'approve', note: 'Agreed at the team meeting.' } }),
  },
  'GET /api/v1/approvals/{token}': {
    why: 'An approval link from a mail opens without signing in: the token is the credential; it shows the learner’s name, course and session time only.',
    expect: everyone(),
    request: async (world) => ({ params: { token: await approvalLink(world) } }),
  },
  'POST /api/v1/approvals/{token}': {
    why: 'The supervisor decides through the mailed link without signing in: once per link, until it expires (rate-limited).',
    expect: everyone(),
    request: async (world) => ({ params: { token: await approvalLink(world) }, body: { decision: 'approve' } }),
  },
};
