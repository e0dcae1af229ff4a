import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { findPersonById, type PersonIdentity } from '../people/find-people';
import { findBusinessUnits } from '../people/find-business-unit';
import { courseAudienceUnits, courseInterests, courseObjectives, interests } from './schema';

// The rows around a course (objectives, interests, audience units) for many courses at once, and
// the names of the people and units they point at, read through the people capability.

export type UnitRef = { id: string; code: string; name: string };
export type InterestRef = { id: string; key: string; name: string };
export type CourseParts = {
  objectives: Map<string, { id: string; text: string }[]>;
  interests: Map<string, InterestRef[]>;
  audienceUnitIds: Map<string, string[]>;
};

function group<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

export async function loadCourseParts(tx: DbOrTx, courseIds: string[], withObjectives = true): Promise<CourseParts> {
  if (courseIds.length === 0) return { objectives: new Map(), interests: new Map(), audienceUnitIds: new Map() };
  // Sequential, not Promise.all: the caller may pass a transaction, whose queries share one
  // connection (pg warns on, and will refuse, overlapping queries on one client).
  const objectiveRows = await (withObjectives
      ? tx
          .select({ courseId: courseObjectives.courseId, id: courseObjectives.id, text: courseObjectives.text })
          .from(courseObjectives)
          .where(and(inArray(courseObjectives.courseId, courseIds), isNull(courseObjectives.removedAt)))
          .orderBy(asc(courseObjectives.position))
      : Promise.resolve([]));
  const interestRows = await tx
    .select({ courseId: courseInterests.courseId, id: interests.id, key: interests.key, name: interests.name })
    .from(courseInterests)
    .innerJoin(interests, eq(interests.id, courseInterests.interestId))
    .where(inArray(courseInterests.courseId, courseIds))
    .orderBy(asc(interests.name));
  const unitRows = await tx.select().from(courseAudienceUnits).where(inArray(courseAudienceUnits.courseId, courseIds));
  return {
    objectives: new Map([...group(objectiveRows, (r) => r.courseId)].map(([k, v]) => [k, v.map(({ id, text }) => ({ id, text }))])),
    interests: new Map([...group(interestRows, (r) => r.courseId)].map(([k, v]) => [k, v.map(({ id, key, name }) => ({ id, key, name }))])),
    audienceUnitIds: new Map([...group(unitRows, (r) => r.courseId)].map(([k, v]) => [k, v.map((r) => r.businessUnitId)])),
  };
}

/** Every business unit by id (an organization has tens of them, not thousands). */
/** The units among `ids`, by id: only those a course names, never the whole list. */
export async function unitDirectory(tx: DbOrTx, ids: readonly string[]): Promise<Map<string, UnitRef>> {
  const units = await findBusinessUnits(tx, ids);
  return new Map(units.map((u) => [u.id, { id: u.id, code: u.code, name: u.name }]));
}

export function unitsOf(ids: string[] | undefined, directory: Map<string, UnitRef>): UnitRef[] {
  return (ids ?? [])
    .map((id) => directory.get(id))
    .filter((u): u is UnitRef => !!u)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The people behind a page of courses or sessions: a handful of coordinators and instructors. */
export async function peopleDirectory(tx: DbOrTx, ids: (string | null)[]): Promise<Map<string, PersonIdentity>> {
  const out = new Map<string, PersonIdentity>();
  for (const id of new Set(ids.filter((x): x is string => !!x))) {
    const person = await findPersonById(tx, id);
    if (person) out.set(id, person);
  }
  return out;
}
