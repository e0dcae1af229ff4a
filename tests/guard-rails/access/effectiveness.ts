import { publishedCourse, scheduledSession } from '../../support/enrolment-factories';
import type { World } from '../cast';
import { only, type AccessTable, type Caller } from './expectations';

// Effectiveness (AF-7) is read by the people who run enrolments (coordinators, the unit lead,
// admins) for every course and session, and by an instructor for their own sessions — a course
// only as the sum of the sessions they taught. Learners and supervisors give the answers; they do
// not read the figures. Consultants and leaders are not on the list (enrolment-staff.ts).

const unit: Caller[] = ['coordinator', 'unitLead', 'admin'];
const admin = (world: World) => world.session('admin').clone();

/** A course of its own with one session the instructor teaches (memoized per world). */
const taught = new WeakMap<World, Promise<{ courseId: string; sessionId: string }>>();
function instructorsCourse(world: World): Promise<{ courseId: string; sessionId: string }> {
  let found = taught.get(world);
  if (!found) {
    found = (async () => {
      const courseId = await publishedCourse(admin(world), world.people.coordinator.id, { title: `Effectiveness ${world.unique()}` });
      const sessionId = await scheduledSession(admin(world), courseId, world.stride.clock.now(), { approvalMode: 'none', instructorId: world.people.instructor.id });
      return { courseId, sessionId };
    })();
    taught.set(world, found);
  }
  return found;
}

export const effectivenessAccess: AccessTable = {
  'GET /api/v1/effectiveness/courses': {
    why: 'The list of courses with completions in a period is the unit’s way into the effectiveness pages (AF-7): coordinators, the unit lead, admins.',
    expect: only(...unit),
    request: () => ({ query: { from: '2026-01-01', to: '2026-12-31' } }),
  },
  'GET /api/v1/courses/{id}/effectiveness': {
    why: 'A course’s effectiveness (AF-7) is for the unit; an instructor who taught a session of it sees the sum of their own sessions only.',
    expect: only('instructor', ...unit),
    request: async (world) => ({ params: { id: (await instructorsCourse(world)).courseId } }),
  },
  'GET /api/v1/course-sessions/{id}/effectiveness': {
    why: 'A session’s effectiveness (AF-7) is for the unit and the session’s instructor, like its roster.',
    expect: only('instructor', ...unit),
    request: async (world) => ({ params: { id: (await instructorsCourse(world)).sessionId } }),
  },
};
