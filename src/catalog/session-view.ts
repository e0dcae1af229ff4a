import type { Actor } from '../platform/auth/actor';
import type { PersonCard } from '../people/find-people';
import type { DbOrTx } from '../platform/db/database';
import { editsCatalog } from './catalog-editors';
import { peopleDirectory } from './course-parts';
import type { SessionView } from './session-schemas';
import type { courseSessions } from './schema';
import { toLocalDateTime } from './zoned-time';

export type SessionRow = typeof courseSessions.$inferSelect;

/**
 * Sessions as the API shows them. The join link and an external instructor's address go to the
 * catalog's editors only; participants will get the link with their confirmation (CA-5).
 */
export async function sessionViews(tx: DbOrTx, rows: SessionRow[], actor: Actor | null, named?: Map<string, PersonCard>): Promise<SessionView[]> {
  const editor = editsCatalog(actor);
  // A caller that has already named the instructors (with others on its page) passes them in.
  const people = named ?? (await peopleDirectory(tx, rows.map((r) => r.instructorId)));
  return rows.map((row) => {
    const inHouse = row.instructorId ? people.get(row.instructorId) : undefined;
    const instructor = row.instructorId
      ? { id: row.instructorId, name: inHouse?.name ?? 'Unknown', external: false, email: editor ? (inHouse?.email ?? null) : null }
      : row.instructorName
        ? { id: null, name: row.instructorName, external: true, email: editor ? row.instructorEmail : null }
        : null;
    return {
      id: row.id,
      courseId: row.courseId,
      status: row.status,
      startsAt: row.startsAt.toISOString(),
      endsAt: row.endsAt.toISOString(),
      timeZone: row.timeZone,
      startsLocal: toLocalDateTime(row.startsAt, row.timeZone),
      endsLocal: toLocalDateTime(row.endsAt, row.timeZone),
      language: row.language,
      place: row.place,
      online: !!row.joinUrl,
      joinUrl: editor ? row.joinUrl : null,
      instructor,
      capacity: row.capacity,
      enrolmentDeadline: row.enrolmentDeadline.toISOString(),
      approvalMode: row.approvalMode,
      reminderOffsetsMinutes: row.reminderOffsetsMinutes,
      sequence: row.sequence,
      cancelledAt: row.cancelledAt?.toISOString() ?? null,
      cancellationReason: row.cancellationReason,
    };
  });
}
