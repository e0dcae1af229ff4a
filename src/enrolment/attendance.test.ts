import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { seedDemoCharter } from '../charter/demo-charter';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import { auditLog } from '../platform/audit/schema';
import { enrolments, sessionAttendance } from './schema';

let s: TestStride;
const p = {} as Record<'learner' | 'colleague' | 'extra' | 'waiting' | 'coordinator' | 'consultant' | 'instructor' | 'otherInstructor', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;
let courseId: string;
const base = new Date('2026-03-02T12:00:00Z');
// A two-day session, Monday 9 and Tuesday 10 March 2026, 09:00–17:00 in New York.
const monday = '2026-03-09';
const tuesday = '2026-03-10';

beforeAll(async () => {
  s = await createTestStride();
  p.learner = await createPerson(s.db, { name: 'Lena Learner' });
  p.colleague = await createPerson(s.db, { name: 'Cole Colleague' });
  p.extra = await createPerson(s.db, { name: 'Eve Extra' });
  p.waiting = await createPerson(s.db, { name: 'Wes Waiting' });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  p.instructor = await createPerson(s.db, { name: 'Ivo Instructor', roles: ['instructor'] });
  p.otherInstructor = await createPerson(s.db, { name: 'Ola Otherinstructor', roles: ['instructor'] });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
  s.clock.set(base);
  await seedDemoCharter(s.db, s.clock, p.coordinator.id);
  courseId = await publishedCourse(c.coordinator, p.coordinator.id);
});
afterAll(() => s.close());

/** A two-day session taught by the instructor: learner, colleague and extra confirmed, one more waitlisted. */
async function twoDaySession(): Promise<{ id: string; e: Record<'learner' | 'colleague' | 'extra' | 'waiting', string> }> {
  s.clock.set(base);
  const id = await scheduledSession(c.coordinator, courseId, base, { approvalMode: 'none', capacity: 3, startsAt: `${monday}T09:00`, endsAt: `${tuesday}T17:00`, instructorId: p.instructor.id });
  const e = {} as Record<'learner' | 'colleague' | 'extra' | 'waiting', string>;
  for (const who of ['learner', 'colleague', 'extra', 'waiting'] as const) {
    const res = await c[who].post(`/api/v1/course-sessions/${id}/enrolments`, {});
    expect(res.status, res.text).toBe(201);
    e[who] = res.body.id;
  }
  return { id, e };
}
const mark = (who: keyof typeof p, id: string, day: string, marks: { enrolmentId: string; present: boolean }[]) => c[who].put(`/api/v1/course-sessions/${id}/attendance`, { day, marks });
const stateOf = async (id: string) => (await s.db.select().from(enrolments).where(eq(enrolments.id, id)))[0]!.state;

