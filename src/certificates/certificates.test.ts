import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import { TestClient } from '../../tests/support/test-client';
import { publishedCourse, scheduledSession } from '../../tests/support/enrolment-factories';
import { pdfPageTexts } from '../../tests/support/pdf-text';
import { qrCodeOnPdf } from '../../tests/support/pdf-qr';
import { seedDemoCharter } from '../charter/demo-charter';
import { listSubjectClocks } from '../service-levels/list-subject-clocks';
import { auditLog } from '../platform/audit/schema';
import { outbox } from '../platform/mail/schema';
import { enrolments } from '../enrolment/schema';
import { startSmtpSink } from '../../tests/support/smtp-sink';
import { startMailDelivery } from '../platform/mail/delivery-worker';
import { issuePendingCertificates } from './issue-certificates';
import { formatCertificateCode } from './certificate-code';
import { certificates } from './schema';

let s: TestStride;
type Who = 'zoe' | 'lukasz' | 'dimitris' | 'anna' | 'supervisor' | 'other' | 'coordinator' | 'consultant';
const p = {} as Record<Who, TestPerson>;
const c = {} as Record<Who, TestClient>;
const e = {} as Record<'zoe' | 'lukasz' | 'dimitris' | 'anna', string>;
const learners = ['zoe', 'lukasz', 'dimitris', 'anna'] as const;
const objectives = [
  'Given a customer complaint, restate the problem in the customer’s own words within the first minute.',
  'Write a reply that states what happens next and by when, in under 150 words.',
];
const deps = () => ({ db: s.db, clock: s.clock, publicUrl: 'http://stride.test' });
let courseCode: string;
let sessionId: string;
const certOf = async (enrolmentId: string) => (await s.db.select().from(certificates).where(eq(certificates.enrolmentId, enrolmentId)))[0]!;
const mailsFor = (enrolmentId: string) => s.db.select().from(outbox).where(eq(outbox.idempotencyKey, `certificate:${enrolmentId}`));

/** The raw bytes of a download: the test client reads bodies as text, which mangles a PDF. */
async function download(person: TestPerson, url: string) {
  const res = await s.client().post('/api/v1/session', { email: person.email, password: TEST_PASSWORD });
  const cookie = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []).map((x) => x.split(';')[0] ?? '').find((x) => x.startsWith('stride_session='));
  return s.app.inject({ method: 'GET', url, headers: { cookie: cookie ?? '' } });
}

beforeAll(async () => {
  s = await createTestStride();
  p.supervisor = await createPerson(s.db, { name: 'Sam Supervisor' });
  p.zoe = await createPerson(s.db, { name: 'Zoë Ðurić-Nuñez', managerId: p.supervisor.id });
  p.lukasz = await createPerson(s.db, { name: 'Łukasz Żółć' });
  p.dimitris = await createPerson(s.db, { name: 'Δημήτρης Παπαδόπουλος' });
  p.anna = await createPerson(s.db, { name: 'Анна Кузнецова' });
  p.other = await createPerson(s.db, { name: 'Olly Other' });
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.consultant = await createPerson(s.db, { name: 'Cyd Consultant', roles: ['consultant'] });
  for (const key of Object.keys(p) as Who[]) c[key] = await s.signInAs(p[key]);
  s.clock.set(new Date('2026-03-02T12:00:00Z'));
  await seedDemoCharter(s.db, s.clock, p.coordinator.id);
  const courseId = await publishedCourse(c.coordinator, p.coordinator.id, { followUpDays: 21 });
  courseCode = (await c.coordinator.get(`/api/v1/courses/${courseId}`)).body.code;
  // Monday 9 March 2026, 09:00–17:00 in New York; completed late that evening, already the 10th in UTC.
  sessionId = await scheduledSession(c.coordinator, courseId, s.clock.now(), { approvalMode: 'none', startsAt: '2026-03-09T09:00', endsAt: '2026-03-09T17:00' });
  for (const who of learners) {
    const res = await c[who].post(`/api/v1/course-sessions/${sessionId}/enrolments`, {});
    expect(res.status, res.text).toBe(201);
    e[who] = res.body.id;
  }
  s.clock.set(new Date('2026-03-10T03:30:00Z'));
  const marked = await c.coordinator.put(`/api/v1/course-sessions/${sessionId}/attendance`, { day: '2026-03-09', marks: learners.map((who) => ({ enrolmentId: e[who], present: true })) });
  expect(marked.status, marked.text).toBe(200);
  const done = await c.coordinator.post(`/api/v1/course-sessions/${sessionId}/complete`, {});
  expect(done.body.completed).toHaveLength(4);
  s.clock.set(new Date('2026-03-10T14:00:00Z'));
});
afterAll(() => s.close());

