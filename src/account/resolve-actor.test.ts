import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../tests/support/test-database';
import { createPerson } from '../../tests/support/factories';
import { hashToken, newToken } from '../platform/auth/tokens';
import { fixedClock } from '../platform/clock';
import { people } from '../people/schema';
import { resolveActor } from './resolve-actor';
import { sessions } from './schema';

// The session lookup every signed-in request makes (one statement since issue 10): the person
// with all their roles, and nobody for an unknown, expired or deactivated person's session.

let database: TestDatabase;
const clock = fixedClock(new Date('2026-03-02T08:00:00Z'));
const HOUR = 3_600_000;

async function sessionFor(personId: string, expiresInMs = HOUR): Promise<string> {
  const token = newToken();
  await database.db.insert(sessions).values({ tokenHash: hashToken(token), personId, expiresAt: new Date(clock.now().getTime() + expiresInMs) });
  return token;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

describe('resolving a session', () => {
  it('gives the person with every role, once for requests that arrive together', async () => {
    const p = await createPerson(database.db, { name: 'Rita Roles', roles: ['instructor', 'coordinator'] });
    const token = await sessionFor(p.id);
    const actors = await Promise.all(Array.from({ length: 5 }, () => resolveActor(database.db, clock, token)));
    expect(actors[0]).toEqual({ id: p.id, name: 'Rita Roles', email: p.email, roles: ['coordinator', 'instructor'] });
    expect(new Set(actors).size).toBe(1);
  });

  it('gives a person without roles an empty list', async () => {
    const p = await createPerson(database.db, { name: 'Nora Noroles' });
    expect(await resolveActor(database.db, clock, await sessionFor(p.id))).toEqual({ id: p.id, name: 'Nora Noroles', email: p.email, roles: [] });
  });

  it('gives nobody for an unknown token, an expired session or a deactivated person', async () => {
    const p = await createPerson(database.db, { roles: ['coordinator'] });
    expect(await resolveActor(database.db, clock, newToken())).toBeNull();
    expect(await resolveActor(database.db, clock, await sessionFor(p.id, -1))).toBeNull();
    const gone = await createPerson(database.db, { roles: ['coordinator'] });
    const token = await sessionFor(gone.id);
    await database.db.update(people).set({ active: false }).where(eq(people.id, gone.id));
    expect(await resolveActor(database.db, clock, token)).toBeNull();
  });
});
