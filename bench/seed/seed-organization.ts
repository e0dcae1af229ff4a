import { businessUnits, people, personRoles } from '../../src/people/schema';
import { credentials } from '../../src/account/schema';
import { hashPassword } from '../../src/platform/auth/passwords';
import type { Role } from '../../src/platform/auth/roles';
import type { Database } from '../../src/platform/db/database';
import { bulkInsert } from '../lib/bulk-insert';
import { rngFor } from '../lib/prng';
import type { Sizes } from './sizes';
import { FIRST_NAMES, JOB_TITLES, LAST_NAMES, REGIONS, TIME_ZONES, UNIT_AREAS } from './vocabulary';

export const BENCH_PASSWORD = 'stride-bench-2026';

export type Person = { id: string; name: string; email: string; unitId: string; managerId: string | null };
export type Organization = {
  units: { id: string; code: string; name: string }[];
  people: Person[];
  /** The training unit's staff, by role; everyone is also a learner. */
  admin: Person;
  coordinators: Person[];
  consultants: Person[];
  instructors: Person[];
};

// Managers form one tree: person 0 leads the organization, each unit's head reports to them, and
// within a unit every later member reports to an earlier one (about eight reports each), so every
// chain ends at the top and no one manages themself.
const SPAN = 8;

export async function seedOrganization(database: Database, sizes: Sizes, seed: number): Promise<Organization> {
  const rng = rngFor(seed, 'organization');
  const units = Array.from({ length: sizes.units }, (_, i) => ({
    id: rng.uuid(),
    code: `BU-${String(i + 1).padStart(3, '0')}`,
    name: `${UNIT_AREAS[i % UNIT_AREAS.length]} ${REGIONS[Math.floor(i / UNIT_AREAS.length) % REGIONS.length]}${i >= UNIT_AREAS.length * REGIONS.length ? ` ${Math.floor(i / (UNIT_AREAS.length * REGIONS.length)) + 1}` : ''}`,
  }));
  await bulkInsert(database, businessUnits, units);

  const members: Person[][] = units.map(() => []);
  const rows: (typeof people.$inferInsert)[] = [];
  const all: Person[] = [];
  for (let i = 0; i < sizes.people; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const unitIndex = i === 0 ? 0 : (i - 1) % units.length;
    const unit = units[unitIndex]!;
    const team = members[unitIndex]!;
    const managerId = i === 0 ? null : team.length === 0 ? all[0]!.id : team[Math.floor((team.length - 1) / SPAN)]!.id;
    const person: Person = { id: rng.uuid(), name: `${first} ${last}`, email: `${first}.${last}.${i + 1}@bench.example`.toLowerCase(), unitId: unit.id, managerId };
    if (i > 0) team.push(person);
    all.push(person);
    rows.push({
      id: person.id,
      employeeId: `B${String(i + 1).padStart(6, '0')}`,
      name: person.name,
      email: person.email,
      jobTitle: i === 0 ? 'Chief executive' : team.length === 1 ? 'Head of unit' : rng.pick(JOB_TITLES),
      businessUnitId: unit.id,
      managerId,
      timeZone: rng.pick(TIME_ZONES),
    });
  }
  // Managers before their reports: the self-reference is checked row by row.
  await bulkInsert(database, people, rows);

  // Staff come from the far end of the list, so they have managers and report like anyone else.
  const staff = (from: number, count: number) => all.slice(Math.max(1, all.length - from), Math.max(1, all.length - from) + count);
  const n = (full: number) => Math.max(2, Math.round((full * sizes.people) / 100_000));
  const coordinators = staff(10, n(8));
  const consultants = staff(20, n(6));
  const instructors = staff(60, n(40));
  const admin = all[0]!;
  const roleRows: { personId: string; role: Role }[] = [
    ...(['admin', 'unit_lead', 'coordinator', 'leader'] as const).map((role) => ({ personId: admin.id, role })),
    ...coordinators.map((p) => ({ personId: p.id, role: 'coordinator' as const })),
    ...consultants.map((p) => ({ personId: p.id, role: 'consultant' as const })),
    ...instructors.map((p) => ({ personId: p.id, role: 'instructor' as const })),
  ];
  await bulkInsert(database, personRoles, dedupe(roleRows));
  // One hash for everyone (argon2id costs ~50 ms each): anyone can sign in to look at a page by hand.
  const hash = await hashPassword(BENCH_PASSWORD);
  await bulkInsert(database, credentials, all.map((p) => ({ personId: p.id, passwordHash: hash })));
  return { units, people: all, admin, coordinators, consultants, instructors };
}

function dedupe(rows: { personId: string; role: Role }[]) {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(`${r.personId}:${r.role}`) && seen.add(`${r.personId}:${r.role}`));
}
