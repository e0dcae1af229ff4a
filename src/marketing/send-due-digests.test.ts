import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { courseBody, sessionBody } from '../../tests/support/catalog-factories';
import { createBusinessUnit, createPerson, type TestPerson } from '../../tests/support/factories';
import { createSubscriber, issueUnsubscribeLink } from '../../tests/support/marketing-factories';
import { startSmtpSink, type SmtpSink } from '../../tests/support/smtp-sink';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import type { JobHandler, Jobs } from '../platform/jobs/jobs';
import { outbox } from '../platform/mail/schema';
import { startMailDelivery } from '../platform/mail/delivery-worker';
import { saveDigestPreferences } from './save-preferences';
import { DIGEST_CRON, DIGEST_JOB, registerMarketingJobs, sendDueDigests } from './send-due-digests';
import { digestSubscriptions, digestUnsubscribeTokens } from './schema';

// CA-6 the digest job: who is due, what they get, that nothing matching sends nothing, that a run
// repeated (or doubled) sends once, and the real message over SMTP with its RFC 8058 headers.

let stride: TestStride;
let editor: TestClient;
let coordinator: TestPerson;
const interests: Record<string, string> = {};
const PUBLIC_URL = 'https://stride.example';
const DAY = 86_400_000;

// Monday 23 November 2026, 07:00 UTC: the morning run.
const MONDAY = new Date('2026-11-23T07:00:00Z');

// Sessions last 7 days and these tests move the clock by weeks: the editor signs in again when it has moved on.
let signedInAt = 0;
async function asEditor(): Promise<TestClient> {
  if (Math.abs(stride.clock.now().getTime() - signedInAt) > DAY) {
    editor = await stride.signInAs(coordinator);
    signedInAt = stride.clock.now().getTime();
  }
  return editor;
}

async function course(title: string, interestNames: string[], overrides: Record<string, unknown> = {}): Promise<string> {
  const editor = await asEditor();
  const created = await editor.post('/api/v1/courses', courseBody(coordinator.id, { title, interestIds: interestNames.map((n) => interests[n]!), ...overrides }));
  if (created.status !== 201) throw new Error(`cannot create a course: ${created.status} ${created.text}`);
  const published = await editor.post(`/api/v1/courses/${created.body.id}/publish`, { revision: 1 });
  if (published.status !== 200) throw new Error(`cannot publish: ${published.status} ${published.text}`);
  return String(created.body.id);
}

async function session(courseId: string, inDays: number, overrides: Record<string, unknown> = {}): Promise<string> {
  const editor = await asEditor();
  const res = await editor.post(`/api/v1/courses/${courseId}/sessions`, sessionBody(new Date(stride.clock.now().getTime() + (inDays - 7) * DAY), overrides));
  if (res.status !== 201) throw new Error(`cannot schedule: ${res.status} ${res.text}`);
  return String(res.body.id);
}

const digestsTo = async (person: TestPerson) => stride.db.select().from(outbox).where(and(like(outbox.idempotencyKey, 'marketing-digest:%'), eq(outbox.toAddress, person.email)));
const subscriptionOf = async (person: TestPerson) => (await stride.db.select().from(digestSubscriptions).where(eq(digestSubscriptions.personId, person.id)))[0]!;
const run = () => sendDueDigests(stride.db, stride.clock, PUBLIC_URL);

