import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { fixedClock } from '../platform/clock';
import { seedDemo } from '../demo/seed-demo';
import { listGlossaryTerms } from '../glossary/list-glossary-terms';
import { findPersonByEmail } from '../people/find-people';
import type { Actor } from '../platform/auth/actor';
import { listWorkshops } from './list-workshops';
import { readWorkshop } from './read-workshop';

describe('CX FB-3 the demo workshops and glossary', () => {
  let database: TestDatabase;
  let consultant: Actor;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db, fixedClock(new Date('2026-12-06T15:00:00Z')));
    const p = (await findPersonByEmail(database.db, 'ines.castillo@northwind.example'))!;
    consultant = { id: p.id, name: p.name, email: p.email, roles: p.roles };
  });
  afterAll(() => database.drop());

  it('CX-1..4 a finished workshop, complete at every step, where training is one opportunity among several; and one under way', async () => {
    const list = await listWorkshops(database.db, consultant, {});
    expect(list.map((w) => w.step)).toEqual(['analyse', 'done']);
    const done = await readWorkshop(database.db, consultant, list[1]!.id);
    expect(Object.values(done.gaps).flat()).toEqual([]);
    expect(done.moments.length).toBeGreaterThanOrEqual(4);
    const kinds = done.opportunities.map((o) => o.kind);
    expect(kinds.filter((k) => k === 'training')).toHaveLength(1);
    expect(new Set(kinds).size).toBeGreaterThanOrEqual(5);
    expect(done.stories.length).toBeGreaterThan(0);
    expect(done.words.map((w) => w.term)).toContain('Hot transfer');
    const underway = await readWorkshop(database.db, consultant, list[0]!.id);
    expect(underway.gaps.analyse.length).toBeGreaterThan(0);
    expect(underway.heldOn).toBe('2026-12-03');
  });

  it('FB-3 the glossary holds the unit’s service language and the organization’s words from the workshops', async () => {
    const glossary = await listGlossaryTerms(database.db, consultant, {});
    expect(glossary.terms.filter((t) => t.origin === 'unit').map((t) => t.term)).toContain('Moment of truth');
    expect(glossary.terms.filter((t) => t.origin === 'workshop').map((t) => t.term)).toEqual(expect.arrayContaining(['Bill shock', 'Hot transfer', 'No-access']));
  });
});
