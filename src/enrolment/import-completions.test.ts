import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { publishedCourse } from '../../tests/support/enrolment-factories';
import { seedDemoCharter } from '../charter/demo-charter';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import { enrolmentEvents, enrolments } from './schema';

// E-learning completions (AF-1): recorded one by one or imported from the LMS's CSV, by coordinators.

let s: TestStride;
const p = {} as Record<'ana' | 'ben' | 'cat' | 'coordinator' | 'instructor', TestPerson>;
const c = {} as Record<'coordinator' | 'instructor', TestClient>;
const now = new Date('2026-04-15T10:00:00Z');

beforeAll(async () => {
  s = await createTestStride();
  s.clock.set(now);
  p.ana = await createPerson(s.db, { name: 'Ana Alves' });
  p.ben = await createPerson(s.db, { name: 'Ben Brook' });
  p.cat = await createPerson(s.db, { name: 'Cat Costa' });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.instructor = await createPerson(s.db, { name: 'Ivo Instructor', roles: ['instructor'] });
  c.coordinator = await s.signInAs(p.coordinator);
  c.instructor = await s.signInAs(p.instructor);
  await seedDemoCharter(s.db, s.clock, p.coordinator.id);
});
afterAll(() => s.close());

const elearning = () => publishedCourse(c.coordinator, p.coordinator.id, { format: 'e-learning', durationMinutes: 45 });
const courseEnrolments = (courseId: string) => s.db.select().from(enrolments).where(eq(enrolments.courseId, courseId));
const importCsv = (courseId: string, csv: string, dryRun = false) => c.coordinator.post(`/api/v1/courses/${courseId}/completions/import`, { csv, dryRun });

describe('AF-1 e-learning completions', () => {
  it('AF-1 a coordinator records one completion: the enrolment (made if missing) becomes completed and the certificate clock starts', async () => {
    const courseId = await elearning();
    const res = await c.coordinator.post(`/api/v1/courses/${courseId}/completions`, { personId: p.ana.id, completedOn: '2026-04-10' });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ person: { id: p.ana.id, name: 'Ana Alves' }, state: 'completed', completedOn: '2026-04-10', completedAt: '2026-04-10T10:00:00.000Z' }); // noon in the unit's zone (Paris, UTC+2)
    const [row] = await courseEnrolments(courseId);
    expect(row).toMatchObject({ personId: p.ana.id, state: 'completed', origin: 'coordinator' });
    const events = await s.db.select().from(enrolmentEvents).where(eq(enrolmentEvents.enrolmentId, row!.id));
    expect(events.map((e) => [e.type, e.toState])).toEqual([['applied', 'confirmed'], ['completed', 'completed']]);
    const clocks = await listSubjectClocks(s.db, 'enrolment', [row!.id], s.clock.now());
    expect(clocks.get(row!.id)!.map((k) => k.key)).toEqual(['certificate.sent']);

    const twice = await c.coordinator.post(`/api/v1/courses/${courseId}/completions`, { personId: p.ana.id, completedOn: '2026-04-10' });
    expect(twice.status).toBe(409);
    const future = await c.coordinator.post(`/api/v1/courses/${courseId}/completions`, { personId: p.ben.id, completedOn: '2026-04-16' });
    expect(future.status).toBe(400);
    expect(future.body.errors.map((f: { field: string }) => f.field)).toEqual(['completedOn']);
    expect((await c.instructor.post(`/api/v1/courses/${courseId}/completions`, { personId: p.ben.id, completedOn: '2026-04-10' })).status).toBe(403);
    const sessions = await publishedCourse(c.coordinator, p.coordinator.id);
    expect((await c.coordinator.post(`/api/v1/courses/${sessions}/completions`, { personId: p.ben.id, completedOn: '2026-04-10' })).status).toBe(409);
  });

  it('AF-1 CSV import: the dry run previews and changes nothing; one bad line refuses all, naming each line; then all complete', async () => {
    const courseId = await elearning();
    // Ben already has a (confirmed) enrolment; Ana none; Cat finished earlier.
    expect((await c.coordinator.post(`/api/v1/courses/${courseId}/nominations`, { personId: p.ben.id })).status).toBe(201);
    expect((await c.coordinator.post(`/api/v1/courses/${courseId}/completions`, { personId: p.cat.id, completedOn: '2026-04-01' })).status).toBe(201);

    const good = `email,completed_on\n${p.ana.email.toUpperCase()},2026-04-14\n`;
    const csv = `${good}${p.ben.email},2026-04-13\n${p.cat.email},2026-04-12\n`;
    const dry = await importCsv(courseId, csv, true);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, toComplete: 2, alreadyCompleted: 1 });
    expect(dry.body.lines.map((l: { line: number; outcome: string }) => [l.line, l.outcome])).toEqual([[2, 'complete'], [3, 'complete'], [4, 'already_completed']]);
    expect((await courseEnrolments(courseId)).map((e) => e.state).sort()).toEqual(['completed', 'confirmed']);

    const bad = `email,completed_on\n${p.ana.email},2026-04-14\nnobody@example.org,2026-04-14\n\n${p.ben.email},14/04/2026\n${p.ana.email},2026-04-13\n${p.ben.email},2026-05-01\n${p.cat.email},2026-04-12\n`;
    const refused = await importCsv(courseId, bad);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((f: { field: string }) => f.field)).toEqual(['lines.3.email', 'lines.5.completed_on', 'lines.6.email', 'lines.7.completed_on', 'lines.8.email']);
    expect(refused.text).toContain('nobody has the email nobody@example.org');
    expect((await courseEnrolments(courseId)).map((e) => e.state).sort()).toEqual(['completed', 'confirmed']);

    const header = await importCsv(courseId, `name,when\nAna,2026-04-14\n`);
    expect(header.status).toBe(400);
    expect(header.body.errors[0].field).toBe('csv.header');
    expect((await c.instructor.post(`/api/v1/courses/${courseId}/completions/import`, { csv: good })).status).toBe(403);

    const done = await importCsv(courseId, `employee_id,completed_on\n${p.ana.employeeId},2026-04-14\n${p.ben.employeeId},2026-04-13\n`);
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ applied: true, toComplete: 2, errors: [] });
    const rows = await courseEnrolments(courseId);
    expect(rows.map((r) => r.state)).toEqual(['completed', 'completed', 'completed']);
    const ben = rows.find((r) => r.personId === p.ben.id)!;
    expect(ben.completedAt?.toISOString()).toBe('2026-04-13T10:00:00.000Z'); // noon in Paris: the certificate shows the 13th
    const clocks = await listSubjectClocks(s.db, 'enrolment', rows.map((r) => r.id), s.clock.now());
    for (const r of rows) expect(clocks.get(r.id)!.map((k) => k.key)).toEqual(['certificate.sent']);
    const [event] = await s.db.select().from(enrolmentEvents).where(and(eq(enrolmentEvents.enrolmentId, ben.id), eq(enrolmentEvents.type, 'completed')));
    expect(event!.details).toMatchObject({ completedOn: '2026-04-13', via: 'imported' });
  });
});
