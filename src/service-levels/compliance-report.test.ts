import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { demoCharter, seedDemoCharter } from '../charter/demo-charter';
import { saveCharterDraft } from '../charter/save-charter-draft';
import { publishCharterDraft } from '../charter/publish-charter-draft';
import { recordClockEvent } from './record-clock-event';
import { complianceReport } from './compliance-report';
import { complianceCsv } from './compliance-csv';
import { csvCell } from '../platform/csv/csv';
import type { ComplianceReport } from './compliance-schemas';

// The demo charter: web questions get a first response within 480 business minutes, on a
// New York calendar of 08:30–17:00 weekdays. Every time below is New York wall-clock time in
// June–July 2026 (EDT, UTC−4).

const WEB = 'question.first-response.web';
const ANSWERED = 'Stopped late: The unit answered the question';
const ny = (local: string) => new Date(`${local}:00-04:00`);

let s: TestStride;
let operations: { id: string; name: string };
let field: { id: string; name: string };
let cora: TestPerson;
const subjects = {
  a1: 'A1', a2: 'A2', a3: 'A3', a4: 'A4', edgeBefore: 'EDGE-BEFORE',
  b1: 'B1', b2: 'B2', b3: "=cmd|' /C calc'!A0", edgeLast: 'EDGE-LAST',
};

async function event(type: string, subjectId: string, local: string, extra: { unit?: string; owner?: string } = {}) {
  await s.db.transaction((tx) =>
    recordClockEvent(tx, s.clock, {
      type,
      subject: { type: 'question', id: subjectId },
      at: ny(local),
      ...(type === 'question.asked' ? { attributes: { channel: 'web' } } : {}),
      ...(extra.unit ? { businessUnitId: extra.unit } : {}),
      ...(extra.owner ? { ownerId: extra.owner } : {}),
    }),
  );
}

async function ask(subjectId: string, local: string, unit: string, owner?: string) {
  await event('question.asked', subjectId, local, { unit, ...(owner ? { owner } : {}) });
}

const juneNow = ny('2026-06-11T12:00'); // Thursday noon
const june = (extra: Partial<Parameters<typeof complianceReport>[1]> = {}) =>
  complianceReport(s.db, { from: '2026-06-01', to: '2026-06-10', serviceLevelKey: WEB, now: juneNow, ...extra });
const web = (report: ComplianceReport) => report.serviceLevels.find((l) => l.key === WEB)!;

beforeAll(async () => {
  s = await createTestStride();
  s.clock.set(new Date('2026-01-02T12:00:00Z'));
  await seedDemoCharter(s.db, s.clock);
  operations = await createBusinessUnit(s.db, { code: 'OPS', name: 'Operations' });
  // A name a spreadsheet would run as a formula, with a comma and quotes: the CSV must keep it text.
  field = await createBusinessUnit(s.db, { code: 'FLD', name: '=Field, "North"' });
  cora = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });

  // Operations: answered in 60, in exactly 480 (met), in 1080 (breached by 600), one running on track.
  await ask(subjects.a1, '2026-06-01T09:00', operations.id, cora.id);
  await event('question.answered', subjects.a1, '2026-06-01T10:00');
  await ask(subjects.a2, '2026-06-01T09:00', operations.id);
  await event('question.answered', subjects.a2, '2026-06-02T08:30');
  await ask(subjects.a3, '2026-06-01T09:00', operations.id, cora.id);
  await event('question.answered', subjects.a3, '2026-06-03T10:00');
  await ask(subjects.a4, '2026-06-10T15:00', operations.id);
  // Sunday 31 May at 23:30 in New York is already 1 June in UTC: outside the period.
  await ask(subjects.edgeBefore, '2026-05-31T23:30', operations.id);
  await event('question.answered', subjects.edgeBefore, '2026-06-01T10:00');

  // Field: paused after 60 minutes, resumed Thursday, answered Friday 10:00 (630, breached by 150);
  // answered in 120; one still running since Monday 8 June (1710 by Thursday noon); one asked on
  // 10 June at 23:30 New York time (11 June in UTC), still inside the period.
  await ask(subjects.b1, '2026-06-02T09:00', field.id);
  await event('question.waiting-on-customer', subjects.b1, '2026-06-02T10:00');
  await event('question.customer-replied', subjects.b1, '2026-06-04T09:00');
  await event('question.answered', subjects.b1, '2026-06-05T10:00');
  await ask(subjects.b2, '2026-06-03T13:00', field.id);
  await event('question.answered', subjects.b2, '2026-06-03T15:00');
  await ask(subjects.b3, '2026-06-08T09:00', field.id, cora.id);
  await ask(subjects.edgeLast, '2026-06-10T23:30', field.id);
});
afterAll(() => s?.close());

