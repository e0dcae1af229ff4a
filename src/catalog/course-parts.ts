import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { findPersonCards, type PersonCard } from '../people/find-people';
import { findBusinessUnits } from '../people/find-business-unit';

// The rows around a course (objectives, interests, audience units) for many courses at once, and
// the names of the people and units they point at, read through the people capability.

export type UnitRef = { id: string; code: string; name: string };
export type InterestRef = { id: string; key: string; name: string };
export type CourseParts = {
  objectives: Map<string, { id: string; text: string }[]>;
  interests: Map<string, InterestRef[]>;
  audienceUnitIds: Map<string, string[]>;
};

type PartsRow = { id: string; objectives: { id: string; text: string }[] | null; interests: InterestRef[]; unit_ids: string[] };

export async function loadCourseParts(tx: DbOrTx, courseIds: string[], withObjectives = true): Promise<CourseParts> {
  if (courseIds.length === 0) return { objectives: new Map(), interests: new Map(), audienceUnitIds: new Map() };
  // One statement for any number of courses: each round trip costs a page more than the rows do.
  const ids = sql`${sql.join(courseIds.map((id) => sql`${id}`), sql`, `)}`;
  const objectives = withObjectives
    ? sql`coalesce((SELECT json_agg(json_build_object('id', o.id, 'text', o.text) ORDER BY o.position) FROM course_objectives o WHERE o.course_id = c.id AND o.removed_at IS NULL), '[]')`
    : sql`NULL::json`;
  const result = await tx.execute(sql`
    SELECT c.id, ${objectives} AS objectives,
      coalesce((SELECT json_agg(json_build_object('id', i.id, 'key', i.key, 'name', i.name) ORDER BY i.name) FROM course_interests ci JOIN interests i ON i.id = ci.interest_id WHERE ci.course_id = c.id), '[]') AS interests,
      coalesce((SELECT json_agg(a.business_unit_id) FROM course_audience_units a WHERE a.course_id = c.id), '[]') AS unit_ids
    FROM courses c WHERE c.id IN (${ids})`);
  const rows = (result as unknown as { rows: PartsRow[] }).rows;
  const nonEmpty = <T>(pairs: [string, T[]][]) => new Map(pairs.filter(([, list]) => list.length > 0));
  return {
    objectives: withObjectives ? nonEmpty(rows.map((r) => [r.id, r.objectives ?? []])) : new Map(),
    interests: nonEmpty(rows.map((r) => [r.id, r.interests])),
    audienceUnitIds: nonEmpty(rows.map((r) => [r.id, r.unit_ids])),
  };
}

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
export async function peopleDirectory(tx: DbOrTx, ids: (string | null)[]): Promise<Map<string, PersonCard>> {
  const found = await findPersonCards(tx, ids.filter((x): x is string => !!x));
  return new Map(found.map((person) => [person.id, person]));
}