describe('AF-1 attendance', () => {
  it('AF-1 the instructor records a day in bulk; a coordinator corrects a mark; both read it back', async () => {
    const { id, e } = await twoDaySession();
    s.clock.set(new Date('2026-03-09T20:00:00Z')); // Monday 16:00 in New York
    const res = await mark('instructor', id, monday, [
      { enrolmentId: e.learner, present: true },
      { enrolmentId: e.colleague, present: true },
      { enrolmentId: e.extra, present: false },
    ]);
    expect(res.status, res.text).toBe(200);
    expect(res.body.days).toEqual([monday, tuesday]);
    expect(res.body.enrolments.map((x: { person: { name: string } }) => x.person.name)).toEqual(['Lena Learner', 'Cole Colleague', 'Eve Extra']);
    const corrected = await mark('coordinator', id, monday, [{ enrolmentId: e.extra, present: true }]);
    expect(corrected.status, corrected.text).toBe(200);
    const read = await c.instructor.get(`/api/v1/course-sessions/${id}/attendance`);
    expect(read.status, read.text).toBe(200);
    const marks = Object.fromEntries(read.body.enrolments.map((x: { enrolmentId: string; marks: unknown }) => [x.enrolmentId, x.marks]));
    expect(marks[e.learner]).toEqual([{ day: monday, present: true }]);
    expect(marks[e.extra]).toEqual([{ day: monday, present: true }]);
    const audits = await s.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.filter((a) => a.action === 'attendance.recorded')).toHaveLength(2);
  });

  it('AF-1 a day outside the session, a day still to come, and a bad body are refused field by field', async () => {
    const { id, e } = await twoDaySession();
    s.clock.set(new Date('2026-03-09T20:00:00Z'));
    const future = await mark('instructor', id, tuesday, [{ enrolmentId: e.learner, present: true }]);
    expect(future.status).toBe(400);
    expect(future.body.errors.map((f: { field: string }) => f.field)).toEqual(['day']);
    const outside = await mark('instructor', id, '2026-03-08', [{ enrolmentId: e.learner, present: true }]);
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0].message).toContain('not a day of this session');
    const malformed = await c.instructor.put(`/api/v1/course-sessions/${id}/attendance`, { day: '9 March', marks: [{ enrolmentId: 'x', present: 'yes' }] });
    expect(malformed.status).toBe(400);
  });

  it('AF-1 nothing is half-applied: one bad mark (waitlisted, unknown, twice) refuses the whole batch', async () => {
    const { id, e } = await twoDaySession();
    s.clock.set(new Date('2026-03-09T20:00:00Z'));
    const res = await mark('instructor', id, monday, [
      { enrolmentId: e.learner, present: true },
      { enrolmentId: e.waiting, present: true },
      { enrolmentId: '00000000-0000-4000-8000-000000000000', present: true },
      { enrolmentId: e.learner, present: false },
    ]);
    expect(res.status, res.text).toBe(400);
    expect(res.body.errors.map((f: { field: string }) => f.field)).toEqual(['marks.1.enrolmentId', 'marks.2.enrolmentId', 'marks.3.enrolmentId']);
    expect(await s.db.select().from(sessionAttendance).where(eq(sessionAttendance.enrolmentId, e.learner))).toEqual([]);
  });

  it('AF-1 only coordinators and the session’s own instructor record or read attendance', async () => {
    const { id, e } = await twoDaySession();
    s.clock.set(new Date('2026-03-09T20:00:00Z'));
    for (const who of ['otherInstructor', 'consultant', 'learner'] as const) {
      expect((await mark(who, id, monday, [{ enrolmentId: e.learner, present: true }])).status).toBe(403);
      expect((await c[who].get(`/api/v1/course-sessions/${id}/attendance`)).status).toBe(403);
      expect((await c[who].post(`/api/v1/course-sessions/${id}/complete`, {})).status).toBe(403);
    }
    expect((await c.coordinator.get('/api/v1/course-sessions/00000000-0000-4000-8000-000000000000/attendance')).status).toBe(404);
    expect(await s.db.select().from(sessionAttendance).where(eq(sessionAttendance.enrolmentId, e.learner))).toEqual([]);
  });
});