describe('CH-3 compliance per service level, period and business unit', () => {
  it('counts the clocks started in the period, the share met of those stopped, and the median and 90th percentile', async () => {
    const report = await june();
    expect(report).toMatchObject({ timeZone: 'America/New_York', periodStart: '2026-06-01T04:00:00.000Z', periodEnd: '2026-06-11T04:00:00.000Z' });
    expect(report.serviceLevels.map((l) => l.key)).toEqual([WEB]);
    const level = web(report);
    expect(level.targetsBusinessMinutes).toEqual([480]);
    // Stopped: 60, 120, 480, 630, 1080 → median 480; p90 at rank 3.6: 630 + 0.6 × 450 = 900.
    expect(level.total).toMatchObject({ businessUnit: null, started: 8, running: 3, met: 3, breached: 2, shareMet: 0.6, runningBreached: 1 });
    expect(level.total.medianBusinessMinutes).toBeCloseTo(480, 6);
    expect(level.total.p90BusinessMinutes).toBeCloseTo(900, 6);
  });

  it('breaks the figures down per business unit when no unit is chosen', async () => {
    const level = web(await june());
    const ops = level.byBusinessUnit.find((r) => r.businessUnit?.id === operations.id)!;
    const fld = level.byBusinessUnit.find((r) => r.businessUnit?.id === field.id)!;
    expect(level.byBusinessUnit).toHaveLength(2);
    // Operations: 60, 480, 1080 → median 480; p90 at rank 1.8: 480 + 0.8 × 600 = 960.
    expect(ops).toMatchObject({ businessUnit: { name: 'Operations' }, started: 4, running: 1, met: 2, breached: 1, runningBreached: 0 });
    expect(ops.shareMet).toBeCloseTo(2 / 3, 10);
    expect(ops.medianBusinessMinutes).toBeCloseTo(480, 6);
    expect(ops.p90BusinessMinutes).toBeCloseTo(960, 6);
    // Field: 120, 630 → median 375; p90: 120 + 0.9 × 510 = 579.
    expect(fld).toMatchObject({ started: 4, running: 2, met: 1, breached: 1, shareMet: 0.5, runningBreached: 1 });
    expect(fld.medianBusinessMinutes).toBeCloseTo(375, 6);
    expect(fld.p90BusinessMinutes).toBeCloseTo(579, 6);
  });

  it('lists each breach with how late it was in business minutes and its cause', async () => {
    const { breaches } = await june();
    expect(breaches.map((b) => b.subjectId)).toEqual([subjects.a3, subjects.b1, subjects.b3]);
    expect(breaches[0]).toMatchObject({
      // These clocks' subjects are no capability's records: nobody gives them a reference.
      subjectReference: null,
      businessUnit: { id: operations.id, name: 'Operations' },
      targetBusinessMinutes: 480,
      startedAt: ny('2026-06-01T09:00').toISOString(),
      dueAt: ny('2026-06-01T17:00').toISOString(),
      stoppedAt: ny('2026-06-03T10:00').toISOString(),
      lateBusinessMinutes: 600,
      stopEvent: 'question.answered',
      cause: ANSWERED,
      owner: { id: cora.id, name: 'Cora Coordinator' },
      paused: false,
      pausedBusinessMinutes: 0,
    });
    // Waiting on the customer from Tuesday 10:00 to Thursday 09:00: 420 + 510 + 30 working minutes.
    expect(breaches[1]).toMatchObject({ lateBusinessMinutes: 150, cause: ANSWERED, owner: null, paused: true, pausedBusinessMinutes: 960, dueAt: ny('2026-06-04T16:00').toISOString() });
    expect(breaches[2]).toMatchObject({ stoppedAt: null, lateBusinessMinutes: 1230, stopEvent: null, cause: 'Still open', owner: { name: 'Cora Coordinator' }, paused: false });
  });

  it('filters by business unit (no breakdown then) and reads the period in New York time', async () => {
    const ops = web(await june({ businessUnitId: operations.id }));
    expect(ops.byBusinessUnit).toEqual([]);
    expect(ops.total).toMatchObject({ started: 4, met: 2, breached: 1 });
    // The last day alone: only the question asked at 23:30 New York time on 10 June, and Operations' 15:00 one.
    const lastDay = web(await june({ from: '2026-06-10' }));
    expect(lastDay.total).toMatchObject({ started: 2, running: 2, met: 0, breached: 0, shareMet: null, medianBusinessMinutes: null, p90BusinessMinutes: null });
    // 31 May in New York holds the Sunday-night question, answered in 90 business minutes.
    const may31 = web(await june({ from: '2026-05-31', to: '2026-05-31' }));
    expect(may31.total).toMatchObject({ started: 1, met: 1, medianBusinessMinutes: 90 });
  });

  it('without a key filter, lists every service level of the charter in force, with nothing started as empty', async () => {
    const report = await june({ serviceLevelKey: undefined });
    expect(report.serviceLevels.length).toBe(demoCharter.serviceLevels.length);
    expect(report.serviceLevels.find((l) => l.key === 'question.first-response.phone')?.total).toMatchObject({ started: 0, shareMet: null });
  });

  it('exports CSV: a row per service level and unit, a blank line, then the breaches, escaped and formula-safe', async () => {
    const csv = complianceCsv(await june());
    const [figures, breaches] = csv.split('\r\n\r\n');
    const figureLines = figures!.split('\r\n');
    expect(figureLines[0]).toBe('service_level_key,service_level,targets_business_minutes,business_unit,started,running,met,breached,share_met,median_business_minutes,p90_business_minutes,running_breached');
    expect(figureLines).toHaveLength(4);
    expect(figureLines[1]).toBe(`${WEB},First response to a question — web form,480,All business units,8,3,3,2,0.6,480,900,1`);
    expect(figureLines).toContain(`${WEB},First response to a question — web form,480,"'=Field, ""North""",4,2,1,1,0.5,375,579,1`);
    const breachLines = breaches!.trimEnd().split('\r\n');
    expect(breachLines[0]).toBe('service_level_key,subject_type,subject_id,subject_reference,business_unit,target_business_minutes,started_at,due_at,stopped_at,late_business_minutes,cause,stop_event,owner,paused');
    expect(breachLines).toHaveLength(4);
    expect(breachLines[2]).toContain(`,question,B1,,"'=Field, ""North""",480,`);
    expect(breachLines[3]).toBe(
      `${WEB},question,'=cmd|' /C calc'!A0,,"'=Field, ""North""",480,2026-06-08T13:00:00.000Z,2026-06-08T21:00:00.000Z,still running,1230,Still open,,Cora Coordinator,no`,
    );
  });

  it('escapes cells: quotes, commas and line breaks are quoted; = + - @ lead to an apostrophe', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx"]);
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(null)).toBe('');
  });
});