beforeAll(async () => {
  stride = await createTestStride();
  stride.clock.set(new Date(MONDAY.getTime() - 30 * DAY));
  coordinator = await createPerson(stride.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  editor = await asEditor();
  for (const name of ['Safety', 'Finance', 'Grid', 'Writing', 'Nothing yet']) {
    const res = await editor.post('/api/v1/interests', { name });
    interests[name] = String(res.body.id);
  }
});
afterAll(async () => {
  await stride?.close();
});

describe('CA-6 the digest job', () => {
  it('mails the due subscribers the new courses and upcoming sessions that match, and nobody else', async () => {
    // Published a month ago: not new any more; its session a week from Monday is upcoming.
    const older = await course('Isolation and Lock-Out', ['Safety']);
    stride.clock.set(new Date(MONDAY.getTime() - 2 * DAY));
    const fresh = await course('Working Near Live Lines', ['Safety', 'Grid']);
    const budgets = await course('Budgeting for Supervisors', ['Finance']);
    await session(older, 9);
    await session(budgets, 9);
    await session(fresh, 30); // beyond a weekly digest's two weeks

    const ewa = await createSubscriber(stride.db, stride.clock, [interests.Safety!], { name: 'Ewa Kowalska' });
    const tomas = await createSubscriber(stride.db, stride.clock, [interests.Finance!], { name: 'Tomás Álvarez', frequency: 'monthly' });
    const never = await createPerson(stride.db, { name: 'Nina Neveropted' });
    const stopped = await createSubscriber(stride.db, stride.clock, [interests.Safety!], { name: 'Stan Stopped' });
    await saveDigestPreferences(stride.db, stride.clock, stopped.id, { subscribed: false, frequency: 'weekly', interestIds: [interests.Safety!] });

    stride.clock.set(MONDAY);
    const result = await run();
    expect(result).toMatchObject({ sent: 2, more: false });
    expect(await digestsTo(never)).toEqual([]);
    expect(await digestsTo(stopped)).toEqual([]);

    const [mail] = await digestsTo(ewa);
    expect(mail).toBeDefined();
    expect(mail!.idempotencyKey).toBe(`marketing-digest:${ewa.id}:2026-W48`);
    expect(mail!.subject).toBe('Your weekly course digest: 1 new course and 1 upcoming session');
    expect(mail!.textBody).toContain('New in the catalog\n- ');
    expect(mail!.textBody).toContain('Working Near Live Lines');
    expect(mail!.textBody).toContain('Upcoming sessions with seats left\n- ');
    expect(mail!.textBody).toContain('Isolation and Lock-Out');
    expect(mail!.textBody).toContain('12 seats left');
    expect(mail!.textBody).not.toContain('Budgeting');
    expect(mail!.textBody).toContain('learning@test.example'); // the unit's contact details (CA-7)
    expect(mail!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(mail!.headers['List-Unsubscribe']).toMatch(/^<https:\/\/stride\.example\/api\/v1\/unsubscribe\/[A-Za-z0-9_-]{43}>, <mailto:learning@test\.example\?subject=unsubscribe>$/);

    const [monthly] = await digestsTo(tomas);
    expect(monthly!.idempotencyKey).toBe(`marketing-digest:${tomas.id}:2026-11`);
    expect(monthly!.textBody).toContain('Budgeting for Supervisors');
    expect(monthly!.textBody).not.toContain('Live Lines');

    expect(await subscriptionOf(ewa)).toMatchObject({ nextDueOn: '2026-11-30', lastPeriod: '2026-W48', lastSentAt: MONDAY, lastDigestAt: MONDAY });
    expect(await subscriptionOf(tomas)).toMatchObject({ nextDueOn: '2026-12-01', lastPeriod: '2026-11' });
  });

  it('sends nothing when nothing matches, and does not try again until the next period', async () => {
    const quiet = await createSubscriber(stride.db, stride.clock, [interests['Nothing yet']!], { name: 'Quinn Quiet' });
    const result = await run();
    expect(result).toMatchObject({ considered: 1, sent: 0, nothingToSend: 1 });
    expect(await digestsTo(quiet)).toEqual([]);
    expect(await subscriptionOf(quiet)).toMatchObject({ nextDueOn: '2026-11-30', lastSentAt: null, lastDigestAt: MONDAY });
  });

  it('sends once when run twice in a period, also when two runs overlap', async () => {
    const twice = await createSubscriber(stride.db, stride.clock, [interests.Safety!], { name: 'Tia Twice' });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.sent + b.sent).toBe(1);
    expect(await run()).toMatchObject({ considered: 0, sent: 0 });
    // The next morning nobody is due either; a week on, the weekly digest is.
    stride.clock.set(new Date(MONDAY.getTime() + DAY));
    expect((await run()).considered).toBe(0);
    expect(await digestsTo(twice)).toHaveLength(1);
    // Even a subscriber pushed back to "due" in the same period gets no second message: the key is the period's.
    await stride.db.update(digestSubscriptions).set({ nextDueOn: '2026-11-24' }).where(eq(digestSubscriptions.personId, twice.id));
    await run();
    expect(await digestsTo(twice)).toHaveLength(1);
    stride.clock.set(MONDAY);
  });

  it('weekly comes back after 7 days with only what is new since; monthly waits for the next calendar month', async () => {
    const weekly = await createSubscriber(stride.db, stride.clock, [interests.Writing!], { name: 'Wes Weekly' });
    const monthly = await createSubscriber(stride.db, stride.clock, [interests.Writing!], { name: 'Mo Monthly', frequency: 'monthly' });
    const first = await course('Plain Language Letters', ['Writing']);
    await session(first, 10);
    await run();
    expect(await digestsTo(weekly)).toHaveLength(1);
    expect(await digestsTo(monthly)).toHaveLength(1);

    stride.clock.set(new Date(MONDAY.getTime() + 3 * DAY));
    await course('Writing for the Web', ['Writing']);
    for (const day of [4, 5, 6]) {
      stride.clock.set(new Date(MONDAY.getTime() + day * DAY + 3_600_000));
      await run();
    }
    expect(await digestsTo(weekly)).toHaveLength(1);

    stride.clock.set(new Date(MONDAY.getTime() + 7 * DAY));
    await run();
    const weeklyMails = await digestsTo(weekly);
    expect(weeklyMails).toHaveLength(2);
    const second = weeklyMails.find((m) => m.idempotencyKey.endsWith('2026-W49'))!;
    expect(second.textBody).toContain('Writing for the Web');
    expect(second.textBody.split('New in the catalog')[1]?.split('Upcoming')[0]).not.toContain('Plain Language Letters');
    expect(await digestsTo(monthly)).toHaveLength(1);

    stride.clock.set(new Date('2026-12-01T07:00:00Z'));
    await run();
    const monthlyMails = await digestsTo(monthly);
    expect(monthlyMails.map((m) => m.idempotencyKey.split(':')[2]).sort()).toEqual(['2026-11', '2026-12']);
    stride.clock.set(MONDAY);
  });

  it('leaves out full sessions, sessions whose enrolment has closed, courses for other business units and courses one is enrolled on', async () => {
    const [grid, field] = [await createBusinessUnit(stride.db, { name: 'Grid Engineering' }), await createBusinessUnit(stride.db, { name: 'Field Service' })];
    const reader = await createSubscriber(stride.db, stride.clock, [interests.Grid!], { name: 'Gail Grid', businessUnitId: grid.id });
    stride.clock.set(new Date(MONDAY.getTime() - DAY)); // Sunday
    const otherUnit = await course('Meter Reading Routes', ['Grid'], { audienceBusinessUnitIds: [field.id] });
    await session(otherUnit, 8);
    const ownUnit = await course('Protection Relays', ['Grid'], { audienceBusinessUnitIds: [grid.id] });
    await session(ownUnit, 8);
    const full = await course('Cable Jointing', ['Grid']);
    const fullSession = await session(full, 8, { capacity: 1, approvalMode: 'none' });
    const closed = await course('Transformer Basics', ['Grid']);
    await session(closed, 8, { enrolmentDeadline: '2026-11-22T20:00' }); // New York: before Monday 07:00 UTC
    const mine = await course('Switching Orders', ['Grid']);
    const mySession = await session(mine, 9, { approvalMode: 'none' });
    const taker = await stride.signInAs(await createPerson(stride.db, { name: 'Tara Taker' }));
    expect((await taker.post(`/api/v1/course-sessions/${fullSession}/enrolments`, {})).status).toBe(201);
    const readerClient = await stride.signInAs(reader);
    expect((await readerClient.post(`/api/v1/course-sessions/${mySession}/enrolments`, {})).status).toBe(201);
    stride.clock.set(MONDAY);

    await run();
    const [mail] = await digestsTo(reader);
    const [news, upcoming] = mail!.textBody.split('Upcoming sessions with seats left');
    expect(news).toContain('Protection Relays');
    expect(news).not.toContain('Meter Reading Routes');
    expect(upcoming).toContain('Protection Relays');
    for (const left of ['Meter Reading Routes', 'Cable Jointing', 'Transformer Basics']) expect(upcoming).not.toContain(left);
    expect(mail!.textBody).not.toContain('Switching Orders');
  });

  it('takes subscribers in batches, and says when a run stopped short', async () => {
    const many = await Promise.all(Array.from({ length: 5 }, (_, i) => createSubscriber(stride.db, stride.clock, [interests.Safety!], { name: `Bea Batch ${i}` })));
    const partial = await sendDueDigests(stride.db, stride.clock, PUBLIC_URL, { batchSize: 2, maxBatches: 2 });
    expect(partial).toMatchObject({ considered: 4, sent: 4, more: true });
    const rest = await sendDueDigests(stride.db, stride.clock, PUBLIC_URL, { batchSize: 2, maxBatches: 2 });
    expect(rest).toMatchObject({ considered: 1, sent: 1, more: false });
    for (const person of many) expect(await digestsTo(person)).toHaveLength(1);
  });

  it('sends nothing more after someone unsubscribes by a link', async () => {
    const leaver = await createSubscriber(stride.db, stride.clock, [interests.Safety!], { name: 'Lee Leaver' });
    await run();
    const [first] = await digestsTo(leaver);
    const token = first!.headers['List-Unsubscribe']!.match(/unsubscribe\/([A-Za-z0-9_-]{43})>/)![1]!;
    const res = await stride.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(res.statusCode).toBe(200);
    stride.clock.set(new Date(MONDAY.getTime() + 35 * DAY));
    await run();
    expect(await digestsTo(leaver)).toHaveLength(1);
    stride.clock.set(MONDAY);
  });

  it('runs every morning at 07:00 UTC as a scheduled job, and queues its continuation when it stops short', async () => {
    const handlers = new Map<string, JobHandler<unknown>>();
    const schedules: [string, string][] = [];
    const sent: string[] = [];
    const jobs = {
      work: async (name: string, handler: JobHandler<unknown>) => void handlers.set(name, handler),
      schedule: async (name: string, cron: string) => void schedules.push([name, cron]),
      send: async (name: string) => {
        sent.push(name);
        return 'job';
      },
    } as unknown as Jobs;
    await registerMarketingJobs(jobs, stride.db, stride.clock, PUBLIC_URL);
    expect(schedules).toEqual([[DIGEST_JOB, '0 7 * * *']]);
    expect(DIGEST_CRON).toBe('0 7 * * *');
    const late = await createSubscriber(stride.db, stride.clock, [interests.Safety!], { name: 'Jo Job' });
    await handlers.get(DIGEST_JOB)!({});
    await handlers.get(DIGEST_JOB)!({});
    expect(await digestsTo(late)).toHaveLength(1);
    expect(sent).toEqual([]);
  });
});

describe('CA-6 the digest over SMTP', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await sink?.close();
  });

  it('arrives with both List-Unsubscribe headers, and the one-click address in it stops the digest', async () => {
    stride.clock.set(new Date(MONDAY.getTime() + 14 * DAY));
    await course('Emergency Response Drills', ['Safety']);
    const reader = await createSubscriber(stride.db, stride.clock, [interests.Safety!], { name: 'Sam Smtp' });
    stride.clock.set(new Date(MONDAY.getTime() + 15 * DAY));
    await run();
    const worker = startMailDelivery({ database: stride.database, smtpUrl: sink.url, from: '"Test Learning Unit" <learning@test.example>', logger: { info() {}, warn() {}, error() {} }, pollMs: 60_000 });
    try {
      const deadline = Date.now() + 20_000;
      while (!sink.messages.some((m) => m.envelopeTo.includes(reader.email))) {
        if (Date.now() > deadline) throw new Error('the digest did not arrive');
        await worker.drain();
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await worker.stop();
    }
    const got = sink.messages.find((m) => m.envelopeTo.includes(reader.email))!;
    expect(got.subject).toMatch(/^Your weekly course digest: /);
    expect(got.text).toContain('Emergency Response Drills');
    expect(got.text).toContain('learning@test.example');
    const header = got.parsed.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r?\n[ \t]+/g, ' ');
    const post = got.parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')!.line;
    expect(post).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const [, oneClick, mailto] = header.match(/^List-Unsubscribe: <([^>]+)>, <([^>]+)>$/) ?? [];
    expect(oneClick).toMatch(/^https:\/\/stride\.example\/api\/v1\/unsubscribe\/[A-Za-z0-9_-]{43}$/);
    expect(mailto).toBe('mailto:learning@test.example?subject=unsubscribe');
    // The HTML part links to the confirm page with the same token.
    const token = oneClick!.split('/').pop()!;
    expect(got.html).toContain(`https://stride.example/unsubscribe/${token}`);

    // A mail client acting on the header: form-encoded, no cookies, no CSRF token.
    const res = await stride.app.inject({ method: 'POST', url: new URL(oneClick!).pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(res.statusCode).toBe(200);
    expect(await subscriptionOf(reader)).toMatchObject({ subscribed: false });
    const [used] = await stride.db.select().from(digestUnsubscribeTokens).where(eq(digestUnsubscribeTokens.personId, reader.id));
    expect(used!.usedAt).toEqual(stride.clock.now());
    stride.clock.set(MONDAY);
  });
});

// Keeps a helper the access table uses honest: a link issued by hand stops the same digest.
describe('CA-6 test links', () => {
  it('a hand-issued link stops its subscriber', async () => {
    const person = await createSubscriber(stride.db, stride.clock, [interests.Safety!]);
    const token = await issueUnsubscribeLink(stride.db, stride.clock, person.id);
    const res = await stride.app.inject({ method: 'POST', url: `/api/v1/unsubscribe/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(res.statusCode).toBe(200);
  });
});
