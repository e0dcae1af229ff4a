import { sql } from 'drizzle-orm';
import { pgTable, uuid, integer, text, timestamp, date, jsonb, uniqueIndex, index, check } from 'drizzle-orm/pg-core';
import { people } from '../people/schema';
import { enrolments } from '../enrolment/schema';

// A certificate of completion (AF-2): one valid one per completed enrolment. What it shows is copied in at
// issue — the learner's name, the course, the date, the hours, the objectives — so the PDF can be
// drawn again identically and the public verification page (found by `code`, the text under the
// QR) confirms exactly what the paper says and nothing more, whatever is edited later.
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrolmentId: uuid('enrolment_id').notNull().references(() => enrolments.id),
    /** The verification code printed on the certificate and in its QR link: unguessable, unique. */
    code: text('code').notNull(),
    learnerName: text('learner_name').notNull(),
    courseCode: text('course_code').notNull(),
    courseTitle: text('course_title').notNull(),
    /** The day completion was reached, in the session's time zone (the unit's for e-learning). */
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    objectives: jsonb('objectives').$type<string[]>().notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** A withdrawn certificate verifies as withdrawn, never as valid. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => people.id),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    // One valid certificate per enrolment; a withdrawn one stays verifiable as withdrawn, and a
    // completion reopened and reached again earns a new certificate (a new code).
    uniqueIndex('certificates_live_enrolment_idx').on(t.enrolmentId).where(sql`${t.revokedAt} IS NULL`),
    index('certificates_enrolment_idx').on(t.enrolmentId),
    uniqueIndex('certificates_code_idx').on(t.code),
    check('certificates_revoked_whole', sql`(${t.revokedAt} IS NULL) = (${t.revokedReason} IS NULL)`),
  ],
);
