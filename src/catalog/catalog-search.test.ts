import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import type { TestClient } from '../../tests/support/test-client';
import { courseBody, sessionBody } from '../../tests/support/catalog-factories';

let s: TestStride;
let coordinatorPerson: TestPerson;
let coordinator: TestClient;
let learner: TestClient;
let careUnit: string;
let fieldUnit: string;
const ids: Record<string, string> = {};
const codes: Record<string, string> = {};

const DAY = 86_400_000;
const now = new Date('2026-06-01T12:00:00Z');
const inDays = (n: number) => new Date(now.getTime() + n * DAY);

async function course(name: string, overrides: Record<string, unknown>, sessionsInDays: number[] = [], publish = true): Promise<void> {
  const created = await coordinator.post('/api/v1/courses', courseBody(coordinatorPerson.id, overrides));
  expect(created.status, created.text).toBe(201);
  ids[name] = created.body.id;
  codes[name] = created.body.code;
  if (publish) expect((await coordinator.post(`/api/v1/courses/${created.body.id}/publish`, { revision: 1 })).status).toBe(200);
  for (const days of sessionsInDays) {
    const online = overrides.format === 'virtual' ? { place: null, joinUrl: 'https://meet.example.com/room' } : {};
    const res = await coordinator.post(`/api/v1/courses/${created.body.id}/sessions`, sessionBody(inDays(days - 7), online));
    expect(res.status, res.text).toBe(201);
  }
}

async function search(query: Record<string, string>, client = learner) {
  const res = await client.get(`/api/v1/courses?${new URLSearchParams(query).toString()}`);
  expect(res.status, res.text).toBe(200);
  return res.body as { items: { id: string; title: string; contact: { name: string; email: string }; nextSession: { startsAt: string } | null }[]; total: number; languages: string[] };
}
const found = (body: { items: { id: string }[] }) => body.items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0] ?? i.id);

beforeAll(async () => {
  s = await createTestStride();
  careUnit = (await createBusinessUnit(s.db, { name: 'Customer Care' })).id;
  fieldUnit = (await createBusinessUnit(s.db, { name: 'Field Operations' })).id;
  coordinatorPerson = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  coordinator = await s.signInAs(coordinatorPerson);
  learner = await s.signInAs(await createPerson(s.db, { name: 'Lena Learner', businessUnitId: fieldUnit }));
  s.clock.set(now);
  const safety = await coordinator.post('/api/v1/interests', { name: 'Safety' });
  const service = await coordinator.post('/api/v1/interests', { name: 'Customer service' });

  await course('complaints', {
    title: 'Handling Customer Complaints',
    summary: 'Resolve what went wrong for the customer.',
    description: 'Practise the escalation ladder with real cases from the call centre.',
    interestIds: [service.body.id],
    audienceBusinessUnitIds: [careUnit],
  }, [20]);
  await course('isolation', {
    title: 'Safe Isolation of Electrical Equipment',
    summary: 'Lock out, tag out, test before touch.',
    description: 'Isolation procedures for field crews working on substations.',
    audience: 'Field technicians.',
    objectives: [{ text: 'Given a work order, isolate and lock out the equipment following procedure LOTO-4.' }],
    interestIds: [safety.body.id],
    audienceBusinessUnitIds: [fieldUnit],
  }, [21, 40]);
  await course('pivots', {
    title: 'Excel Pivot Tables for Month-End',
    summary: 'Summarise ledgers in minutes.',
    description: 'Build pivot tables from the general ledger export.',
    audience: 'Analysts in every unit.',
    objectives: [{ text: 'Given the ledger export, build a pivot table of spend by cost centre.' }],
    format: 'virtual',
    languages: ['en', 'pt'],
  }, [7]);
  await course('phishing', {
    title: 'Spotting Phishing E-mails',
    summary: 'Twenty minutes that protect the company.',
    description: 'Recognise a phishing message and report it; a customer may be impersonated.',
    audience: 'Everyone.',
    objectives: [{ text: 'Given five e-mails, identify the two phishing attempts and report them.' }],
    format: 'e-learning',
  });
  await course('letters', {
    title: 'Business Letters',
    summary: 'Letters that get answered.',
    description: 'How to answer a complaint in writing, for back-office staff.',
    audience: 'Back-office staff.',
    objectives: [{ text: 'Write a letter that answers one question per paragraph.' }],
  });
  await course('draft', { title: 'Draft Complaint Clinic', description: 'Not ready yet.' }, [], false);
});
afterAll(() => s.close());