describe('AF-2 AF-3 issuing certificates', () => {
  it('AF-2 AF-3 completion → one certificate and one thank-you per learner with the PDF attached, the objectives and the support; the “certificate sent” clock is met; running again sends nothing', async () => {
    // Each completion is flagged for the job as it is written (migration 0021), and the job clears what it has looked at.
    const due = async () => (await s.db.select({ id: enrolments.id }).from(enrolments).where(eq(enrolments.certificateDue, true))).map((r) => r.id).sort();
    expect(await due()).toEqual(learners.map((w) => e[w]).sort());
    expect(await issuePendingCertificates(deps())).toBe(4);
    expect(await due()).toEqual([]);
    expect(await issuePendingCertificates(deps())).toBe(0);
    for (const who of learners) {
      const mails = await mailsFor(e[who]);
      expect(mails, who).toHaveLength(1);
      const [mail] = mails;
      expect(mail!.toAddress).toBe(p[who].email);
      expect(mail!.attachments).toHaveLength(1);
      expect(mail!.attachments[0]).toMatchObject({ contentType: 'application/pdf', encoding: 'base64' });
      expect(Buffer.from(mail!.attachments[0]!.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    }
    const zoe = await certOf(e.zoe);
    expect(zoe).toMatchObject({ learnerName: 'Zoë Ðurić-Nuñez', courseCode, courseTitle: 'Handling Customer Complaints', completedOn: '2026-03-09', durationMinutes: 420, objectives, revokedAt: null });
    expect(zoe.code).toMatch(/^[2-9A-Z]{12}$/);
    expect(new Set(await Promise.all(learners.map(async (w) => (await certOf(e[w])).code))).size).toBe(4);

    const text = (await mailsFor(e.zoe))[0]!.textBody;
    for (const o of objectives) expect(text).toContain(`- ${o}`);
    expect(text).toMatch(/practice session/);
    expect(text).toMatch(/job aid/);
    expect(text).toMatch(/coaching or mentoring/);
    expect(text).toContain('http://stride.test/questions/ask');
    expect(text).toContain('In 21 days you and your supervisor will each be asked');
    expect(text).toContain(`http://stride.test/verify/${zoe.code}`);
    expect(text).toContain(`http://stride.test/certificates/${zoe.id}`);
    expect(text).toContain('learning@test.example'); // the unit's contact
    expect(text).not.toMatch(/\b(discount|upcoming courses|enrol now|next course)\b/i);
    // Łukasz has no supervisor in Stride: only he is asked.
    expect((await mailsFor(e.lukasz))[0]!.textBody).toContain('In 21 days you will be asked');

    const clocks = await listSubjectClocks(s.db, 'enrolment', [e.zoe], s.clock.now());
    expect(clocks.get(e.zoe)!.map((k) => [k.key, k.state])).toEqual([['certificate.sent', 'met']]);
    const issued = await s.db.select().from(auditLog).where(and(eq(auditLog.entity, 'certificate'), eq(auditLog.action, 'certificate.issued')));
    expect(issued.length).toBeGreaterThanOrEqual(4);
  });

  it('AF-2 a self-paced course’s certificate carries the day in the unit’s time zone', async () => {
    const courseId = await publishedCourse(c.coordinator, p.coordinator.id, { format: 'e-learning', durationMinutes: 45 });
    const res = await c.other.post(`/api/v1/courses/${courseId}/enrolments`, {});
    expect(res.status, res.text).toBe(201);
    // 23:30 UTC on 14 March is already the 15th in Paris, the unit's zone.
    await s.db.update(enrolments).set({ state: 'completed', completedAt: new Date('2026-03-14T23:30:00Z') }).where(eq(enrolments.id, res.body.id));
    expect(await issuePendingCertificates(deps())).toBe(1);
    expect(await certOf(res.body.id)).toMatchObject({ completedOn: '2026-03-15', durationMinutes: 45, learnerName: 'Olly Other' });
  });
});

describe('AF-2 the certificate PDF', () => {
  it('AF-2 renders every name intact, with the course, date, hours, objectives, code and address; the same bytes each time, as mailed', async () => {
    for (const who of learners) {
      const cert = await certOf(e[who]);
      const res = await download(p[who], `/api/v1/certificates/${cert.id}/pdf`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const bytes = new Uint8Array(res.rawPayload);
      const [page, ...more] = await pdfPageTexts(bytes);
      expect(more).toEqual([]);
      expect(page).toContain(p[who].name);
      if (who !== 'zoe') continue;
      for (const words of ['Certificate of completion', 'Test Learning Unit', 'Handling Customer Complaints', courseCode, '9 March 2026', '7 hours', 'You can now:', objectives[0]!, objectives[1]!, formatCertificateCode(cert.code), `http://stride.test/verify/${cert.code}`, 'learning@test.example']) {
        expect(page, words).toContain(words);
      }
      const again = await download(p.supervisor, `/api/v1/certificates/${cert.id}/pdf`);
      expect(Buffer.compare(again.rawPayload, res.rawPayload)).toBe(0);
      const attached = Buffer.from((await mailsFor(e.zoe))[0]!.attachments[0]!.content, 'base64');
      expect(Buffer.compare(attached, res.rawPayload)).toBe(0);
      expect(await qrCodeOnPdf(bytes)).toBe(`http://stride.test/verify/${cert.code}`);
    }
  });
});

describe('AF-3 the thank-you on the wire', () => {
  it('AF-3 the PDF reaches the learner’s mailbox byte for byte (base64 attachment through SMTP)', async () => {
    const sink = await startSmtpSink();
    const silent = { info: () => {}, warn: () => {}, error: () => {} };
    const worker = startMailDelivery({ database: s.database, smtpUrl: sink.url, from: 'learning@test.example', logger: silent, pollMs: 60_000 });
    try {
      await worker.drain();
      const [queued] = await mailsFor(e.zoe);
      const [got] = sink.withId(queued!.messageId);
      const part = got!.parsed.attachments.find((a) => a.contentType === 'application/pdf');
      expect(part?.filename).toMatch(/^certificate-.*\.pdf$/);
      expect(Buffer.compare(part!.content, Buffer.from(queued!.attachments[0]!.content, 'base64'))).toBe(0);
      expect(got!.text).toContain(objectives[0]!);
    } finally {
      await worker.stop();
      await sink.close();
    }
  });
});

describe('AF-2 public verification', () => {
  it('AF-2 confirms a code however it is typed, showing only what the paper shows; denies an unknown code in the same words', async () => {
    const cert = await certOf(e.zoe);
    const anonymous = s.client();
    const typed = formatCertificateCode(cert.code).toLowerCase();
    const res = await anonymous.get(`/api/v1/verify/${encodeURIComponent(` ${typed} `)}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      status: 'valid',
      code: formatCertificateCode(cert.code),
      learnerName: 'Zoë Ðurić-Nuñez',
      courseCode,
      courseTitle: 'Handling Customer Complaints',
      completedOn: '2026-03-09',
      durationMinutes: 420,
      objectives,
      withdrawnOn: null,
    });
    for (const secret of [p.zoe.email, p.zoe.id, p.zoe.employeeId, e.zoe, cert.id]) expect(res.text).not.toContain(secret);
    expect(res.headers['x-ratelimit-limit']).toBe('30');

    const unknown = await anonymous.get('/api/v1/verify/ZZZZ-ZZZZ-ZZZZ');
    const malformed = await anonymous.get('/api/v1/verify/not-a-code');
    for (const miss of [unknown, malformed]) {
      expect(miss.status).toBe(404);
      expect(miss.text).toContain('No certificate has this code.');
    }
    expect(unknown.body.detail ?? unknown.body.message).toBe(malformed.body.detail ?? malformed.body.message);
  });

  it('AF-2 verification is rate limited per client: walking the code space is refused', async () => {
    const walker = new TestClient(s.app, { remoteAddress: '10.77.0.1' });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await walker.get(`/api/v1/verify/ZZZZZZZZZZ${String(i).padStart(2, '2').replace(/[01]/g, '2')}`)).status);
    expect(statuses.slice(0, 30).every((x) => x === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await new TestClient(s.app, { remoteAddress: '10.77.0.2' }).get('/api/v1/verify/ZZZZZZZZZZZZ')).status).toBe(404);
  });
});

describe('AF-2 who sees and withdraws a certificate', () => {
  it('AF-2 the learner, their supervisor and the coordinators read it; other learners and consultants get 404; My learning finds it by enrolment', async () => {
    const cert = await certOf(e.zoe);
    for (const who of ['zoe', 'supervisor', 'coordinator'] as const) {
      const res = await c[who].get(`/api/v1/certificates/${cert.id}`);
      expect(res.status, `${who} ${res.text}`).toBe(200);
      expect(res.body).toMatchObject({ id: cert.id, enrolmentId: e.zoe, learnerName: 'Zoë Ðurić-Nuñez', status: 'valid', verificationUrl: `http://stride.test/verify/${cert.code}` });
    }
    expect((await c.zoe.get(`/api/v1/certificates/${cert.id}`)).body.canRevoke).toBe(false);
    expect((await c.coordinator.get(`/api/v1/certificates/${cert.id}`)).body.canRevoke).toBe(true);
    // Consultants see the organization's people, not who took what (as for enrolments).
    for (const who of ['other', 'lukasz', 'consultant'] as const) {
      expect((await c[who].get(`/api/v1/certificates/${cert.id}`)).status).toBe(404);
      expect((await c[who].get(`/api/v1/certificates/${cert.id}/pdf`)).status).toBe(404);
      expect((await c[who].get(`/api/v1/enrolments/${e.zoe}/certificate`)).status).toBe(404);
    }
    expect((await s.client().get(`/api/v1/certificates/${cert.id}`)).status).toBe(401);
    const mine = await c.zoe.get(`/api/v1/enrolments/${e.zoe}/certificate`);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.id).toBe(cert.id);
  });

  it('AF-2 a coordinator withdraws a certificate with a reason; it then verifies as withdrawn; the learner and their supervisor may not withdraw', async () => {
    const cert = await certOf(e.anna);
    for (const who of ['anna', 'supervisor'] as const) expect((await c[who].post(`/api/v1/certificates/${cert.id}/revoke`, { reason: 'Issued in error.' })).status).toBeGreaterThanOrEqual(403);
    expect((await c.other.post(`/api/v1/certificates/${cert.id}/revoke`, { reason: 'Issued in error.' })).status).toBe(404);
    const blank = await c.coordinator.post(`/api/v1/certificates/${cert.id}/revoke`, { reason: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors.map((f: { field: string }) => f.field)).toEqual(['reason']);
    const res = await c.coordinator.post(`/api/v1/certificates/${cert.id}/revoke`, { reason: 'Attendance was recorded for the wrong person.' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-03-10', canRevoke: false, revoked: { reason: 'Attendance was recorded for the wrong person.', by: { name: 'Cora Coordinator' } } });
    expect((await c.coordinator.post(`/api/v1/certificates/${cert.id}/revoke`, { reason: 'Again, by mistake.' })).status).toBe(409);
    const verified = await s.client().get(`/api/v1/verify/${cert.code}`);
    expect(verified.body).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-03-10' });
    expect(verified.text).not.toContain('wrong person');
    expect(await s.db.select().from(auditLog).where(and(eq(auditLog.entityId, cert.id), like(auditLog.action, 'certificate.revoked')))).toHaveLength(1);
  });

  it('AF-1 AF-2 after a withdrawal, the completion reopened and reached again earns a new certificate with a new code and its own mail; the old code stays withdrawn', async () => {
    const old = await certOf(e.lukasz);
    expect(old.revokedAt).toBeNull();
    expect((await c.coordinator.post(`/api/v1/enrolments/${e.lukasz}/reopen-completion`, { reason: 'She left at noon; marked present by mistake.' })).status).toBe(409);
    expect((await c.coordinator.post(`/api/v1/certificates/${old.id}/revoke`, { reason: 'Attendance is being corrected.' })).status).toBe(200);
    const reopened = await c.coordinator.post(`/api/v1/enrolments/${e.lukasz}/reopen-completion`, { reason: 'She left at noon; marked present by mistake.' });
    expect(reopened.status, reopened.text).toBe(200);
    expect(await issuePendingCertificates(deps())).toBe(0);
    // Withdrawn without reopening (Anna's, above) stays withdrawn: nothing is issued in its place.
    expect((await certOf(e.anna)).revokedAt).not.toBeNull();
    s.clock.set(new Date(s.clock.now().getTime() + 60_000));
    expect((await c.coordinator.put(`/api/v1/course-sessions/${sessionId}/attendance`, { day: '2026-03-09', marks: [{ enrolmentId: e.lukasz, present: true }] })).status).toBe(200);
    expect((await c.coordinator.post(`/api/v1/course-sessions/${sessionId}/complete`, {})).body.completed).toEqual([e.lukasz]);
    expect(await issuePendingCertificates(deps())).toBe(1);
    const all = await s.db.select().from(certificates).where(eq(certificates.enrolmentId, e.lukasz));
    expect(all).toHaveLength(2);
    const fresh = all.find((x) => !x.revokedAt)!;
    expect(fresh.code).not.toBe(old.code);
    expect((await s.client().get(`/api/v1/verify/${old.code}`)).body.status).toBe('withdrawn');
    expect((await s.client().get(`/api/v1/verify/${fresh.code}`)).body.status).toBe('valid');
    expect(await s.db.select().from(outbox).where(eq(outbox.idempotencyKey, `certificate:${e.lukasz}:${fresh.code}`))).toHaveLength(1);
    expect((await c.lukasz.get(`/api/v1/enrolments/${e.lukasz}/certificate`)).body.id).toBe(fresh.id);
  });
});