describe('AF-1 completion', () => {
  it('AF-1 complete: every day present → completed with the certificate clock started; otherwise no_show; refused while marks are missing', async () => {
    const { id, e } = await twoDaySession();
    s.clock.set(new Date('2026-03-09T20:00:00Z'));
    expect((await mark('instructor', id, monday, [{ enrolmentId: e.learner, present: true }, { enrolmentId: e.colleague, present: true }, { enrolmentId: e.extra, present: false }])).status).toBe(200);
    const early = await c.instructor.post(`/api/v1/course-sessions/${id}/complete`, {});
    expect(early.status).toBe(409);
    expect(early.body.message ?? early.text).toContain('not ended');

    s.clock.set(new Date('2026-03-11T14:00:00Z'));
    const missing = await c.instructor.post(`/api/v1/course-sessions/${id}/complete`, {});
    expect(missing.status, missing.text).toBe(409);
    expect(missing.text).toContain('Lena Learner has no mark for 2026-03-10');
    expect(await stateOf(e.learner)).toBe('confirmed');

    expect((await mark('instructor', id, tuesday, [{ enrolmentId: e.learner, present: true }, { enrolmentId: e.colleague, present: false }, { enrolmentId: e.extra, present: false }])).status).toBe(200);
    const done = await c.instructor.post(`/api/v1/course-sessions/${id}/complete`, {});
    expect(done.status, done.text).toBe(200);
    expect(done.body.completed).toEqual([e.learner]);
    expect(done.body.noShow.sort()).toEqual([e.colleague, e.extra].sort());
    expect(await stateOf(e.learner)).toBe('completed');
    expect(await stateOf(e.colleague)).toBe('no_show');
    expect(await stateOf(e.waiting)).toBe('waitlisted');

    const clocks = await listSubjectClocks(s.db, 'enrolment', [e.learner, e.colleague], s.clock.now());
    expect(clocks.get(e.learner)!.map((k) => k.key)).toEqual(['certificate.sent']);
    expect(clocks.get(e.colleague)).toEqual([]);

    const detail = await c.learner.get(`/api/v1/enrolments/${e.learner}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.state).toBe('completed');
    expect(detail.body.history.at(-1)).toMatchObject({ type: 'completed', fromState: 'confirmed', toState: 'completed' });

    const again = await c.coordinator.post(`/api/v1/course-sessions/${id}/complete`, {});
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ completed: [], noShow: [] });
    const late = await mark('coordinator', id, tuesday, [{ enrolmentId: e.colleague, present: true }]);
    expect(late.status).toBe(400);
  });
});

describe('AF-1 the course’s completion rule, and reopening', () => {
  const week = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];

  /** A Monday-to-Friday session of a course completed at `percent`; learner present 4 days, colleague 3; completed after the Friday. */
  async function fiveDaysCompleted(percent: number | undefined) {
    s.clock.set(base);
    const course = await publishedCourse(c.coordinator, p.coordinator.id, percent === undefined ? {} : { completionMinPercent: percent });
    const id = await scheduledSession(c.coordinator, course, base, { approvalMode: 'none', capacity: 5, startsAt: `${week[0]}T09:00`, endsAt: `${week[4]}T17:00`, instructorId: p.instructor.id });
    const e = {} as Record<'learner' | 'colleague', string>;
    for (const who of ['learner', 'colleague'] as const) e[who] = (await c[who].post(`/api/v1/course-sessions/${id}/enrolments`, {})).body.id;
    s.clock.set(new Date('2026-03-16T14:00:00Z'));
    for (const [i, day] of week.entries()) {
      const res = await mark('instructor', id, day, [{ enrolmentId: e.learner, present: i !== 2 }, { enrolmentId: e.colleague, present: i < 3 }]);
      expect(res.status, res.text).toBe(200);
    }
    const done = await c.instructor.post(`/api/v1/course-sessions/${id}/complete`, {});
    expect(done.status, done.text).toBe(200);
    return { id, e, done: done.body as { completed: string[]; noShow: string[] } };
  }

  it('AF-1 at 80 % one absence in five days still completes; at the default 100 % it is a no-show; the rule is on record', async () => {
    const eighty = await fiveDaysCompleted(80);
    expect(eighty.done.completed).toEqual([eighty.e.learner]);
    expect(eighty.done.noShow).toEqual([eighty.e.colleague]);
    const [event] = (await c.learner.get(`/api/v1/enrolments/${eighty.e.learner}`)).body.history.slice(-1);
    expect(event).toMatchObject({ type: 'completed' });
    const audit = (await s.db.select().from(auditLog).where(eq(auditLog.entityId, eighty.e.learner))).find((a) => a.action === 'enrolment.completed');
    expect(audit?.after).toMatchObject({ daysPresent: 4, days: 5, completionMinPercent: 80, rule: 'at-least-80-percent' });

    const every = await fiveDaysCompleted(undefined);
    expect(every.done.completed).toEqual([]);
    expect(every.done.noShow.sort()).toEqual([every.e.learner, every.e.colleague].sort());
    const strict = (await s.db.select().from(auditLog).where(eq(auditLog.entityId, every.e.learner))).find((a) => a.action === 'enrolment.no_show');
    expect(strict?.after).toMatchObject({ daysPresent: 4, days: 5, completionMinPercent: 100, rule: 'every-day' });
  });

  it('AF-1 a coordinator reopens a no-show to correct a mark; not the instructor, not twice, not once a certificate is issued', async () => {
    const { id, e } = await fiveDaysCompleted(80);
    const reopen = (who: keyof typeof p, enrolmentId: string, reason = 'Day three was marked absent by mistake.') => c[who].post(`/api/v1/enrolments/${enrolmentId}/reopen-completion`, { reason });
    expect((await reopen('instructor', e.colleague)).status).toBe(403);
    expect((await reopen('coordinator', e.colleague, '')).status).toBe(400);
    const res = await reopen('coordinator', e.colleague);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ enrolmentId: e.colleague, state: 'confirmed' });
    expect((await reopen('coordinator', e.colleague)).status).toBe(409);
    const history = (await c.coordinator.get(`/api/v1/enrolments/${e.colleague}`)).body.history;
    expect(history.at(-1)).toMatchObject({ type: 'reopened', fromState: 'no_show', toState: 'confirmed' });
    expect(await s.db.select().from(auditLog).where(eq(auditLog.entityId, e.colleague))).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'enrolment.reopened' })]));

    expect((await mark('instructor', id, week[3]!, [{ enrolmentId: e.colleague, present: true }])).status).toBe(200);
    const again = await c.instructor.post(`/api/v1/course-sessions/${id}/complete`, {});
    expect(again.body).toMatchObject({ completed: [e.colleague], noShow: [] });

    await s.db.execute(sql`INSERT INTO certificates (enrolment_id, code, learner_name, course_code, course_title, completed_on, duration_minutes, objectives, issued_at)
      VALUES (${e.learner}, ${`test-${e.learner}`}, 'Lena Learner', 'X', 'X', '2026-03-13', 60, '[]'::jsonb, now())`);
    const refused = await reopen('coordinator', e.learner);
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('Revoke the certificate first');
    expect(await stateOf(e.learner)).toBe('completed');
  });
});
