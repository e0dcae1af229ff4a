import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray, like } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import { auditLog } from '../platform/audit/schema';
import { outbox } from '../platform/mail/schema';
import { lockSession } from '../catalog/sessions-for-enrolment';
import { createBusinessUnit, createPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { applyAsCrowd, applyForSession, type Application } from './apply-for-session';
import { contextOf } from './enrolment-context';
import type { ApplyInput, EnrolmentView } from './enrolment-schemas';
import { enrolmentAudience, enrolmentEvents, enrolmentFitFlags, enrolments } from './schema';

// Issue 10 (decision 031): applications that reach a session together are written together, in
// a dozen statements for the lot. That is only allowed because it writes exactly what one
// transaction per application, one after the other, writes: the same people apply in the same
// order to three identical sessions — one by one, as a crowd, and all at once through the queue —
// and every row they leave (enrolments, history, audit, audience answers, fit flags, mail with its
// calendar invitation) and every answer they get must be the same, but for ids.

let s: TestStride;
let actors: Actor[];
let inputs: ApplyInput[];
let courseId: string;
let coordinator: Awaited<ReturnType<TestStride['signInAs']>>;

const deps = () => ({ db: s.db, clock: s.clock, publicUrl: 'http://stride.test' });

beforeAll(async () => {
  s = await createTestStride();
  const care = await createBusinessUnit(s.db, { name: 'Customer Care' });
  const finance = await createBusinessUnit(s.db, { name: 'Finance' });
  const coordinatorPerson = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  coordinator = await s.signInAs(coordinatorPerson);
  courseId = await publishedCourse(coordinator, coordinatorPerson.id, { code: `CR-${Date.now() % 1000}-101`, audienceBusinessUnitIds: [care.id], prerequisites: 'One month on the phones.' });
  const people = [];
  for (let i = 0; i < 8; i++) {
    people.push(await createPerson(s.db, { name: `Crowd Member ${i + 1}`, businessUnitId: i % 3 === 2 ? finance.id : i % 4 === 3 ? null : care.id, jobTitle: i % 2 ? 'Customer Service Agent' : 'Financial Analyst' }));
  }
  actors = people.map((p) => ({ id: p.id, name: p.name, email: p.email, roles: [] }));
  const answers = { reason: 'I take calls that get heated.', priorExperience: 'some', selfRatedLevel: 2, meetsPrerequisites: 'yes' } as const;
  inputs = [
    {},
    { audience: { ...answers } },
    { note: 'Please, I need this before the busy season.' },
    { audience: { ...answers, priorExperience: 'a_lot', selfRatedLevel: 5, meetsPrerequisites: 'partly', role: 'Senior agent' } },
    {},
    { audience: { ...answers, reason: 'My manager told me to attend.', meetsPrerequisites: 'no' } },
    { note: 'Waiting is fine.', audience: { ...answers } },
    {},
  ] as ApplyInput[];
});
afterAll(() => s.close());

// Three seats for eight: confirmations with calendar invitations, then the waitlist.
const newSession = () => scheduledSession(coordinator, courseId, s.clock.now(), { capacity: 3, approvalMode: 'none' });

/** Everything an application leaves in the database for a session, with ids replaced by arrival positions. */
async function leftBehind(sessionId: string, views: EnrolmentView[]) {
  const rows = await s.db.select().from(enrolments).where(eq(enrolments.sessionId, sessionId)).orderBy(asc(enrolments.position));
  const ids = rows.map((r) => r.id);
  const events = await s.db.select().from(enrolmentEvents).where(inArray(enrolmentEvents.enrolmentId, ids)).orderBy(asc(enrolmentEvents.id));
  const audit = await s.db.select().from(auditLog).where(inArray(auditLog.entityId, ids)).orderBy(asc(auditLog.id));
  const audience = await s.db.select().from(enrolmentAudience).where(inArray(enrolmentAudience.enrolmentId, ids));
  const flags = await s.db.select().from(enrolmentFitFlags).where(inArray(enrolmentFitFlags.enrolmentId, ids)).orderBy(asc(enrolmentFitFlags.id));
  const mail = (await s.db.select().from(outbox).where(like(outbox.idempotencyKey, 'enrolment:%')).orderBy(asc(outbox.id))).filter((m) => ids.some((id) => m.idempotencyKey.includes(id)));
  const sorted = [...views].sort((a, b) => a.position! - b.position!);
  const everything = {
    rows: rows.map(({ updatedAt: _u, ...r }) => r),
    events: events.map(({ id: _id, ...e }) => e),
    audit: audit.map(({ id: _id, at: _at, ...a }) => a),
    audience: audience.sort((a, b) => ids.indexOf(a.enrolmentId) - ids.indexOf(b.enrolmentId)),
    flags: flags.map(({ id: _id, ...f }) => f),
    mail: mail.map(({ id: _id, messageId: _m, createdAt: _c, nextAttemptAt: _n, ...m }) => m),
    views: sorted,
  };
  let text = JSON.stringify(everything);
  rows.forEach((r) => (text = text.replaceAll(r.id, `enrolment-at-${r.position}`)));
  return JSON.parse(text.replaceAll(sessionId, 'the-session')) as unknown;
}

const applications = (): Application[] => actors.map((actor, i) => ({ actor, ctx: contextOf(deps(), actor), input: inputs[i]! }));

describe('issue 10 applications written together', () => {
  it('a crowd written together leaves exactly what one transaction per application leaves, and answers each the same', { timeout: 60_000 }, async () => {
    const oneByOne = await newSession();
    const one: EnrolmentView[] = [];
    for (const [i, actor] of actors.entries()) one.push(await applyForSession(deps(), actor, oneByOne, inputs[i]!));

    const together = await newSession();
    const crowd = await s.db.transaction(async (tx) => applyAsCrowd(tx, await lockSession(tx, together), applications()));
    expect(crowd, 'the crowd was written the crowd’s way').not.toBeNull();

    const queued = await newSession();
    const all = await Promise.all(actors.map((actor, i) => applyForSession(deps(), actor, queued, inputs[i]!)));

    const expected = await leftBehind(oneByOne, one);
    expect(JSON.stringify(expected)).toContain('BEGIN:VCALENDAR');
    expect(JSON.stringify(expected)).toContain('waitlisted');
    expect(await leftBehind(together, crowd!)).toEqual(expected);
    expect(await leftBehind(queued, all)).toEqual(expected);
  });

  it('a crowd with someone already in the session is not written the crowd’s way; through the queue, only that one is refused', { timeout: 60_000 }, async () => {
    const id = await newSession();
    await applyForSession(deps(), actors[4]!, id, {});
    const crowd = await s.db.transaction(async (tx) => applyAsCrowd(tx, await lockSession(tx, id), applications()));
    expect(crowd).toBeNull();
    expect(await s.db.select().from(enrolments).where(eq(enrolments.sessionId, id))).toHaveLength(1);

    const settled = await Promise.allSettled(actors.map((actor, i) => applyForSession(deps(), actor, id, inputs[i]!)));
    expect(settled.map((r) => r.status)).toEqual(actors.map((_, i) => (i === 4 ? 'rejected' : 'fulfilled')));
    expect(String((settled[4] as PromiseRejectedResult).reason)).toMatch(/already have a place/);
    const rows = await s.db.select().from(enrolments).where(eq(enrolments.sessionId, id)).orderBy(asc(enrolments.position));
    expect(rows.map((r) => [r.position, r.state])).toEqual([
      [1, 'confirmed'], [2, 'confirmed'], [3, 'confirmed'],
      ...[4, 5, 6, 7, 8].map((p) => [p, 'waitlisted']),
    ]);
  });
});
