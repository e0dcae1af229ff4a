import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, inArray, isNull, like } from 'drizzle-orm';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient, TestResponse } from '../../tests/support/test-client';
import { auditLog } from '../platform/audit/schema';
import { businessUnits, people, peopleImports } from './schema';

let s: TestStride;
let admin: TestPerson;
let c: TestClient;

beforeAll(async () => {
  s = await createTestStride();
  admin = await createPerson(s.db, { name: 'Ida Importer', roles: ['admin'] });
  c = await s.signInAs(admin);
});
afterAll(() => s.close());

// ---------------------------------------------------------------------------------------------
// Helpers

const HEADER = 'employee_id,name,email,job_title,business_unit,manager_employee_id,time_zone,locale';
type Row = { id: string; name?: string; email?: string; title?: string; unit?: string; manager?: string; tz?: string; locale?: string };

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (r: Row) =>
  [r.id, r.name ?? `Name ${r.id}`, r.email ?? `${r.id.toLowerCase()}@import.example`, r.title ?? '', r.unit ?? '', r.manager ?? '', r.tz ?? '', r.locale ?? ''].map(cell).join(',');
const csvOf = (rows: Row[]) => `${HEADER}\n${rows.map(line).join('\n')}\n`;

type ImportStatus = {
  id: string;
  fileName: string;
  status: 'previewed' | 'rejected' | 'applying' | 'applied' | 'failed';
  totalRows: number;
  processedRows: number;
  summary: { created: number; updated: number; unchanged: number; newUnits: string[] };
  errors: { row: number; field: string; message: string }[];
  errorCount: number;
  appliedAt: string | null;
};

async function preview(csv: string, fileName = 'hr-export.csv'): Promise<ImportStatus> {
  const res = await c.post('/api/v1/people-imports', { fileName, csv });
  expect(res.status, res.text).toBe(201);
  return res.body as ImportStatus;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Applies a previewed import and polls it to the end; returns every status seen on the way. */
async function apply(id: string, timeoutMs = 20_000): Promise<{ final: ImportStatus; seen: ImportStatus[] }> {
  const started = await c.post(`/api/v1/people-imports/${id}/apply`);
  expect(started.status, started.text).toBe(202);
  expect(started.body.status).toBe('applying');
  const seen: ImportStatus[] = [started.body];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await c.get(`/api/v1/people-imports/${id}`);
    expect(res.status, res.text).toBe(200);
    seen.push(res.body);
    if (res.body.status !== 'applying') break;
    if (Date.now() > deadline) throw new Error(`import ${id} still applying after ${timeoutMs} ms`);
    await sleep(20);
  }
  const final = seen[seen.length - 1]!;
  expect(final.status, JSON.stringify(final.errors)).toBe('applied');
  return { final, seen };
}

/** Progress only moves forward, stays within the file, and ends complete. */
function expectSteadyProgress(seen: ImportStatus[]) {
  const total = seen[0]!.totalRows;
  for (const st of seen) {
    expect(['applying', 'applied']).toContain(st.status);
    expect(st.totalRows).toBe(total);
    expect(st.processedRows).toBeGreaterThanOrEqual(0);
    expect(st.processedRows).toBeLessThanOrEqual(total);
  }
  const progress = seen.map((st) => st.processedRows);
  for (let i = 1; i < progress.length; i++) expect(progress[i], `progress went back: ${progress.join(' → ')}`).toBeGreaterThanOrEqual(progress[i - 1]!);
  expect(seen.at(-1)!.processedRows).toBe(total);
}

async function peopleCount(): Promise<number> {
  const [row] = await s.db.select({ n: count() }).from(people);
  return row!.n;
}

/** The directory as an import could change it. */
async function directory() {
  const [p, u] = await Promise.all([
    s.db.select().from(people).orderBy(asc(people.employeeId)),
    s.db.select().from(businessUnits).orderBy(asc(businessUnits.code)),
  ]);
  return { people: p, units: u };
}

async function byEmployeeId(...ids: string[]) {
  const rows = await s.db.select().from(people).where(inArray(people.employeeId, ids));
  return new Map(rows.map((r) => [r.employeeId, r]));
}

