import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import type { Access } from '../platform/auth/actor';
import { actorOf } from '../platform/http/actor-of';
import { uuidParam } from '../platform/http/common-schemas';
import { enrolmentStaffRoles } from '../enrolment/enrolment-staff';
import { courseEffectivenessView, effectivenessCourseList, effectivenessListQuery, effectivenessQuery, sessionEffectivenessView } from './effectiveness-schemas';
import { courseEffectiveness } from './course-effectiveness';
import { sessionEffectiveness } from './session-effectiveness';
import { listEffectiveCourses } from './list-effective-courses';

const tags = ['effectiveness'];
const signedIn = { access: 'signed-in' as const };
const staff = { access: { roles: enrolmentStaffRoles } satisfies Access };

export async function effectivenessRoutes(app: App, deps: Deps): Promise<void> {
  const { db } = deps;

  app.get(
    '/effectiveness/courses',
    { config: staff, schema: { tags, summary: 'The courses with completions in a period, alphabetical by title — a list to open, not a ranking (coordinators, AF-7)', querystring: effectivenessListQuery, response: { 200: effectivenessCourseList } } },
    async (request) => listEffectiveCourses(db, request.query),
  );

  app.get(
    '/courses/:id/effectiveness',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'A course’s effectiveness: objectives met by learner and supervisor view, NPS with its counts, response rates, support cases, retention plans, certificates, and a row per session in date order (coordinators; an instructor sees only their own sessions, AF-7)',
        params: uuidParam,
        querystring: effectivenessQuery,
        response: { 200: courseEffectivenessView },
      },
    },
    async (request) => courseEffectiveness(db, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/course-sessions/:id/effectiveness',
    { config: signedIn, schema: { tags, summary: 'A session’s effectiveness, the same figures for its learners alone (coordinators and the session’s instructor, AF-7)', params: uuidParam, response: { 200: sessionEffectivenessView } } },
    async (request) => sessionEffectiveness(db, actorOf(request), request.params.id),
  );
}