describe('CH-3 CH-4 a clock is reported against the target of the version it started under', () => {
  it('keeps version 1’s target for a clock started before version 2 shortened it', async () => {
    const v1 = 'V1-QUESTION';
    const v2 = 'V2-QUESTION';
    await ask(v1, '2026-06-29T09:00', operations.id);
    await event('question.answered', v1, '2026-06-29T15:00'); // 360: met against 480
    s.clock.set(new Date('2026-07-01T12:00:00Z'));
    await s.db.transaction(async (tx) => {
      const serviceLevels = demoCharter.serviceLevels.map((l) => (l.key === WEB ? { ...l, name: 'First response — web form (faster)', targetBusinessMinutes: 240 } : l));
      await saveCharterDraft(tx, s.clock, null, { ...demoCharter, serviceLevels, changeSummary: 'Web questions answered within 4 working hours.' });
      await publishCharterDraft(tx, s.clock, null);
    });
    await ask(v2, '2026-07-07T09:00', operations.id);
    await event('question.answered', v2, '2026-07-07T14:00'); // 300: breached against 240
    const report = await complianceReport(s.db, { from: '2026-06-29', to: '2026-07-10', serviceLevelKey: WEB, now: ny('2026-07-10T12:00') });
    const level = web(report);
    expect(level).toMatchObject({ name: 'First response — web form (faster)', targetsBusinessMinutes: [480, 240] });
    expect(level.total).toMatchObject({ started: 2, met: 1, breached: 1, shareMet: 0.5, medianBusinessMinutes: 330 });
    expect(report.breaches).toEqual([expect.objectContaining({ subjectId: v2, targetBusinessMinutes: 240, lateBusinessMinutes: 60 })]);
  });
});

