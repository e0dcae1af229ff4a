import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createPerson, TEST_PASSWORD, type TestPerson } from '../support/factories';
import { createTestStride, type TestStride } from '../support/test-stride';
import type { TestClient } from '../support/test-client';
import { publishedCourse, scheduledSession } from '../support/enrolment-factories';
import { qrCodeOnPdf } from '../support/pdf-qr';
import { seedDemoCharter } from '../../src/charter/demo-charter';
import { outbox } from '../../src/platform/mail/schema';
import { issuePendingCertificates } from '../../src/certificates/issue-certificates';
import { openDueFollowUps } from '../../src/follow-up/open-due-follow-ups';
import { followUpToken } from '../../src/follow-up/testing/follow-up-fixtures';

// Issue 6's "done means", walked through the API as the people involved would: a coordinator
// marks a session complete; each learner gets the thank-you with a certificate whose text
// pdftotext extracts (accents intact) and whose QR opens the verification page; thirty days later
// (the test's clock) learner and supervisor get the follow-up; a supervisor's "not met" opens a
// support case; the effectiveness page's numbers are those answers'.

const run = promisify(execFile);
const publicUrl = 'http://stride.test';
let s: TestStride;
let coordinator: TestClient;
let supervisor: TestClient;
const learners: { person: TestPerson; client: TestClient; enrolmentId: string }[] = [];
let courseId: string;
let sessionId: string;
const objectives = [
  'Restate a customer’s complaint in their own words and have them confirm it before offering any solution.',
  'Write a reply that says what happens next and by when, in under 150 words.',
];

async function pdftotext(bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stride-journey-'));
  try {
    await writeFile(join(dir, 'c.pdf'), bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'c.pdf'), '-']);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  s = await createTestStride();
  const coordinatorPerson = await createPerson(s.db, { name: 'Samuel Mensah', roles: ['coordinator'] });
  const boss = await createPerson(s.db, { name: 'Marcus Johnson' });
  coordinator = await s.signInAs(coordinatorPerson);
  supervisor = await s.signInAs(boss);
  for (const name of ['Zoë Dubois', 'João Gonçalves']) {
    const person = await createPerson(s.db, { name, managerId: boss.id });
    learners.push({ person, client: await s.signInAs(person), enrolmentId: '' });
  }
  s.clock.set(new Date('2026-03-02T12:00:00Z'));
  await seedDemoCharter(s.db, s.clock, coordinatorPerson.id);
  courseId = await publishedCourse(coordinator, coordinatorPerson.id, { objectives: objectives.map((text) => ({ text })) });
  sessionId = await scheduledSession(coordinator, courseId, s.clock.now(), { approvalMode: 'none', startsAt: '2026-03-09T09:00', endsAt: '2026-03-09T17:00' });
  for (const l of learners) {
    const res = await l.client.post(`/api/v1/course-sessions/${sessionId}/enrolments`, {});
    expect(res.status, res.text).toBe(201);
    l.enrolmentId = res.body.id;
  }
});
afterAll(() => s?.close());