async function idOf(employeeId: string): Promise<string> {
  const [row] = await s.db.select({ id: people.id }).from(people).where(eq(people.employeeId, employeeId));
  return row!.id;
}

// ---------------------------------------------------------------------------------------------

describe('preview and apply (PI: people import)', () => {
  it('a preview counts creates, updates, unchanged rows and new units, and writes nobody', async () => {
    await createPerson(s.db, { employeeId: 'PV-SAME', name: 'Sara Same', email: 'pv-same@import.example', jobTitle: 'Clerk', timeZone: 'UTC' });
    await createPerson(s.db, { employeeId: 'PV-MOVE', name: 'Max Move', email: 'pv-move@import.example', jobTitle: 'Clerk', timeZone: 'UTC' });
    const before = await directory();
    const csv = csvOf([
      { id: 'PV-1', name: 'Pia New', unit: 'Customer Care' },
      { id: 'PV-2', name: 'Paul New', unit: 'Customer Care', manager: 'PV-1' },
      { id: 'PV-SAME', name: 'Sara Same', title: 'Clerk', tz: 'UTC' },
      { id: 'PV-MOVE', name: 'Max Move', title: 'Senior clerk', tz: 'UTC' },
    ]);
    const st = await preview(csv, 'preview.csv');
    expect(st).toMatchObject({ fileName: 'preview.csv', status: 'previewed', totalRows: 4, processedRows: 0, errors: [], errorCount: 0, appliedAt: null });
    expect(st.summary).toEqual({ created: 2, updated: 1, unchanged: 1, newUnits: ['Customer Care'] });
    expect(await directory()).toEqual(before);
    const [stored] = await s.db.select().from(peopleImports).where(eq(peopleImports.id, st.id));
    expect(stored).toMatchObject({ status: 'previewed', createdBy: admin.id, csv });
    const again = await c.get(`/api/v1/people-imports/${st.id}`);
    expect(again.body).toEqual(st);
  });

  it('apply creates people, links managers listed after their reports, and creates units once', async () => {
    const field = await createBusinessUnit(s.db, { code: 'AP-HQ', name: 'Head Office' });
    const before = await peopleCount();
    // Each manager appears after their report; "field service" and "Field Service" are one unit;
    // "ap-hq" is an existing unit named by its code.
    const st = await preview(
      csvOf([
        { id: 'AP-3', name: 'Ana Three', title: 'Technician', unit: 'field service', manager: 'AP-2', tz: 'America/Sao_Paulo', locale: 'pt-BR' },
        { id: 'AP-2', name: 'Ben Two', title: 'Supervisor', unit: 'Field Service', manager: 'AP-1' },
        { id: 'AP-1', name: 'Cleo One', title: 'Director', unit: 'ap-hq' },
      ]),
    );
    expect(st.summary).toEqual({ created: 3, updated: 0, unchanged: 0, newUnits: ['field service'] });
    const { final, seen } = await apply(st.id);
    expectSteadyProgress(seen);
    expect(final.appliedAt).not.toBeNull();
    expect(final.summary).toEqual(st.summary);
    expect(await peopleCount()).toBe(before + 3);

    const rows = await byEmployeeId('AP-1', 'AP-2', 'AP-3');
    const units = await s.db.select().from(businessUnits).where(eq(businessUnits.code, 'FIELD-SERVICE'));
    expect(units).toHaveLength(1);
    expect(rows.get('AP-3')).toMatchObject({ name: 'Ana Three', email: 'ap-3@import.example', jobTitle: 'Technician', managerId: rows.get('AP-2')!.id, businessUnitId: units[0]!.id, timeZone: 'America/Sao_Paulo', locale: 'pt-BR', active: true });
    expect(rows.get('AP-2')).toMatchObject({ managerId: rows.get('AP-1')!.id, businessUnitId: units[0]!.id, timeZone: 'Europe/Paris', locale: 'en' });
    expect(rows.get('AP-1')).toMatchObject({ managerId: null, businessUnitId: field.id });

    // The directory shows the new line of management.
    const detail = await c.get(`/api/v1/people/${rows.get('AP-3')!.id}`);
    expect(detail.body.managerChain.map((m: { name: string }) => m.name)).toEqual(['Cleo One', 'Ben Two']);

    // Audited: one entry per person, and one for the import.
    const audits = await s.db.select().from(auditLog).where(inArray(auditLog.entityId, [...[...rows.values()].map((r) => r.id), st.id]));
    expect(audits.filter((a) => a.entity === 'person' && a.action === 'create')).toHaveLength(3);
    expect(audits.filter((a) => a.entity === 'people-import').map((a) => a.action).sort()).toEqual(['apply', 'preview']);
    expect(audits.every((a) => a.actorId === admin.id)).toBe(true);

    const twice = await c.post(`/api/v1/people-imports/${st.id}/apply`);
    expect(twice.status).toBe(409);
  });

  it('importing the same file again changes nothing: every row is unchanged', async () => {
    const csv = csvOf([
      { id: 'RE-1', name: 'Rita Root', unit: 'Research', title: 'Head' },
      { id: 'RE-2', name: 'Remy Report', unit: 'Research', manager: 'RE-1', tz: 'Asia/Kolkata' },
      { id: 'RE-3', name: 'Rosa Report', manager: 'RE-1', locale: 'fr-CA' },
    ]);
    await apply((await preview(csv)).id);
    const before = await directory();
    const [auditsBefore] = await s.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'person'));

    const second = await preview(csv);
    expect(second.status).toBe('previewed');
    expect(second.summary).toEqual({ created: 0, updated: 0, unchanged: 3, newUnits: [] });
    const { final } = await apply(second.id);
    expect(final.summary).toEqual({ created: 0, updated: 0, unchanged: 3, newUnits: [] });
    expect(await directory()).toEqual(before);
    const [auditsAfter] = await s.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'person'));
    expect(auditsAfter!.n).toBe(auditsBefore!.n);
  });

  it('a changed file updates titles, managers and units, and counts each kind of change', async () => {
    const base: Row[] = [
      { id: 'CH-1', name: 'Carla Chief', title: 'Chief' },
      { id: 'CH-2', name: 'Dan Deputy', title: 'Deputy', manager: 'CH-1' },
      { id: 'CH-3', name: 'Eve Expert', title: 'Expert', manager: 'CH-2' },
      { id: 'CH-4', name: 'Finn Fellow', title: 'Fellow', manager: 'CH-2', unit: 'Labs' },
    ];
    await apply((await preview(csvOf(base))).id);
    const ids = new Map(await Promise.all(base.map(async (r) => [r.id, await idOf(r.id)] as const)));

    const changed: Row[] = [
      base[0]!,
      { ...base[1]!, title: 'Vice chief' }, // new title
      { ...base[2]!, manager: 'CH-1' }, // new manager
      { ...base[3]!, unit: 'Platform' }, // new (and new) unit
      { id: 'CH-5', name: 'Gus Graduate', manager: 'CH-3' }, // new person under someone already there
    ];
    const st = await preview(csvOf(changed));
    expect(st.summary).toEqual({ created: 1, updated: 3, unchanged: 1, newUnits: ['Platform'] });
    await apply(st.id);

    const rows = await byEmployeeId('CH-1', 'CH-2', 'CH-3', 'CH-4', 'CH-5');
    expect(rows.get('CH-2')).toMatchObject({ id: ids.get('CH-2'), jobTitle: 'Vice chief', managerId: ids.get('CH-1') });
    expect(rows.get('CH-3')).toMatchObject({ id: ids.get('CH-3'), jobTitle: 'Expert', managerId: ids.get('CH-1') });
    const [platform] = await s.db.select().from(businessUnits).where(eq(businessUnits.code, 'PLATFORM'));
    expect(rows.get('CH-4')).toMatchObject({ id: ids.get('CH-4'), businessUnitId: platform!.id, managerId: ids.get('CH-2') });
    expect(rows.get('CH-5')).toMatchObject({ managerId: ids.get('CH-3') });

    const [audit] = await s.db.select().from(auditLog).where(and(eq(auditLog.entityId, ids.get('CH-3')!), eq(auditLog.action, 'update')));
    expect(audit!.before).toMatchObject({ manager: 'CH-2', jobTitle: 'Expert' });
    expect(audit!.after).toMatchObject({ manager: 'CH-1', jobTitle: 'Expert' });
    const updates = await s.db.select().from(auditLog).where(and(inArray(auditLog.entityId, [...ids.values()]), eq(auditLog.action, 'update')));
    expect(updates).toHaveLength(3);
  });

  it('a person removed from under a manager in the file loses that manager', async () => {
    await apply((await preview(csvOf([{ id: 'RM-1' }, { id: 'RM-2', manager: 'RM-1' }]))).id);
    const st = await preview(csvOf([{ id: 'RM-1' }, { id: 'RM-2' }]));
    expect(st.summary).toMatchObject({ updated: 1, unchanged: 1 });
    await apply(st.id);
    expect((await byEmployeeId('RM-2')).get('RM-2')!.managerId).toBeNull();
  });

  it('a file that no longer applies cleanly fails as a whole, with its row numbers, and nothing is applied', async () => {
    const st = await preview(csvOf([{ id: 'LATE-1' }, { id: 'LATE-2', email: 'late.two@import.example', manager: 'LATE-1' }]));
    expect(st.status).toBe('previewed');
    // Between preview and apply, someone else gets LATE-2's address.
    await createPerson(s.db, { employeeId: 'LATE-OTHER', email: 'late.two@import.example' });
    const before = await directory();
    const started = await c.post(`/api/v1/people-imports/${st.id}/apply`);
    expect(started.status).toBe(202);
    let status: ImportStatus = started.body;
    for (let i = 0; i < 500 && status.status === 'applying'; i++) {
      await sleep(20);
      status = (await c.get(`/api/v1/people-imports/${st.id}`)).body;
    }
    expect(status.status).toBe('failed');
    expect(status.errors).toEqual([{ row: 3, field: 'email', message: expect.stringMatching(/LATE-OTHER/) }]);
    expect(await directory()).toEqual(before);
    expect((await c.post(`/api/v1/people-imports/${st.id}/apply`)).status).toBe(409);
  });

  it('a manager may be someone already in Stride who is not in the file', async () => {
    const boss = await createPerson(s.db, { employeeId: 'EX-BOSS', name: 'Existing Boss' });
    await apply((await preview(csvOf([{ id: 'EX-1', manager: 'EX-BOSS' }]))).id);
    expect((await byEmployeeId('EX-1')).get('EX-1')!.managerId).toBe(boss.id);
  });
});

