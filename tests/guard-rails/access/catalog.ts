import { randomInt } from 'node:crypto';
import { courseBody, sessionBody } from '../../support/catalog-factories';
import type { World } from '../cast';
import { only, signedIn, type AccessTable, type Caller, type Outcome } from './expectations';

// The catalog (CA-1, CA-2) is published to everyone who signs in; coordinators run it, the unit
// lead answers for it and admins run Stride, so those three write it and alone see drafts, retired
// courses, join links and a course's revisions. Instructors teach sessions but do not schedule them.

const editors = (): Record<Caller, Outcome> => only('coordinator', 'unitLead', 'admin');

const admin = (world: World) => world.session('admin').clone();

async function draftCourse(world: World): Promise<string> {
  const res = await admin(world).post('/api/v1/courses', courseBody(world.people.coordinator.id));
  if (res.status !== 201) throw new Error(`catalog access: cannot create a course: ${res.status} ${res.text}`);
  return String(res.body.id);
}

async function publishedCourse(world: World): Promise<string> {
  const id = await draftCourse(world);
  const res = await admin(world).post(`/api/v1/courses/${id}/publish`, { revision: 1 });
  if (res.status !== 200) throw new Error(`catalog access: cannot publish a course: ${res.status} ${res.text}`);
  return id;
}

async function freshSession(world: World): Promise<string> {
  const res = await admin(world).post(`/api/v1/courses/${world.records.courseId}/sessions`, sessionBody(world.stride.clock.now()));
  if (res.status !== 201) throw new Error(`catalog access: cannot schedule a session: ${res.status} ${res.text}`);
  return String(res.body.id);
}

async function current(world: World, url: string): Promise<Record<string, unknown>> {
  const res = await admin(world).get(url);
  if (res.status !== 200) throw new Error(`catalog access: cannot read ${url}: ${res.status} ${res.text}`);
  return res.body as Record<string, unknown>;
}

export const catalogAccess: AccessTable = {
  'GET /api/v1/courses': {
    why: 'The catalog is published to everyone who signs in; drafts are listed for editors only.',
    expect: signedIn(),
    request: () => ({ query: { q: 'complaints' } }),
  },
  'POST /api/v1/courses': {
    why: 'Coordinators write the catalog (with the unit lead and admins).',
    expect: editors(),
    request: (world) => ({ body: courseBody(world.people.coordinator.id) }),
  },
  'GET /api/v1/courses/{id}': {
    why: 'A published course, its sessions and its contact are for everyone signed in (CA-1, CA-7).',
    expect: signedIn(),
    request: (world) => ({ params: { id: world.records.courseId } }),
  },
  'PUT /api/v1/courses/{id}': {
    why: 'Editing a course keeps a revision; only the catalog’s editors edit.',
    expect: editors(),
    request: async (world) => {
      const course = await current(world, `/api/v1/courses/${world.records.courseId}`);
      return { params: { id: world.records.courseId }, body: { ...courseBody(world.people.coordinator.id, { title: `Handling Complaints ${world.unique()}` }), revision: course.revision } };
    },
  },
  'POST /api/v1/courses/{id}/publish': {
    why: 'Publishing puts a course in front of the whole organization: editors only.',
    expect: editors(),
    request: async (world) => ({ params: { id: await draftCourse(world) }, body: { revision: 1 } }),
  },
  'POST /api/v1/courses/{id}/retire': {
    why: 'Retiring takes a course out of the catalog: editors only.',
    expect: editors(),
    request: async (world) => ({ params: { id: await publishedCourse(world) }, body: { revision: 2 } }),
  },
  'GET /api/v1/courses/{id}/revisions': {
    why: 'A course’s history includes its drafts: the editors’ working record.',
    expect: editors(),
    request: (world) => ({ params: { id: world.records.courseId } }),
  },
  'GET /api/v1/courses/{id}/revisions/{revision}': {
    why: 'One revision and what it changed: the editors’ working record.',
    expect: editors(),
    request: (world) => ({ params: { id: world.records.courseId, revision: '1' } }),
  },
  'GET /api/v1/courses/{id}/sessions': {
    why: 'Upcoming sessions of a published course are for everyone signed in; past and cancelled ones for editors.',
    expect: signedIn(),
    request: (world) => ({ params: { id: world.records.courseId } }),
  },
  'POST /api/v1/courses/{id}/sessions': {
    why: 'Coordinators schedule sessions (CA-2); instructors teach them but do not schedule them.',
    expect: editors(),
    request: (world) => ({ params: { id: world.records.courseId }, body: sessionBody(world.stride.clock.now()) }),
  },
  'GET /api/v1/course-sessions/{id}': {
    why: 'A session of a published course is for everyone signed in; its join link only for editors.',
    expect: signedIn(),
    request: (world) => ({ params: { id: world.records.courseSessionId } }),
  },
  'PUT /api/v1/course-sessions/{id}': {
    why: 'Changing a session (and so every invitation to it) is the editors’ job.',
    expect: editors(),
    request: async (world) => {
      const session = await current(world, `/api/v1/course-sessions/${world.records.courseSessionId}`);
      return { params: { id: world.records.courseSessionId }, body: { ...sessionBody(world.stride.clock.now(), { capacity: randomInt(10, 40) }), sequence: session.sequence } };
    },
  },
  'POST /api/v1/course-sessions/{id}/cancel': {
    why: 'Cancelling a session is the editors’ job.',
    expect: editors(),
    request: async (world) => ({ params: { id: await freshSession(world) }, body: { sequence: 0, reason: 'Instructor unavailable.' } }),
  },
  'GET /api/v1/interests': {
    why: 'The interests are a public list everyone files courses under and will opt into (CA-6).',
    expect: signedIn(),
  },
  'POST /api/v1/interests': {
    why: 'The list of interests is controlled by the catalog’s editors.',
    expect: editors(),
    request: (world) => ({ body: { name: `Interest ${world.unique()}` } }),
  },
};
