import { findVisibleCourse } from '../catalog/read-course';
import { findVisibleSession } from '../catalog/find-session';
import type { CheckSubjectResolver } from './check-subjects';

// Courses and sessions as subjects of checks (ST-2), through the catalog's own visibility rules:
// a draft course, and its sessions, exist only for the catalog's editors.

export const courseCheckSubject: CheckSubjectResolver = async (tx, actor, id) => {
  const course = await findVisibleCourse(tx, actor, id);
  return `${course.title} (${course.code})`;
};

export const sessionCheckSubject: CheckSubjectResolver = async (tx, actor, id) => {
  const { session, course } = await findVisibleSession(tx, actor, id);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: session.timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(session.startsAt);
  return `${course.title}, session of ${day}`;
};