describe('broken files are rejected with their row numbers, and nothing changes', () => {
  beforeAll(async () => {
    await createPerson(s.db, { employeeId: 'BR-TAKEN', email: 'br-taken@import.example' });
    // Already in Stride: BR-TOP manages BR-LOW.
    const top = await createPerson(s.db, { employeeId: 'BR-TOP' });
    await createPerson(s.db, { employeeId: 'BR-LOW', managerId: top.id });
  });

  // Header is row 1, so the first person is row 2.
  const cases: [string, () => string, { row: number; field: string; message?: RegExp }[]][] = [
    ['a bad e-mail', () => csvOf([{ id: 'BR-1' }, { id: 'BR-2', email: 'not an email' }]), [{ row: 3, field: 'email', message: /not a valid e-mail/ }]],
    ['a missing e-mail and name', () => `${HEADER}\nBR-1,,,,,,,\n`, [{ row: 2, field: 'name' }, { row: 2, field: 'email' }]],
    ['an unknown manager', () => csvOf([{ id: 'BR-1' }, { id: 'BR-2' }, { id: 'BR-3', manager: 'NOBODY-42' }]), [{ row: 4, field: 'manager_employee_id', message: /NOBODY-42/ }]],
    ['a manager cycle A→B→A', () => csvOf([{ id: 'BR-A', manager: 'BR-B' }, { id: 'BR-B', manager: 'BR-A' }]), [{ row: 2, field: 'manager_employee_id', message: /loop/i }, { row: 3, field: 'manager_employee_id', message: /loop/i }]],
    ['a longer cycle A→B→C→A after a good row', () => csvOf([{ id: 'BR-OK' }, { id: 'BR-A', manager: 'BR-C' }, { id: 'BR-B', manager: 'BR-A' }, { id: 'BR-C', manager: 'BR-B' }]), [2, 3, 4].map((r) => ({ row: r + 1, field: 'manager_employee_id' }))],
    ['a cycle through people already in Stride', () => csvOf([{ id: 'BR-TOP', manager: 'BR-LOW' }]), [{ row: 2, field: 'manager_employee_id', message: /loop/i }]],
    ['a person as their own manager', () => csvOf([{ id: 'BR-1', manager: 'BR-1' }]), [{ row: 2, field: 'manager_employee_id' }]],
    ['a duplicate employee id', () => csvOf([{ id: 'BR-1' }, { id: 'BR-2' }, { id: 'BR-1', email: 'other@import.example' }]), [{ row: 4, field: 'employee_id', message: /row 2/ }]],
    ['a duplicate e-mail, in another case', () => csvOf([{ id: 'BR-1', email: 'same@import.example' }, { id: 'BR-2', email: 'SAME@Import.example' }]), [{ row: 3, field: 'email', message: /row 2/ }]],
    ['an e-mail that belongs to someone else in Stride', () => csvOf([{ id: 'BR-1', email: 'BR-Taken@import.example' }]), [{ row: 2, field: 'email', message: /BR-TAKEN/ }]],
    ['a missing required column', () => 'employee_id,name,job_title\nBR-1,Bea,Clerk\n', [{ row: 1, field: 'header', message: /email/ }]],
    ['a bad time zone', () => csvOf([{ id: 'BR-1', tz: 'Europe/Atlantis' }]), [{ row: 2, field: 'time_zone', message: /Europe\/Atlantis/ }]],
    ['a bad locale', () => csvOf([{ id: 'BR-1', locale: 'english' }]), [{ row: 2, field: 'locale' }]],
    ['a header and no people', () => `${HEADER}\n`, [{ row: 2, field: 'file', message: /no people/ }]],
    ['a file that is not CSV', () => `${HEADER}\nBR-1,"unclosed,x@y.org\n`, [{ row: 2, field: 'file', message: /not a readable CSV/ }]],
  ];

  it.each(cases)('%s', async (_name, csv, expected) => {
    const before = await directory();
    const st = await preview(csv());
    expect(st.status).toBe('rejected');
    expect(st.errorCount).toBe(expected.length);
    expect(st.errors.map((e) => ({ row: e.row, field: e.field })).sort((a, b) => a.row - b.row || a.field.localeCompare(b.field))).toEqual(
      expected.map((e) => ({ row: e.row, field: e.field })).sort((a, b) => a.row - b.row || a.field.localeCompare(b.field)),
    );
    for (const e of expected) if (e.message) expect(st.errors.find((x) => x.row === e.row && x.field === e.field)!.message).toMatch(e.message);
    expect(await directory()).toEqual(before);

    const applied = await c.post(`/api/v1/people-imports/${st.id}/apply`);
    expect(applied.status).toBe(409);
    expect(applied.body.detail).toMatch(/rejected/);
    expect(await directory()).toEqual(before);
    expect((await c.get(`/api/v1/people-imports/${st.id}`)).body.status).toBe('rejected');
  });

  it('row numbers are spreadsheet rows: a cell with line breaks stays one row, a blank line counts', async () => {
    const csv =
      `${HEADER}\r\n` +
      'BR-ML-1,"Multi\r\nLine Name",not-an-email,"Title\r\nwith\r\nbreaks",,,,\r\n' +
      'BR-ML-2,Second,also-bad,,,,,\r\n' +
      '\r\n' +
      'BR-ML-3,Third,third@import.example,,,,Mars/Base,\r\n';
    const st = await preview(csv);
    expect(st.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'email'],
      [3, 'email'],
      [5, 'time_zone'],
    ]);
  });

  it('every error of a file is reported, sorted by row; the answer shows the first 500', async () => {
    const rows: Row[] = Array.from({ length: 600 }, (_, i) => ({ id: `BR-MANY-${i}`, email: `bad-${i}` }));
    rows.splice(1, 0, { id: 'BR-MANY-OK' });
    const st = await preview(csvOf(rows));
    expect(st.status).toBe('rejected');
    expect(st.errorCount).toBe(600);
    expect(st.errors).toHaveLength(500);
    expect(st.errors[0]).toMatchObject({ row: 2, field: 'email' });
    expect(st.errors[1]).toMatchObject({ row: 4, field: 'email' });
    expect(st.errors.every((e, i) => i === 0 || e.row > st.errors[i - 1]!.row)).toBe(true);
  });

  it('an unknown or malformed import id is a 404 or a 400', async () => {
    expect((await c.post('/api/v1/people-imports/00000000-0000-4000-8000-000000000000/apply')).status).toBe(404);
    expect((await c.get('/api/v1/people-imports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await c.get('/api/v1/people-imports/42')).status).toBe(400);
  });
});

describe('file format', () => {
  it('quoted fields with commas and quotes, accented and non-Latin names, a BOM, CRLF and a loose header survive intact', async () => {
    const csv =
      '\uFEFFEmployee ID,Name,EMAIL,Job Title,business-unit,Manager Employee Id,Time Zone,Locale,Cost centre\r\n' +
      'UTF-1,"Żółć, Łukasz",lukasz.zolc@import.example,"Head of ""R&D"", EMEA","Ventas, España",,Europe/Warsaw,pl,CC-1\r\n' +
      'UTF-2,王芳,wang.fang@import.example,工程师,"Ventas, España",UTF-1,Asia/Shanghai,zh-CN,CC-2\r\n' +
      'UTF-3,José Ñúñez,jose.nunez@import.example,Analista,"VENTAS, ESPAÑA",UTF-1,America/Mexico_City,es-MX,CC-3\r\n' +
      'UTF-4,  Ærøskøbing Ødegård  ,  aero@import.example  ,,,UTF-2,,,\r\n';
    const st = await preview(csv, 'Export – März.csv');
    expect(st.status, JSON.stringify(st.errors)).toBe('previewed');
    expect(st.fileName).toBe('Export – März.csv');
    expect(st.summary).toEqual({ created: 4, updated: 0, unchanged: 0, newUnits: ['Ventas, España'] });
    await apply(st.id);

    const rows = await byEmployeeId('UTF-1', 'UTF-2', 'UTF-3', 'UTF-4');
    expect(rows.get('UTF-1')).toMatchObject({ name: 'Żółć, Łukasz', jobTitle: 'Head of "R&D", EMEA', timeZone: 'Europe/Warsaw', locale: 'pl', managerId: null });
    expect(rows.get('UTF-2')).toMatchObject({ name: '王芳', jobTitle: '工程师', timeZone: 'Asia/Shanghai', locale: 'zh-CN', managerId: rows.get('UTF-1')!.id });
    expect(rows.get('UTF-3')).toMatchObject({ name: 'José Ñúñez', email: 'jose.nunez@import.example', managerId: rows.get('UTF-1')!.id });
    expect(rows.get('UTF-4')).toMatchObject({ name: 'Ærøskøbing Ødegård', email: 'aero@import.example', timeZone: 'Europe/Paris', locale: 'en', managerId: rows.get('UTF-2')!.id });
    // "Ventas, España" and "VENTAS, ESPAÑA" are one unit, named as first written.
    const [unit] = await s.db.select().from(businessUnits).where(eq(businessUnits.id, rows.get('UTF-1')!.businessUnitId!));
    expect(unit).toMatchObject({ name: 'Ventas, España', code: 'VENTAS-ESPANA' });
    expect(rows.get('UTF-3')!.businessUnitId).toBe(unit!.id);

    const found = await c.get(`/api/v1/people?q=${encodeURIComponent('王芳')}`);
    expect(found.body.items.map((p: { name: string }) => p.name)).toEqual(['王芳']);
    const again = await preview(csv);
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 4 });
  });

  it('units with non-Latin or punctuation-only differences in their names stay distinct units', async () => {
    const st = await preview(
      csvOf([
        { id: 'UN-1', unit: '销售' },
        { id: 'UN-2', unit: '工程' },
        { id: 'UN-3', unit: 'R&D' },
        { id: 'UN-4', unit: 'R D' },
        { id: 'UN-5', unit: '工程' },
      ]),
    );
    expect(st.summary.newUnits).toEqual(['销售', '工程', 'R&D', 'R D']);
    await apply(st.id);
    const rows = await byEmployeeId('UN-1', 'UN-2', 'UN-3', 'UN-4', 'UN-5');
    const units = await s.db.select().from(businessUnits).where(inArray(businessUnits.id, [...rows.values()].map((r) => r.businessUnitId!)));
    const nameOf = (eid: string) => units.find((u) => u.id === rows.get(eid)!.businessUnitId)!.name;
    expect(['UN-1', 'UN-2', 'UN-3', 'UN-4', 'UN-5'].map(nameOf)).toEqual(['销售', '工程', 'R&D', 'R D', '工程']);
    expect(new Set(units.map((u) => u.code)).size).toBe(4);
    // Named the same way again, each unit is recognised: nothing changes.
    const again = await preview(csvOf([{ id: 'UN-1', unit: '销售' }, { id: 'UN-2', unit: '工程' }, { id: 'UN-3', unit: 'r&d' }, { id: 'UN-4', unit: 'R D' }]));
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 4, newUnits: [] });
  });

  it('an empty body is a 400 that says the file is empty', async () => {
    const res = await c.post('/api/v1/people-imports', { fileName: 'empty.csv', csv: '' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'csv', message: 'The file is empty.' }]);
    const blank = await preview('  \n\n  ');
    expect(blank.status).toBe('rejected');
    expect(blank.errors[0]).toMatchObject({ field: 'file', message: 'The file is empty.' });
  });

  it('a body over 25 MB is refused with 413 and a clear message, and stored nowhere', async () => {
    const [before] = await s.db.select({ n: count() }).from(peopleImports);
    const res = await c.post('/api/v1/people-imports', { fileName: 'huge.csv', csv: `${HEADER}\n${'x'.repeat(26 * 1024 * 1024)}` });
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(/too large/i);
    const [after] = await s.db.select({ n: count() }).from(peopleImports);
    expect(after!.n).toBe(before!.n);
  });

  it('more than 200,000 people in one file is rejected with a message to split it', async () => {
    const csv = `employee_id,name,email\n${'a,b,c\n'.repeat(200_001)}`;
    const st = await preview(csv);
    expect(st.status).toBe('rejected');
    expect(st.errors).toEqual([{ row: 1, field: 'file', message: expect.stringMatching(/At most 200,000 people per file; split it/) }]);
  });

  it('offers a template with the columns it reads', async () => {
    const res = await c.get('/api/v1/people-imports/template.csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text.split('\n')[0]).toBe(HEADER);
    // The template's sample row itself previews cleanly.
    expect((await preview(res.text)).status).toBe('previewed');
  });
});

