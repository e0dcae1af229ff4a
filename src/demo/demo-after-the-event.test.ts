import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { outbox } from '../platform/mail/schema';
import { people } from '../people/schema';
import { enrolments } from '../enrolment/schema';
import { certificates } from '../certificates/schema';
import { followUps } from '../follow-up/schema';
import { supportCaseEvents, supportCases } from '../support/schema';
import { retentionCheckIns, retentionPlans } from '../retention/schema';
import { seedDemo } from './seed-demo';
import { seedDemoAfterTheEvent } from './demo-after-the-event';

const seededAt = new Date('2026-09-14T13:00:00Z');
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, fixedClock(seededAt));
});
afterAll(() => database.drop());

const personOf = async (employeeId: string) => (await database.db.select({ id: people.id }).from(people).where(eq(people.employeeId, employeeId)))[0]!.id;

describe('the demo after the event (AF-1..AF-7)', () => {
  it('AF-1 AF-2 completed sessions in the past, a no-show, and a certificate for every completion', async () => {
    const states = await database.db.select({ state: enrolments.state, completedAt: enrolments.completedAt }).from(enrolments).where(sql`${enrolments.state} IN ('completed', 'no_show')`);
    expect(states.filter((s) => s.state === 'completed')).toHaveLength(13);
    expect(states.filter((s) => s.state === 'no_show')).toHaveLength(1);
    expect(states.every((s) => s.state !== 'completed' || (s.completedAt && s.completedAt < seededAt))).toBe(true);
    const certs = await database.db.select().from(certificates);
    expect(certs).toHaveLength(13);
    expect(certs.map((c) => c.learnerName)).toContain('Jasmine Carter');
    // History, not news: none of it waits in the outbox.
    const queued = await database.db.select({ key: outbox.idempotencyKey }).from(outbox).where(sql`${outbox.idempotencyKey} LIKE 'certificate:%' OR ${outbox.idempotencyKey} LIKE 'follow-up:%' OR ${outbox.idempotencyKey} LIKE 'support-case:%' OR ${outbox.idempotencyKey} LIKE 'retention%'`);
    expect(queued).toEqual([]);
  });

  it('AF-4 AF-5 follow-ups answered by learners and supervisors; a "not met" ended in "no further training" with its reason', async () => {
    const forms = await database.db.select({ role: followUps.respondentRole, answeredAt: followUps.answeredAt }).from(followUps);
    expect(forms.filter((f) => f.answeredAt && f.role === 'learner')).toHaveLength(6);
    expect(forms.filter((f) => f.answeredAt && f.role === 'supervisor')).toHaveLength(6);
    expect(forms.filter((f) => !f.answeredAt)).toHaveLength(2);
    const cases = await database.db.select().from(supportCases);
    const none = cases.find((c) => c.decision === 'no_further_training');
    expect(none?.state).toBe('closed');
    expect(none?.decisionReason).toMatch(/tools gap, not a skills gap/);
    expect(none?.outcome).toBeTruthy();
    const [tyrone] = await database.db.select({ personId: enrolments.personId }).from(enrolments).where(eq(enrolments.id, none!.enrolmentId));
    expect(tyrone?.personId).toBe(await personOf('N0103'));
    expect(cases.find((c) => c.decision === 'coaching')?.state).toBe('in_progress');
    const events = await database.db.select({ type: supportCaseEvents.type }).from(supportCaseEvents).where(eq(supportCaseEvents.caseId, none!.id));
    expect(events.map((e) => e.type)).toEqual(['opened', 'decided', 'closed']);
  });

  it('AF-6 retention plans in progress, one closed by the supervisor, a check-in held', async () => {
    const plans = await database.db.select().from(retentionPlans);
    expect(plans.map((p) => p.state).sort()).toEqual(['active', 'active', 'closed']);
    expect(plans.find((p) => p.state === 'closed')?.closedBy).toBe(await personOf('N0021'));
    const held = await database.db.select().from(retentionCheckIns).where(sql`${retentionCheckIns.heldAt} IS NOT NULL`);
    expect(held).toHaveLength(1);
    expect(held[0]?.note).toMatch(/escalation/);
  });

  it('loads once: a second run finds the history there', async () => {
    expect(await seedDemoAfterTheEvent(database.db, fixedClock(seededAt), new Map())).toBe(false);
  });
});