describe('CA-1 catalog search: PostgreSQL text search with filters', () => {
  it('CA-1 finds a course by a word of its description, and only published courses', async () => {
    expect(found(await search({ q: 'escalation' }))).toEqual(['complaints']);
    expect(found(await search({ q: 'substations' }))).toEqual(['isolation']);
    expect(found(await search({ q: 'clinic' }))).toEqual([]);
  });

  it('CA-1 stems words: "complaints" finds "complaint", and the title match ranks first', async () => {
    expect(found(await search({ q: 'complaints' }))).toEqual(['complaints', 'letters']);
    expect(found(await search({ q: 'complaint' }))).toEqual(['complaints', 'letters']);
    // A title (weight A) outranks a description (weight C).
    expect(found(await search({ q: 'customer' }))[0]).toBe('complaints');
    expect(found(await search({ q: 'customer' }))).toContain('phishing');
  });

  it('CA-1 finds partial words and quoted codes; a search of stop words or symbols finds nothing and breaks nothing', async () => {
    expect(found(await search({ q: 'pivo' }))).toEqual(['pivots']);
    expect(found(await search({ q: 'Phish' }))).toEqual(['phishing']);
    expect(found(await search({ q: 'month-end pivot' }))).toEqual(['pivots']);
    expect(found(await search({ q: '"lock out" -substations' }))).toEqual([]);
    expect(found(await search({ q: codes.pivots!.toLowerCase() }))).toEqual(['pivots']);
    expect((await search({ q: 'the' })).items).toEqual([]);
    expect((await search({ q: '!!! & | :* \' %_' })).items).toEqual([]);
  });

  it('CA-1 filters by format, language, interest, business unit and upcoming dates', async () => {
    expect(found(await search({ format: 'virtual' }))).toEqual(['pivots']);
    expect(found(await search({ format: 'e-learning' }))).toEqual(['phishing']);
    expect(found(await search({ language: 'pt' }))).toEqual(['pivots']);
    expect(found(await search({ interest: 'safety' }))).toEqual(['isolation']);
    // Open to everyone or meant for the unit; a course for Customer Care only is left out.
    expect(found(await search({ businessUnitId: fieldUnit })).sort()).toEqual(['isolation', 'letters', 'phishing', 'pivots']);
    expect(found(await search({ from: inDays(15).toISOString(), to: inDays(30).toISOString() }))).toEqual(['complaints', 'isolation']);
    expect(found(await search({ from: inDays(30).toISOString() }))).toEqual(['isolation']);
    expect(found(await search({ q: 'isolation', format: 'classroom', interest: 'safety', businessUnitId: fieldUnit }))).toEqual(['isolation']);
  });

  it('CA-1 lists courses by their next session, pages with a total, and names the contact on every item (CA-7)', async () => {
    const all = await search({});
    expect(found(all)).toEqual(['pivots', 'complaints', 'isolation', 'letters', 'phishing']);
    expect(all.total).toBe(5);
    expect(all.languages).toEqual(['en', 'pt']);
    expect(all.items[0]!.nextSession!.startsAt).toBe('2026-06-08T13:00:00.000Z');
    expect(all.items.every((i) => i.contact.name === 'Cora Coordinator' && i.contact.email === coordinatorPerson.email)).toBe(true);
    const second = await search({ pageSize: '2', page: '2' });
    expect(found(second)).toEqual(['isolation', 'letters']);
    expect(second.total).toBe(5);
    const beyond = await search({ pageSize: '2', page: '9' });
    expect(beyond).toMatchObject({ items: [], total: 5 });
  });

  it('CA-1 drafts are the editors’: listed with status=draft for them, never for anyone else', async () => {
    expect(found(await search({ status: 'draft' }, coordinator))).toEqual(['draft']);
    expect((await search({ status: 'draft' })).items).toEqual([]);
    expect(found(await search({ q: 'clinic', status: 'draft' }, coordinator))).toEqual(['draft']);
  });

  it('CA-1 an edit is found by its new words at once', async () => {
    const current = await coordinator.get(`/api/v1/courses/${ids.letters}`);
    const edited = await coordinator.put(`/api/v1/courses/${ids.letters}`, {
      ...courseBody(coordinatorPerson.id, { title: 'Business Letters', description: 'Answering letters about meter reconciliation.' }),
      revision: current.body.revision,
    });
    expect(edited.status, edited.text).toBe(200);
    expect(found(await search({ q: 'reconciliation' }))).toEqual(['letters']);
  });
});