describe('only an admin imports', () => {
  it('a coordinator or a learner gets 403, anonymous 401, and nothing is stored', async () => {
    const coordinator = await createPerson(s.db, { roles: ['coordinator'] });
    const learner = await createPerson(s.db);
    const st = await preview(csvOf([{ id: 'PERM-1' }]));
    const [before] = await s.db.select({ n: count() }).from(peopleImports);
    for (const person of [coordinator, learner]) {
      const other = await s.signInAs(person);
      const tries: TestResponse[] = [
        await other.post('/api/v1/people-imports', { fileName: 'x.csv', csv: csvOf([{ id: 'PERM-2' }]) }),
        await other.post(`/api/v1/people-imports/${st.id}/apply`),
        await other.get(`/api/v1/people-imports/${st.id}`),
        await other.get('/api/v1/people-imports/template.csv'),
      ];
      expect(tries.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    }
    expect((await s.client().post('/api/v1/people-imports', { fileName: 'x.csv', csv: 'a' })).status).toBe(401);
    const [after] = await s.db.select({ n: count() }).from(peopleImports);
    expect(after!.n).toBe(before!.n);
    expect((await c.get(`/api/v1/people-imports/${st.id}`)).body.status).toBe('previewed');
    expect(await s.db.select().from(people).where(like(people.employeeId, 'PERM-%'))).toEqual([]);
  });
});

describe('a large file', () => {
  // 1 + 9 + 90 + 900 + 9,000 = 10,000 people on five levels; every manager comes after their reports.
  function organization(titleOf: (i: number) => string = () => 'Staff'): Row[] {
    const levels = [1, 9, 90, 900, 9000];
    const rows: Row[] = [];
    let first = 0;
    levels.forEach((size, level) => {
      const parentFirst = level === 0 ? 0 : first - levels[level - 1]!;
      for (let k = 0; k < size; k++) {
        const i = first + k;
        const manager = level === 0 ? undefined : `BIG-${parentFirst + Math.floor(k / (size / levels[level - 1]!))}`;
        rows.push({ id: `BIG-${i}`, name: `Big Person ${i}`, title: titleOf(i), unit: `Division ${i % 7}`, manager });
      }
      first += size;
    });
    return rows.reverse();
  }

  it(
    'PI 10,000 people on five levels preview and apply, with steady progress',
    async () => {
      const before = await peopleCount();
      const rows = organization();
      const st = await preview(csvOf(rows), 'big.csv');
      expect(st.status, JSON.stringify(st.errors.slice(0, 3))).toBe('previewed');
      expect(st.totalRows).toBe(10_000);
      expect(st.summary.created).toBe(10_000);
      expect(st.summary.newUnits).toHaveLength(7);
      // A fresh sign-in: the embedded engine has one connection, held by the import's
      // transaction, and a poll answers from memory only while the session is cached.
      c = await s.signInAs(admin);
      const { seen } = await apply(st.id, 100_000);
      // The server keeps answering while it applies: the first poll after the 202 finds it at work.
      expect(seen[1]!.status).toBe('applying');
      expectSteadyProgress(seen);
      expect(await peopleCount()).toBe(before + 10_000);

      // The deepest person has four managers above them, ending at the top.
      const deepest = await idOf('BIG-9999');
      const detail = await c.get(`/api/v1/people/${deepest}`);
      expect(detail.body.managerChain.map((m: { name: string }) => m.name)).toEqual(['Big Person 0', 'Big Person 9', 'Big Person 99', 'Big Person 999']);
      const [withoutManager] = await s.db.select({ n: count() }).from(people).where(and(like(people.employeeId, 'BIG-%'), isNull(people.managerId)));
      expect(withoutManager!.n).toBe(1);
      const top = await c.get(`/api/v1/org-chart?rootId=${await idOf('BIG-0')}`);
      expect(top.body.reports).toHaveLength(9);
      expect(top.body.reports.every((r: { reportCount: number }) => r.reportCount === 10)).toBe(true);

      // A second export where one in ten has a new title: progress still only moves forward.
      const changed = await preview(csvOf(organization((i) => (i % 10 === 0 ? 'Promoted' : 'Staff'))), 'big-2.csv');
      expect(changed.summary).toEqual({ created: 0, updated: 1000, unchanged: 9000, newUnits: [] });
      c = await s.signInAs(admin);
      const second = await apply(changed.id, 100_000);
      expectSteadyProgress(second.seen);
      const [promoted] = await s.db.select({ n: count() }).from(people).where(and(like(people.employeeId, 'BIG-%'), eq(people.jobTitle, 'Promoted')));
      expect(promoted!.n).toBe(1000);
      expect(await peopleCount()).toBe(before + 10_000);
    },
    120_000,
  );
});

describe('a blank time zone or locale keeps what the person has', () => {
  it('re-importing without those values leaves a hand-set time zone and locale alone', async () => {
    const first = await preview(csvOf([{ id: 'TZ1', tz: 'Asia/Tokyo', locale: 'ja' }]));
    expect((await apply(first.id)).final.status).toBe('applied');
    const again = await preview(csvOf([{ id: 'TZ1' }]));
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect((await apply(again.id)).final.status).toBe('applied');
    const [row] = await s.db.select({ timeZone: people.timeZone, locale: people.locale }).from(people).where(eq(people.employeeId, 'TZ1'));
    expect(row).toEqual({ timeZone: 'Asia/Tokyo', locale: 'ja' });
  });
});
