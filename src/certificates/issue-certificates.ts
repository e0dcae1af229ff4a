import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Jobs } from '../platform/jobs/jobs';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { recordAudit } from '../platform/audit/record-audit';
import { recordClockEvent } from '../service-levels/record-clock-event';
import { findCourses, findSessionsWithCourses } from '../catalog/sessions-for-enrolment';
import { loadCourseParts } from '../catalog/course-parts';
import { findEnrollee } from '../enrolment/enrolment-people';
import { localDate } from '../platform/settings/unit-today';
import { enrolments } from '../enrolment/schema';
import { newCertificateCode } from './certificate-code';
import { renderCertificatePdf } from './certificate-pdf';
import { mailThankYou } from './thank-you-mail';
import { certificates } from './schema';

export const ISSUE_CERTIFICATES_JOB = 'certificates.issue';
const BATCH = 100;

export type IssueDeps = { db: Db; clock: Clock; publicUrl: string };
type EnrolmentRow = typeof enrolments.$inferSelect;

/**
 * Issues the certificate of every completed enrolment that has none yet (AF-2), each in its own
 * transaction: the certificate's snapshot, the thank-you with the PDF attached (AF-3) and the
 * `certificate.sent` clock event commit together, so the charter's "certificate sent" clock stops
 * exactly when the mail is queued. Safe to run again and side by side: the unique enrolment index
 * lets one certificate in, and the mail's key sends it once. Returns how many were issued.
 */
export async function issuePendingCertificates(deps: IssueDeps): Promise<number> {
  let issued = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Only the completions flagged since the job last looked (migration 0021): reading every
    // completion ever for the few without a certificate took seconds a minute at a million enrolments.
    const batch = await deps.db
      .select({ enrolment: enrolments })
      .from(enrolments)
      .where(and(eq(enrolments.certificateDue, true), gt(enrolments.id, after)))
      .orderBy(asc(enrolments.id))
      .limit(BATCH);
    for (const { enrolment } of batch) if (await issueOne(deps, enrolment)) issued += 1;
    if (batch.length < BATCH) return issued;
    after = batch[batch.length - 1]!.enrolment.id;
  }
}

async function issueOne(deps: IssueDeps, enrolment: EnrolmentRow): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    // Locked and read again: a second runner waits here, then finds the certificate and stops.
    const [row] = await tx.select().from(enrolments).where(eq(enrolments.id, enrolment.id)).for('update');
    // Looked at now, whatever the answer: issued below, owed none, or no longer completed.
    if (row?.certificateDue) await tx.update(enrolments).set({ certificateDue: false }).where(eq(enrolments.id, row.id));
    if (!row || row.state !== 'completed' || !row.completedAt) return false;
    // Issued already for this completion: a valid certificate, or one issued since it completed and
    // withdrawn since (withdrawing is not asking for a new one; reopening and completing again is).
    const earlier = await tx.select({ revokedAt: certificates.revokedAt, issuedAt: certificates.issuedAt }).from(certificates).where(eq(certificates.enrolmentId, row.id));
    if (earlier.some((c) => !c.revokedAt || c.issuedAt >= row.completedAt!)) return false;
    const unit = await getUnitSettings(tx);
    const found = row.sessionId ? (await findSessionsWithCourses(tx, [row.sessionId])).get(row.sessionId) : undefined;
    const course = found?.course ?? (row.courseId ? (await findCourses(tx, [row.courseId])).get(row.courseId) : undefined);
    const person = await findEnrollee(tx, row.personId);
    if (!course || !person) return false;
    const objectives = ((await loadCourseParts(tx, [course.id])).objectives.get(course.id) ?? []).map((o) => o.text);
    // The day as the learner lived it: the session's own zone; self-paced courses use the unit's.
    const completedOn = localDate(row.completedAt, found?.session.timeZone ?? unit.timeZone);
    const [certificate] = await tx
      .insert(certificates)
      .values({
        enrolmentId: row.id,
        code: newCertificateCode(),
        learnerName: person.name,
        courseCode: course.code,
        courseTitle: course.title,
        completedOn,
        durationMinutes: course.durationMinutes,
        objectives,
        issuedAt: now,
      })
      .onConflictDoNothing({ target: certificates.enrolmentId, where: sql`${certificates.revokedAt} IS NULL` })
      .returning();
    if (!certificate) return false;
    const pdf = await renderCertificatePdf(certificate, unit, deps.publicUrl);
    await mailThankYou(tx, {
      certificate,
      pdf,
      to: { name: person.name, email: person.email },
      hasSupervisor: !!person.manager?.active,
      followUpDays: course.followUpDays,
      // A completion reopened and reached again after a withdrawal is news: its own mail.
      reissue: earlier.length > 0,
      unit,
      publicUrl: deps.publicUrl,
    });
    await recordClockEvent(tx, deps.clock, { type: 'certificate.sent', subject: { type: 'enrolment', id: row.id }, at: now });
    await recordAudit(tx, { actorId: null, action: 'certificate.issued', entity: 'certificate', entityId: certificate.id, after: { enrolmentId: row.id, code: certificate.code } });
    return true;
  });
}

/** Every minute: the charter promises days, and a minute's wait keeps completion itself quick. */
export async function registerCertificateJobs(jobs: Jobs, deps: IssueDeps): Promise<void> {
  await jobs.work(ISSUE_CERTIFICATES_JOB, async () => {
    await issuePendingCertificates(deps);
  });
  await jobs.schedule(ISSUE_CERTIFICATES_JOB, '* * * * *');
}
