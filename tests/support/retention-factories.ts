import type { Db } from '../../src/platform/db/database';
import { enrolments } from '../../src/enrolment/schema';
import { scheduledSession } from './enrolment-factories';

// Retention plans (AF-6) follow a completed enrolment. Completion itself is tested with attendance
// (AF-1); here the enrolment is written completed directly, on a fresh session of the course.

type Client = Parameters<typeof scheduledSession>[0];

/** A completed enrolment of `personId` in a new session of `courseId`. */
export async function completedEnrolment(db: Db, editor: Client, courseId: string, personId: string, now: Date): Promise<string> {
  const sessionId = await scheduledSession(editor, courseId, now, { approvalMode: 'none' });
  const [row] = await db
    .insert(enrolments)
    .values({ sessionId, personId, state: 'completed', position: 1, origin: 'self', appliedBy: personId, appliedAt: now, confirmedAt: now, completedAt: now, updatedAt: now })
    .returning({ id: enrolments.id });
  return row!.id;
}
