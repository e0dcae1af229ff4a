import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { outbox } from '../platform/mail/schema';
import { remindWaitingReviewers, REVIEW_WAIT_DAYS } from './remind-reviewers';

let s: TestStride;
const p = {} as Record<'agent' | 'manager' | 'director' | 'peer' | 'leader' | 'loner', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;

beforeAll(async () => {
  s = await createTestStride();
  p.director = await createPerson(s.db, { name: 'Dana Director' });
  p.manager = await createPerson(s.db, { name: 'Maya Manager', managerId: p.director.id, jobTitle: 'Call-centre team lead' });
  p.agent = await createPerson(s.db, { name: 'Carla Agent', managerId: p.manager.id, jobTitle: 'Call-centre agent' });
  p.peer = await createPerson(s.db, { name: 'Pete Peer', managerId: p.manager.id });
  p.leader = await createPerson(s.db, { name: 'Leo Leader', roles: ['leader'] });
  p.loner = await createPerson(s.db, { name: 'Lou Nomanager' });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
});
afterAll(() => s.close());

const idea = {
  title: 'Call back customers whose outage lasted more than a day',
  idea: 'After a long outage, agents call the affected customers to check their service is back and explain what happened.',
  benefit: 'Customers hear from us before they have to call; fewer repeat calls.',
};
const mailsOf = (id: string) => s.db.select().from(outbox).where(like(outbox.idempotencyKey, `suggestion:${id}:%`));

