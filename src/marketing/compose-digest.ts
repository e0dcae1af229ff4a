import type { OfferedCourse, OfferedSession, Offerings } from '../catalog/find-offerings';
import type { DigestWindow } from './digest-schedule';

// Which offerings one person's digest lists (CA-6): a pure function of the catalog's offerings
// (loaded once per run), the seats left, and what the person chose. Only what matches an interest
// they picked, is meant for their business unit (a course without audience units is for everyone),
// and is not a course they already hold a place on: the digest informs, it does not push more
// training on anyone.

export type Reader = {
  interestIds: ReadonlySet<string>;
  businessUnitId: string | null;
  /** Courses the person holds a live enrolment on (any session); empty when unknown. */
  enrolledCourseIds: ReadonlySet<string>;
};

export type DigestSession = OfferedSession & { course: OfferedCourse; seatsLeft: number };

export type Digest = {
  newCourses: OfferedCourse[];
  upcomingSessions: DigestSession[];
  /** Matches left out to keep the message short; the catalog has them all. */
  moreNewCourses: number;
  moreUpcomingSessions: number;
};

/** A digest is read, not searched: a handful of each, the rest a click away in the catalog. */
export const MAX_NEW_COURSES = 10;
export const MAX_UPCOMING_SESSIONS = 15;

export const isEmptyDigest = (digest: Digest): boolean => digest.newCourses.length === 0 && digest.upcomingSessions.length === 0;

function matches(course: OfferedCourse | undefined, who: Reader): course is OfferedCourse {
  if (!course) return false;
  if (!course.interestIds.some((id) => who.interestIds.has(id))) return false;
  if (course.audienceUnitIds.length > 0 && (!who.businessUnitId || !course.audienceUnitIds.includes(who.businessUnitId))) return false;
  return !who.enrolledCourseIds.has(course.id);
}

/**
 * `freeSeats` by session id: a session missing from it has all its capacity free (no enrolments
 * yet, or no enrolment capability to ask). A full session is left out: the digest lists what one
 * can still apply to.
 */
export function composeDigest(offerings: Offerings, freeSeats: ReadonlyMap<string, number>, who: Reader, window: DigestWindow): Digest {
  const newCourses = offerings.newCourseIds
    .map((id) => offerings.courses.get(id))
    // After, not at: a course published at the very instant of the last run was in that digest.
    .filter((c): c is OfferedCourse => matches(c, who) && c.publishedAt.getTime() > window.newSince.getTime());
  const upcoming: DigestSession[] = [];
  for (const session of offerings.sessions) {
    if (session.startsAt.getTime() >= window.upcomingUntil.getTime()) continue;
    const course = offerings.courses.get(session.courseId);
    if (!matches(course, who)) continue;
    const seatsLeft = freeSeats.get(session.id) ?? session.capacity;
    if (seatsLeft <= 0) continue;
    upcoming.push({ ...session, course, seatsLeft });
  }
  return {
    newCourses: newCourses.slice(0, MAX_NEW_COURSES),
    upcomingSessions: upcoming.slice(0, MAX_UPCOMING_SESSIONS),
    moreNewCourses: Math.max(0, newCourses.length - MAX_NEW_COURSES),
    moreUpcomingSessions: Math.max(0, upcoming.length - MAX_UPCOMING_SESSIONS),
  };
}
