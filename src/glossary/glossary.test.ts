import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, type TestPerson } from '../../tests/support/factories';
import { createTestStride, type TestStride } from '../../tests/support/test-stride';
import type { TestClient } from '../../tests/support/test-client';

let s: TestStride;
const p = {} as Record<'coordinator' | 'learner', TestPerson>;
const c = {} as Record<keyof typeof p, TestClient>;

beforeAll(async () => {
  s = await createTestStride();
  p.coordinator = await createPerson(s.db, { name: 'Cora Coordinator', roles: ['coordinator'] });
  p.learner = await createPerson(s.db, { name: 'Lena Learner' });
  for (const key of Object.keys(p) as (keyof typeof p)[]) c[key] = await s.signInAs(p[key]);
});
afterAll(() => s.close());

describe('FB-3 glossary', () => {
  it('FB-3 the unit keeps a common service language that everyone signed in reads and searches, alphabetically', async () => {
    for (const [term, definition] of [
      ['Moment of truth', 'Any point where a customer meets us and forms an opinion of our service.'],
      ['Value model', 'Serving internal customers by the value we create for them, not by volume.'],
      ['Non-value-added activity', 'Work a customer would not pay for if they knew we did it.'],
    ]) {
      const res = await c.coordinator.post('/api/v1/glossary', { term, definition });
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ term, origin: 'unit', originNote: null });
    }
    const all = await c.learner.get('/api/v1/glossary');
    expect(all.status).toBe(200);
    expect(all.body.canEdit).toBe(false);
    expect(all.body.terms.map((t: { term: string }) => t.term)).toEqual(['Moment of truth', 'Non-value-added activity', 'Value model']);
    const found = await c.learner.get('/api/v1/glossary?q=would not pay');
    expect(found.body.terms.map((t: { term: string }) => t.term)).toEqual(['Non-value-added activity']);
    expect((await c.learner.get('/api/v1/glossary?q=100%25')).body.terms).toEqual([]);
    expect((await c.learner.get('/api/v1/glossary?origin=workshop')).body.terms).toEqual([]);
    expect((await s.client().get('/api/v1/glossary')).status).toBe(401);
  });

  it('FB-3 one entry per word whatever its case; bad input gets field-level messages; editors change a term', async () => {
    const first = await c.coordinator.post('/api/v1/glossary', { term: 'Prime segment', definition: 'A customer group the unit chooses to serve first.' });
    expect(first.status).toBe(201);
    const twice = await c.coordinator.post('/api/v1/glossary', { term: 'PRIME SEGMENT', definition: 'Again.' });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ field: 'term', message: expect.stringContaining('in the glossary already') }]);
    const empty = await c.coordinator.post('/api/v1/glossary', { term: ' ', definition: '' });
    expect(empty.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['definition', 'term']);
    const changed = await c.coordinator.put(`/api/v1/glossary/${first.body.id}`, { term: 'Prime customer segment', definition: 'A customer group the unit chooses to serve first and best.', example: 'Field sales are our prime customer segment this year.' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ term: 'Prime customer segment', example: expect.stringContaining('Field sales') });
    expect((await c.learner.post('/api/v1/glossary', { term: 'Mine', definition: 'A learner cannot add words.' })).status).toBe(403);
  });
});