describe('issue 6 done means: after the event, from completion to effectiveness', () => {
  it('AF-1 AF-2 AF-3 AF-4 AF-5 AF-7 completion → thank-you and certificate (pdftotext, QR to the verification page) → follow-up 30 days on → a supervisor’s "not met" opens a support case → the effectiveness numbers', { timeout: 120_000 }, async () => {
    // The evening of the session, the coordinator marks attendance and completes it (AF-1).
    s.clock.set(new Date('2026-03-09T22:30:00Z'));
    const marked = await coordinator.put(`/api/v1/course-sessions/${sessionId}/attendance`, { day: '2026-03-09', marks: learners.map((l) => ({ enrolmentId: l.enrolmentId, present: true })) });
    expect(marked.status, marked.text).toBe(200);
    const completed = await coordinator.post(`/api/v1/course-sessions/${sessionId}/complete`, {});
    expect(completed.status, completed.text).toBe(200);
    expect(completed.body.completed).toHaveLength(2);

    // The certificate job's next minute: one thank-you per learner, the PDF attached (AF-2, AF-3).
    s.clock.set(new Date('2026-03-09T22:31:00Z'));
    expect(await issuePendingCertificates({ db: s.db, clock: s.clock, publicUrl })).toBe(2);
    for (const l of learners) {
      const [mail] = await s.db.select().from(outbox).where(eq(outbox.idempotencyKey, `certificate:${l.enrolmentId}`));
      expect(mail?.toAddress).toBe(l.person.email);
      for (const objective of objectives) expect(mail!.textBody).toContain(objective);
      const attachment = mail!.attachments.find((a) => a.contentType === 'application/pdf');
      expect(attachment).toBeDefined();
      const pdf = Buffer.from(attachment!.content, 'base64');
      const text = await pdftotext(pdf);
      expect(text).toContain(l.person.name); // "Zoë Dubois", "João Gonçalves": accents intact
      // The QR, read off the rendered page, opens the public verification, which confirms it.
      const url = await qrCodeOnPdf(pdf);
      expect(url).toMatch(new RegExp(`^${publicUrl}/verify/[A-Za-z0-9]+$`));
      const code = url!.split('/').pop()!;
      const verified = await s.client().get(`/api/v1/verify/${code}`);
      expect(verified.status, verified.text).toBe(200);
      expect(verified.body).toMatchObject({ status: 'valid', learnerName: l.person.name });
      expect(verified.text).not.toContain(l.person.email);
    }

    // Thirty days later the follow-up opens for each learner and their supervisor (AF-4).
    s.clock.set(new Date('2026-04-08T23:00:00Z'));
    expect(await openDueFollowUps({ db: s.db, clock: s.clock, publicUrl })).toBe(4);
    const [zoe, joao] = learners as [(typeof learners)[0], (typeof learners)[0]];
    const form = async (token: string) => (await s.client().get(`/api/v1/follow-ups/by-token/${token}`)).body;
    const answer = async (enrolmentId: string, role: 'learner' | 'supervisor', ratings: string[], recommend: number) => {
      const token = (await followUpToken(s.db, enrolmentId, role))!;
      expect(token, `${role} mailed`).toBeTruthy();
      const view = await form(token);
      const res = await s.client().post(`/api/v1/follow-ups/by-token/${token}`, { answers: view.objectives.map((o: { id: string }, i: number) => ({ objectiveId: o.id, rating: ratings[i] })), recommend });
      expect(res.status, res.text).toBeLessThan(300);
      return res.body;
    };
    await answer(zoe.enrolmentId, 'learner', ['met', 'met'], 10);
    await answer(joao.enrolmentId, 'learner', ['met', 'partly'], 8);
    await answer(zoe.enrolmentId, 'supervisor', ['met', 'met'], 9);
    const notMet = await answer(joao.enrolmentId, 'supervisor', ['partly', 'not_met'], 5);
    expect(notMet.notMetCount).toBe(1);

    // The supervisor's "not met" is a support case in the coordinator's queue (AF-5).
    const queue = await coordinator.get('/api/v1/support-cases');
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.items).toHaveLength(1);
    expect(queue.body.items[0].learner.name).toBe('João Gonçalves');
    expect(JSON.stringify(queue.body.items[0])).toContain(objectives[1]);

    // The effectiveness page's numbers are those answers' (AF-7).
    const eff = await coordinator.get(`/api/v1/course-sessions/${sessionId}/effectiveness`);
    expect(eff.status, eff.text).toBe(200);
    const body = JSON.stringify(eff.body);
    expect(eff.body.completions).toMatchObject({ completed: 2, noShow: 0 });
    expect(eff.body.objectives[1]).toMatchObject({ text: objectives[1], learner: { met: 1, partly: 1, notMet: 0 }, supervisor: { met: 1, partly: 0, notMet: 1 } });
    expect(eff.body.objectives[0]).toMatchObject({ learner: { met: 2, partly: 0, notMet: 0 }, supervisor: { met: 1, partly: 1, notMet: 0 } });
    // Learners 10 and 8: one promoter, one passive → 50; supervisors 9 and 5 → 0; all four → 25.
    expect(eff.body.nps).toMatchObject({ learner: { nps: 50 }, supervisor: { nps: 0 }, combined: { nps: 25, promoters: 2, passives: 1, detractors: 1 } });
    expect(eff.body.responses).toMatchObject({ learner: { opened: 2, answered: 2 }, supervisor: { opened: 2, answered: 2 } });
    expect(eff.body.supportCases).toMatchObject({ opened: 1, undecided: 1 });
    expect(eff.body.certificates).toMatchObject({ issued: 2, revoked: 0 });
    expect(body).not.toContain(zoe.person.email);
  });
});
