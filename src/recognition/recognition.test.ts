import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';
import { outbox } from '../platform/mail/schema';

let s: TestStride;
const p = {} as Record<'giver' | 'colleague' | 'manager', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;

beforeAll(async () => {
  s = await createTestStride();
  p.manager = await createPerson(s.db, { name: 'Maya Manager' });
  p.colleague = await createPerson(s.db, { name: 'Rosa Recognised', managerId: p.manager.id });
  p.giver = await createPerson(s.db, { name: 'Gus Giver' });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
});
afterAll(() => s.close());

const act = { act: 'Stayed after the session to fix a learner’s broken VPN so she could finish the e-learning.', value: 'The learner met her certification deadline and kept her field assignment.' };

describe('recognition (FB-4)', () => {
  it('FB-4 anyone recognises a colleague for a concrete act; the colleague and their manager are told', async () => {
    const res = await c.giver.post('/api/v1/recognitions', { personId: p.colleague.id, ...act });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ from: { name: 'Gus Giver' }, to: { name: 'Rosa Recognised' }, act: act.act });
    const mails = await s.db.select().from(outbox).where(like(outbox.idempotencyKey, `recognition:${res.body.id}:%`));
    expect(mails.map((m) => m.toAddress).sort()).toEqual([p.colleague.email, p.manager.email].sort());
    expect(mails.every((m) => m.textBody.includes('VPN'))).toBe(true);
    expect((await c.manager.get('/api/v1/recognitions')).body[0]).toMatchObject({ id: res.body.id });
  });

  it('FB-4 there are no points, counts per person or rankings: the list is stories by date', async () => {
    await c.manager.post('/api/v1/recognitions', { personId: p.colleague.id, ...act });
    const list = (await c.giver.get('/api/v1/recognitions')).body as { at: string }[];
    expect(list.map((r) => r.at)).toEqual([...list.map((r) => r.at)].sort().reverse());
    for (const item of list) expect(Object.keys(item).sort()).toEqual(['act', 'at', 'from', 'id', 'to', 'value']);
    expect(JSON.stringify(list)).not.toMatch(/points|score|count|rank|total/i);
  });

  it('FB-4 bad input: oneself, nobody, empty and oversized texts are refused field by field', async () => {
    expect((await c.giver.post('/api/v1/recognitions', { personId: p.giver.id, ...act })).body.errors).toEqual([{ field: 'personId', message: 'Recognise a colleague, not yourself.' }]);
    expect((await c.giver.post('/api/v1/recognitions', { personId: '00000000-0000-4000-8000-000000000000', ...act })).body.errors).toEqual([{ field: 'personId', message: 'There is no such colleague; choose someone from the list.' }]);
    const res = await c.giver.post('/api/v1/recognitions', { personId: p.colleague.id, act: ' ', value: 'x'.repeat(1001) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'act', message: 'Say what they did.' }, { field: 'value', message: 'This is too long (1,000 characters at most).' }]);
  });
});
