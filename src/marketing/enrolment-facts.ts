import type { DbOrTx } from '../platform/db/database';
import { countSeats } from '../enrolment/seats';
import { liveEnrolledCourseIds } from '../enrolment/live-enrolled-courses';

// What the digest asks the enrolment capability (CA-3): the seats left on sessions, so a full one
// is not advertised, and the courses people already hold a place on.

/** Free seats by session id (confirmed enrolments hold a seat; the waitlist does not free one). */
export async function freeSeats(tx: DbOrTx, sessions: { id: string; capacity: number }[]): Promise<Map<string, number>> {
  const seats = await countSeats(tx, sessions);
  return new Map([...seats].map(([id, s]) => [id, s.free]));
}

/** Courses each person already holds a place on: the digest does not advertise them. */
export async function enrolledCourseIds(tx: DbOrTx, personIds: string[]): Promise<Map<string, Set<string>>> {
  return liveEnrolledCourseIds(tx, personIds);
}