describe('service suggestions (FB-2)', () => {
  it('FB-2 a call-centre agent’s suggestion is escalated by her manager and adopted by a leader, and she sees every step', async () => {
    const sent = await c.agent.post('/api/v1/suggestions', idea);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ status: 'submitted', reviewer: { name: 'Maya Manager' }, reference: expect.stringMatching(/^S-\d{6}$/) });
    const id = sent.body.id;
    expect((await mailsOf(id)).map((m) => m.toAddress)).toEqual([p.manager.email]);

    const toReview = await c.manager.get('/api/v1/suggestions?view=to-review');
    expect(toReview.body.find((x: { id: string }) => x.id === id)?.can).toEqual({ review: true, decide: false });

    const escalated = await c.manager.post(`/api/v1/suggestions/${id}/escalate`, { support: 'Our repeat-call rate after outages is our worst number; this is cheap to try.' });
    expect(escalated.body.status).toBe('escalated');
    expect((await c.leader.get('/api/v1/suggestions?view=leadership')).body.find((x: { id: string }) => x.id === id)?.can).toEqual({ review: false, decide: true });

    const adopted = await c.leader.post(`/api/v1/suggestions/${id}/decide`, { decision: 'adopt', reason: 'Adopted for all outages over 24 hours from January; the call-centre lead owns it.' });
    expect(adopted.body.status).toBe('adopted');

    const seen = await c.agent.get(`/api/v1/suggestions/${id}`);
    expect(seen.body.events.map((e: { type: string; actor: { name: string } | null }) => [e.type, e.actor?.name])).toEqual([
      ['submitted', 'Carla Agent'],
      ['escalated', 'Maya Manager'],
      ['adopted', 'Leo Leader'],
    ]);
    expect(seen.body.events[2].text).toMatch(/from January/);
    expect((await c.agent.get('/api/v1/suggestions')).body.map((x: { id: string }) => x.id)).toContain(id);
    const mails = await mailsOf(id);
    expect(mails.filter((m) => m.toAddress === p.agent.email).map((m) => m.subject).sort()).toEqual([expect.stringMatching(/^The suggestion was adopted/), expect.stringMatching(/^Your suggestion went to leadership/)]);
    expect(mails.some((m) => m.toAddress === p.leader.email && /for leadership to decide/.test(m.subject))).toBe(true);
  });

  it('FB-2 escalation by someone who is not the submitter’s manager is refused with who can; a peer does not see it', async () => {
    const id = (await c.agent.post('/api/v1/suggestions', idea)).body.id;
    const byDirector = await c.director.post(`/api/v1/suggestions/${id}/escalate`, { support: 'I like it.' });
    expect(byDirector.status).toBe(403);
    expect(byDirector.body.detail).toBe('Only Maya Manager, the manager of the person who suggested it, can review this suggestion.');
    expect((await c.leader.post(`/api/v1/suggestions/${id}/escalate`, { support: 'I like it.' })).status).toBe(403);
    expect((await c.agent.post(`/api/v1/suggestions/${id}/escalate`, { support: 'Mine.' })).status).toBe(403);
    expect((await c.peer.post(`/api/v1/suggestions/${id}/escalate`, { support: 'Me too.' })).status).toBe(404);
    expect((await c.peer.get(`/api/v1/suggestions/${id}`)).status).toBe(404);
    // The director above the manager may read it; a leader may not decide before escalation.
    expect((await c.director.get(`/api/v1/suggestions/${id}`)).status).toBe(200);
    expect((await c.leader.post(`/api/v1/suggestions/${id}/decide`, { decision: 'adopt', reason: 'Yes.' })).status).toBe(409);
  });

  it('FB-2 the manager answers why not, the submitter reads it; a leader declines only with a reason', async () => {
    const id = (await c.agent.post('/api/v1/suggestions', idea)).body.id;
    const short = await c.manager.post(`/api/v1/suggestions/${id}/answer`, { reason: 'No.' });
    expect(short.body.errors).toEqual([{ field: 'reason', message: 'Say why not in a sentence or two (20 characters at least).' }]);
    const answered = await c.manager.post(`/api/v1/suggestions/${id}/answer`, { reason: 'The outage team already calls every customer after 24 hours since October.' });
    expect(answered.body.status).toBe('answered');
    expect((await c.agent.get(`/api/v1/suggestions/${id}`)).body.events.at(-1)).toMatchObject({ type: 'answered', text: expect.stringMatching(/since October/) });
    expect((await c.manager.post(`/api/v1/suggestions/${id}/escalate`, { support: 'Changed my mind.' })).status).toBe(409);

    const other = (await c.agent.post('/api/v1/suggestions', { ...idea, title: 'Text customers the engineer’s arrival time' })).body.id;
    await c.manager.post(`/api/v1/suggestions/${other}/escalate`, { support: 'Worth it.' });
    const bare = await c.leader.post(`/api/v1/suggestions/${other}/decide`, { decision: 'decline', reason: 'No budget.' });
    expect(bare.body.errors).toEqual([{ field: 'reason', message: 'A decline needs its reason in a sentence or two (20 characters at least).' }]);
    expect((await c.manager.post(`/api/v1/suggestions/${other}/decide`, { decision: 'pilot', reason: 'Try it.' })).status).toBe(403);
    expect((await c.leader.post(`/api/v1/suggestions/${other}/decide`, { decision: 'pilot', reason: 'Pilot in the north region for three months.' })).body.status).toBe('piloted');
  });

  it('FB-2 bad input: empty and oversized texts are refused field by field', async () => {
    const res = await c.agent.post('/api/v1/suggestions', { title: '', idea: 'x'.repeat(5001), benefit: ' ' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'title', message: 'Write a short title.' },
      { field: 'idea', message: 'This is too long (5,000 characters at most).' },
      { field: 'benefit', message: 'Write what it improves for customers or colleagues.' },
    ]);
  });

  it('FB-2 a suggestion from someone without a manager goes to leaders to review', async () => {
    const sent = await c.loner.post('/api/v1/suggestions', idea);
    expect(sent.body.reviewer).toBeNull();
    expect((await mailsOf(sent.body.id)).map((m) => m.toAddress)).toEqual([p.leader.email]);
    expect((await c.leader.post(`/api/v1/suggestions/${sent.body.id}/escalate`, { support: 'Taking it up myself.' })).body.status).toBe('escalated');
  });

  it('FB-2 a manager who sits on a suggestion past the set time is reminded, once', async () => {
    const id = (await c.peer.post('/api/v1/suggestions', { ...idea, title: 'Waiting idea' })).body.id;
    expect(await remindWaitingReviewers({ db: s.db, clock: s.clock, publicUrl: 'http://stride.test' })).toBe(0);
    s.clock.advance((REVIEW_WAIT_DAYS * 24 + 1) * 3600_000);
    await remindWaitingReviewers({ db: s.db, clock: s.clock, publicUrl: 'http://stride.test' });
    await remindWaitingReviewers({ db: s.db, clock: s.clock, publicUrl: 'http://stride.test' });
    const reminders = (await mailsOf(id)).filter((m) => m.idempotencyKey.includes(':reminder:'));
    expect(reminders.map((m) => [m.toAddress, m.subject])).toEqual([[p.manager.email, expect.stringMatching(/waiting for your review/)]]);
    expect(reminders[0]!.textBody).toMatch(/waited 7 days/);
    expect((await c.peer.get(`/api/v1/suggestions/${id}`)).body.events.map((e: { type: string }) => e.type)).toEqual(['submitted', 'reminded']);
  });
});
