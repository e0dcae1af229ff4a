import { eq } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database';
import { outbox } from '../../src/platform/mail/schema';
import { courseBody, sessionBody } from './catalog-factories';

// Helpers for the enrolment capability's tests and guard rails (CA-3).

type Client = { post(url: string, body?: unknown): Promise<{ status: number; text: string; body: any }> };

/** A published course written by a catalog editor; e-learning when asked. */
export async function publishedCourse(editor: Client, contactPersonId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const course = await editor.post('/api/v1/courses', courseBody(contactPersonId, overrides));
  if (course.status !== 201) throw new Error(`enrolment: cannot create a course: ${course.status} ${course.text}`);
  const published = await editor.post(`/api/v1/courses/${course.body.id}/publish`, { revision: 1 });
  if (published.status !== 200) throw new Error(`enrolment: cannot publish a course: ${published.status} ${published.text}`);
  return String(course.body.id);
}

/** A scheduled session of the course, a week after `now` unless the overrides say otherwise. */
export async function scheduledSession(editor: Client, courseId: string, now: Date, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await editor.post(`/api/v1/courses/${courseId}/sessions`, sessionBody(now, overrides));
  if (res.status !== 201) throw new Error(`enrolment: cannot schedule a session: ${res.status} ${res.text}`);
  return String(res.body.id);
}

/** The text of the message queued under an idempotency key. */
export async function mailText(db: Db, key: string): Promise<{ to: string; subject: string; text: string } | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.idempotencyKey, key));
  return row ? { to: row.toAddress, subject: row.subject, text: row.textBody } : undefined;
}

/** The token behind the Approve link in the approval request mailed for an enrolment. */
export async function approvalToken(db: Db, enrolmentId: string): Promise<string> {
  const mail = await mailText(db, `enrolment:${enrolmentId}:approval-request`);
  const token = mail?.text.match(/\/approvals\/([A-Za-z0-9_-]{43})\?decision=approve/)?.[1];
  if (!token) throw new Error(`enrolment: no approval link mailed for ${enrolmentId}`);
  return token;
}
