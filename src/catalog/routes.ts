import { actorOf } from '../platform/http/actor-of';
import { z } from 'zod';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { catalogEditorRoles } from './catalog-editors';
import {
  courseDetailView, courseListView, courseStatusChange, createCourseInput, createInterestInput, interestView, listCoursesQuery,
  revisionParams, revisionSummaryView, revisionView, updateCourseInput,
} from './course-schemas';
import { cancelSessionInput, sessionInput, sessionView, updateSessionInput } from './session-schemas';
import { catalogCache } from './catalog-cache';
import { createCourse } from './create-course';
import { updateCourse } from './update-course';
import { publishCourse, retireCourse } from './change-course-status';
import { getCourseRevision, listCourseRevisions } from './read-course-revisions';
import { listInterests } from './list-interests';
import { createInterest } from './create-interest';
import { scheduleSession } from './schedule-session';
import { updateSession } from './update-session';
import { cancelSession } from './cancel-session';
import { getSession, listCourseSessions } from './read-sessions';

const tags = ['catalog'];
const editors = { roles: catalogEditorRoles };

export async function catalogRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;
  const cache = catalogCache();

  app.get(
    '/courses',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'Search and filter the catalog: published courses with their next session (editors may list drafts and retired ones)', querystring: listCoursesQuery, response: { 200: courseListView } } },
    async (request) => cache.search(db, actorOf(request), request.query, clock.now()),
  );

  app.post(
    '/courses',
    { config: { access: editors }, schema: { tags, summary: 'Add a course to the catalog as a draft (revision 1)', body: createCourseInput, response: { 201: courseDetailView } } },
    async (request, reply) => reply.status(201).send(await createCourse(db, clock, actorOf(request), request.body)),
  );

  app.get(
    '/courses/:id',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'A course: objectives, audience, prerequisites, upcoming sessions, and whom to ask', params: uuidParam, response: { 200: courseDetailView } } },
    async (request) => cache.coursePage(db, actorOf(request), request.params.id, clock.now()),
  );

  app.put(
    '/courses/:id',
    { config: { access: editors }, schema: { tags, summary: 'Save an edit of a course as its next revision; a stale revision is refused (409)', params: uuidParam, body: updateCourseInput, response: { 200: courseDetailView } } },
    async (request) => updateCourse(db, clock, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/courses/:id/publish',
    { config: { access: editors }, schema: { tags, summary: 'Publish a draft or retired course to the catalog', params: uuidParam, body: courseStatusChange, response: { 200: courseDetailView } } },
    async (request) => publishCourse(db, clock, actorOf(request), request.params.id, request.body.revision),
  );

  app.post(
    '/courses/:id/retire',
    { config: { access: editors }, schema: { tags, summary: 'Take a course out of the catalog (its upcoming sessions cancelled first)', params: uuidParam, body: courseStatusChange, response: { 200: courseDetailView } } },
    async (request) => retireCourse(db, clock, actorOf(request), request.params.id, request.body.revision),
  );

  app.get(
    '/courses/:id/revisions',
    { config: { access: editors }, schema: { tags, summary: "A course's revisions, newest first", params: uuidParam, response: { 200: z.array(revisionSummaryView) } } },
    async (request) => listCourseRevisions(db, actorOf(request), request.params.id),
  );

  app.get(
    '/courses/:id/revisions/:revision',
    { config: { access: editors }, schema: { tags, summary: 'One revision of a course, whole, and what it changed against the one before', params: revisionParams, response: { 200: revisionView } } },
    async (request) => getCourseRevision(db, actorOf(request), request.params.id, request.params.revision),
  );

  app.get(
    '/courses/:id/sessions',
    { config: { access: 'signed-in' }, schema: { tags, summary: "A course's sessions: upcoming ones, or for editors all of them", params: uuidParam, response: { 200: z.array(sessionView) } } },
    async (request) => listCourseSessions(db, actorOf(request), request.params.id, clock.now()),
  );

  app.post(
    '/courses/:id/sessions',
    { config: { access: editors }, schema: { tags, summary: 'Schedule a session of a course, in its own time zone', params: uuidParam, body: sessionInput, response: { 201: sessionView } } },
    async (request, reply) => reply.status(201).send(await scheduleSession(db, clock, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/course-sessions/:id',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'One session of a course', params: uuidParam, response: { 200: sessionView } } },
    async (request) => getSession(db, actorOf(request), request.params.id),
  );

  app.put(
    '/course-sessions/:id',
    { config: { access: editors }, schema: { tags, summary: 'Change a session that has not started; a stale sequence is refused (409)', params: uuidParam, body: updateSessionInput, response: { 200: sessionView } } },
    async (request) => updateSession(db, clock, actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/course-sessions/:id/cancel',
    { config: { access: editors }, schema: { tags, summary: 'Cancel a session that is not over', params: uuidParam, body: cancelSessionInput, response: { 200: sessionView } } },
    async (request) => cancelSession(db, clock, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/interests',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'The interests courses are filed under', response: { 200: z.array(interestView) } } },
    async () => listInterests(db),
  );

  app.post(
    '/interests',
    { config: { access: editors }, schema: { tags, summary: 'Add an interest to the list', body: createInterestInput, response: { 201: interestView } } },
    async (request, reply) => reply.status(201).send(await createInterest(db, clock, actorOf(request), request.body)),
  );
}
