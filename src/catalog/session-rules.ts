import { and, eq, gte } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { AppError, type FieldError } from '../platform/http/app-error';
import { hasSessions, type CourseFormat } from './catalog-values';
import { courseSessions } from './schema';

// What a session needs from its course's format (CA-2): a classroom has a place, a virtual
// session a join link, a blended one at least one of them; e-learning is self-paced and has none.

export const noSessionsForElearning = 'An e-learning course is self-paced and has no sessions; change the course’s format first if it is now taught live.';

export function venueProblem(format: CourseFormat, venue: { place: string | null; joinUrl: string | null }): FieldError | null {
  if (format === 'classroom' && !venue.place) return { field: 'place', message: 'A classroom session needs a place: the room and the address.' };
  if (format === 'virtual' && !venue.joinUrl) return { field: 'joinUrl', message: 'A virtual session needs a join link (https://…).' };
  if (format === 'blended' && !venue.place && !venue.joinUrl) return { field: 'place', message: 'A blended session needs a place, a join link, or both.' };
  return null;
}

/**
 * Refuses a course edit that would leave its upcoming sessions wrong: an e-learning course with
 * sessions, a session in a language the course no longer lists, or one without the place or link
 * its new format needs. The editor fixes or cancels those sessions first; nothing changes silently.
 */
export async function checkUpcomingSessionsFit(tx: DbOrTx, courseId: string, next: { format: CourseFormat; languages: string[] }, now: Date): Promise<void> {
  const upcoming = await tx
    .select()
    .from(courseSessions)
    .where(and(eq(courseSessions.courseId, courseId), eq(courseSessions.status, 'scheduled'), gte(courseSessions.startsAt, now)));
  if (upcoming.length === 0) return;
  const n = upcoming.length;
  const sessions = n === 1 ? 'its upcoming session' : `its ${n} upcoming sessions`;
  if (!hasSessions(next.format)) {
    throw new AppError('conflict', `An e-learning course has no sessions: cancel ${sessions} first.`, { fields: [{ field: 'format', message: `Cancel ${sessions} before making the course e-learning.` }] });
  }
  const languages = [...new Set(upcoming.map((s) => s.language).filter((l) => !next.languages.includes(l)))];
  if (languages.length > 0) {
    const message = `Upcoming sessions are taught in ${languages.join(', ')}; keep the language or change those sessions first.`;
    throw new AppError('conflict', message, { fields: [{ field: 'languages', message }] });
  }
  const misfits = upcoming.filter((s) => venueProblem(next.format, s) !== null).length;
  if (misfits > 0) {
    const message = `${misfits} upcoming session${misfits === 1 ? ' lacks' : 's lack'} the place or join link a ${next.format} course needs; complete ${misfits === 1 ? 'it' : 'them'} first.`;
    throw new AppError('conflict', message, { fields: [{ field: 'format', message }] });
  }
}
