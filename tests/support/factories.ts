import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/platform/db/database';
import type { Role } from '../../src/platform/auth/roles';
import { hashPassword } from '../../src/platform/auth/passwords';
import { businessUnits, people, personRoles } from '../../src/people/schema';
import { credentials } from '../../src/account/schema';
import { saveUnitSettings } from '../../src/platform/settings/unit-settings';

export const TEST_PASSWORD = 'correct horse battery staple';
let hashed: Promise<string> | undefined;

const uniq = () => randomBytes(4).toString('hex');

export async function createBusinessUnit(db: Db, overrides: Partial<{ code: string; name: string }> = {}) {
  const id = uniq();
  const [row] = await db.insert(businessUnits).values({ code: overrides.code ?? `BU-${id}`, name: overrides.name ?? `Unit ${id}` }).returning();
  return row!;
}

export type TestPerson = { id: string; employeeId: string; name: string; email: string };

/** A person with unique, readable data; with `roles` and a password unless `password: false`. */
export async function createPerson(
  db: Db,
  overrides: Partial<{ name: string; email: string; employeeId: string; jobTitle: string; businessUnitId: string | null; managerId: string | null; timeZone: string; roles: Role[]; password: boolean }> = {},
): Promise<TestPerson> {
  const id = uniq();
  const name = overrides.name ?? `Person ${id}`;
  const [row] = await db
    .insert(people)
    .values({
      employeeId: overrides.employeeId ?? `E-${id}`,
      name,
      email: overrides.email ?? `person.${id}@example.org`,
      jobTitle: overrides.jobTitle ?? 'Analyst',
      businessUnitId: overrides.businessUnitId ?? null,
      managerId: overrides.managerId ?? null,
      timeZone: overrides.timeZone ?? 'UTC',
    })
    .returning();
  const person = row!;
  if (overrides.roles?.length) await db.insert(personRoles).values(overrides.roles.map((role) => ({ personId: person.id, role })));
  if (overrides.password !== false) {
    hashed ??= hashPassword(TEST_PASSWORD);
    await db.insert(credentials).values({ personId: person.id, passwordHash: await hashed });
  }
  return { id: person.id, employeeId: person.employeeId, name: person.name, email: person.email };
}

export async function setUnitContact(db: Db) {
  await saveUnitSettings(db, {
    organizationName: 'Test Org',
    unitName: 'Test Learning Unit',
    contactEmail: 'learning@test.example',
    contactPhone: '+1 555 0100',
    location: 'Room 101',
    officeHours: 'Mon–Fri 9–5',
    timeZone: 'Europe/Paris',
  });
}
