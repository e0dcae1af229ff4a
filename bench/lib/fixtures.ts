import { randomBytes } from 'node:crypto';
import { sessions } from '../../src/account/schema';
import { courseSessions } from '../../src/catalog/schema';
import { outbox } from '../../src/platform/mail/schema';
import { hashToken } from '../../src/platform/auth/tokens';
import type { Database } from '../../src/platform/db/database';
import { bulkInsert } from './bulk-insert';

// What one bench run needs from the seeded organization, made while Stride is stopped (PGlite
// admits one process): signed-in sessions (rows in Stride's sessions table, as sign-in writes them,
// so no argon2 per learner), the apply race's fresh sessions, and the mail to dispatch.

export type Fixtures = {
  run: string;
  adminCookie: string;
  learnerCookies: string[];
  applicantCookies: string[];
  courseIds: string[];
  words: string[];
  unitId: string;
  raceSessionIds: string[];
};

const DAY = 86_400_000;
/** Any value works: the server only checks that the header repeats the cookie (double submit). */
export const CSRF = 'bench-csrf';
export const headersFor = (cookie: string, write = false): Record<string, string> =>
  write ? { cookie: `${cookie}; stride_csrf=${CSRF}`, 'x-csrf-token': CSRF, 'content-type': 'application/json' } : { cookie };

const rows = async (database: Database, text: string, params: unknown[] = []) => (await database.execute(text, params)).rows;

export async function prepareFixtures(database: Database, options: { learners: number; applicants: number; raceSessions: number; seats: number }): Promise<Fixtures> {
  const run = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
  const now = new Date();
  const signIn = async (ids: string[]) => {
    const tokens = ids.map(() => randomBytes(32).toString('base64url'));
    await bulkInsert(database, sessions, ids.map((personId, i) => ({ tokenHash: hashToken(tokens[i]!), personId, createdAt: now, expiresAt: new Date(now.getTime() + DAY) })));
    return tokens.map((t) => `stride_session=${t}`);
  };
  const [admin] = await rows(database, `SELECT person_id AS id FROM person_roles WHERE role = 'admin' ORDER BY person_id LIMIT 1`);
  if (!admin) throw new Error('No admin in the target: run npm run bench:seed first');
  // Learners who have enrolments (My learning is about something), drawn afresh each run.
  const learners = await rows(database, `SELECT id FROM people p WHERE EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = p.id) ORDER BY md5(p.id::text || $1) LIMIT $2`, [run, options.learners]);
  const applicants = await rows(database, `SELECT id FROM people WHERE active ORDER BY md5(id::text || $1 || 'race') LIMIT $2`, [run, options.applicants]);
  const courses = await rows(database, `SELECT id, title FROM courses WHERE status = 'published' ORDER BY md5(id::text || $1) LIMIT 200`, [run]);
  const [unit] = await rows(database, `SELECT business_unit_id AS id FROM people WHERE business_unit_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
  const [raceCourse] = await rows(database, `SELECT id FROM courses WHERE status = 'published' AND format <> 'e-learning' ORDER BY code LIMIT 1`);
  const words = [...new Set(courses.flatMap((c) => String(c.title).toLowerCase().match(/[a-z]{4,}/g) ?? []))].filter((w) => !['with', 'practical', 'and'].includes(w));

  // The race: fresh sessions of `seats` seats, no approval, two months ahead, so a rerun never finds them taken.
  const startsAt = new Date(Math.floor(now.getTime() / DAY) * DAY + 60 * DAY + 9 * 3600_000);
  const raceSessions = Array.from({ length: options.raceSessions }, () => ({
    id: crypto.randomUUID(), courseId: String(raceCourse!.id), startsAt, endsAt: new Date(startsAt.getTime() + 7 * 3600_000), timeZone: 'UTC', language: 'en',
    place: 'Bench hall', capacity: options.seats, enrolmentDeadline: new Date(startsAt.getTime() - 2 * DAY), approvalMode: 'none' as const, createdAt: now, updatedAt: now,
  }));
  await bulkInsert(database, courseSessions, raceSessions);

  return {
    run,
    adminCookie: (await signIn([String(admin.id)]))[0]!,
    learnerCookies: await signIn(learners.map((r) => String(r.id))),
    applicantCookies: await signIn(applicants.map((r) => String(r.id))),
    courseIds: courses.map((c) => String(c.id)),
    words,
    unitId: String(unit!.id),
    raceSessionIds: raceSessions.map((s) => s.id),
  };
}

/** Queues `count` messages in the outbox, as enqueueMail would (key, Message-ID), marked with the run. */
export async function queueBenchMail(database: Database, run: string, count: number): Promise<string> {
  const prefix = `bench-${run}-`;
  const text = 'Your place on Practical negotiation is confirmed.\n\nThe training unit';
  const batch = 20_000;
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    await bulkInsert(database, outbox, Array.from({ length: n }, (_, k) => {
      const i = start + k;
      return { idempotencyKey: `${prefix}${i}`, messageId: `<${prefix}${i}@bench.example>`, toAddress: `learner${i % 5000}@bench.example`, subject: `Bench message ${i}`, textBody: text, htmlBody: `<p>${text}</p>` };
    }));
  }
  return prefix;
}