describe('CH-3 the compliance report over HTTP', () => {
  let coordinator: TestClient;
  let learner: TestClient;

  // Sessions live on the real clock (a cookie from June 2026 would already have expired), so here
  // every running clock from June is past its target.
  beforeAll(async () => {
    s.clock.set(new Date());
    coordinator = await s.signInAs(await createPerson(s.db, { name: 'Carl Coordinator', roles: ['coordinator'] }));
    learner = await s.signInAs(await createPerson(s.db, { name: 'Lee Learner' }));
  });

  const query = `from=2026-06-01&to=2026-06-10&serviceLevelKey=${encodeURIComponent(WEB)}`;

  it('answers staff with the report as JSON and as CSV', async () => {
    const res = await coordinator.get(`/api/v1/service-levels/compliance?${query}`);
    expect(res.status).toBe(200);
    expect(res.body.serviceLevels[0]).toMatchObject({ key: WEB, total: { started: 8, met: 3, breached: 2, shareMet: 0.6 } });
    expect(res.body.serviceLevels[0].total).toMatchObject({ running: 3, runningBreached: 3 });
    expect(res.body.breaches.map((b: { subjectId: string }) => b.subjectId)).toEqual([subjects.a3, subjects.b1, subjects.b3, subjects.a4, subjects.edgeLast]);
    const filtered = await coordinator.get(`/api/v1/service-levels/compliance?${query}&businessUnitId=${field.id}`);
    expect(filtered.body.serviceLevels[0].total).toMatchObject({ started: 4, runningBreached: 2 });

    const csv = await coordinator.get(`/api/v1/service-levels/compliance.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(csv.headers['content-disposition'])).toContain('compliance-2026-06-01-to-2026-06-10.csv');
    expect(csv.text.split('\r\n')[1]).toBe(`${WEB},First response to a question — web form,480,All business units,8,3,3,2,0.6,480,900,3`);
  });

  it('refuses a learner (403)', async () => {
    expect((await learner.get(`/api/v1/service-levels/compliance?${query}`)).status).toBe(403);
    expect((await learner.get(`/api/v1/service-levels/compliance.csv?${query}`)).status).toBe(403);
  });

  it('refuses a period that ends before it starts, is longer than three years, or names no real day, field by field', async () => {
    const backwards = await coordinator.get('/api/v1/service-levels/compliance?from=2026-06-10&to=2026-06-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: expect.stringMatching(/to$/) })]);
    const long = await coordinator.get('/api/v1/service-levels/compliance.csv?from=2020-01-01&to=2026-01-01');
    expect(long.status).toBe(400);
    expect(long.body.errors[0].message).toMatch(/three years/);
    const noSuchDay = await coordinator.get('/api/v1/service-levels/compliance?from=2026-02-30&to=2026-03-01');
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body.errors[0].field).toMatch(/from$/);
  });
});
