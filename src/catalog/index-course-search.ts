import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { courseInterests, courseObjectives, courses, interests } from './schema';

// The text a course is found by (decision 013): code and title weigh most (A); the summary, the
// objectives and the interests' names next (B); description, audience and prerequisites last (C).
// One dictionary, 'english', for every course and every query, so a word is stemmed the same way
// on both sides. A generated column cannot read the objectives' and interests' tables, so the
// transaction that writes any of them calls this before it commits.

const objectivesText = sql`coalesce((SELECT string_agg(o.text, ' ' ORDER BY o.position) FROM ${courseObjectives} o WHERE o.course_id = ${courses.id} AND o.removed_at IS NULL), '')`;
const interestsText = sql`coalesce((SELECT string_agg(i.name, ' ') FROM ${courseInterests} ci JOIN ${interests} i ON i.id = ci.interest_id WHERE ci.course_id = ${courses.id}), '')`;

export const searchDocument = sql`
  setweight(to_tsvector('english'::regconfig, ${courses.code} || ' ' || ${courses.title}), 'A') ||
  setweight(to_tsvector('english'::regconfig, ${courses.summary} || ' ' || ${objectivesText} || ' ' || ${interestsText}), 'B') ||
  setweight(to_tsvector('english'::regconfig, ${courses.description} || ' ' || ${courses.audience} || ' ' || ${courses.prerequisites}), 'C')`;

export async function indexCoursesForSearch(tx: DbOrTx, courseIds: string[]): Promise<void> {
  if (courseIds.length === 0) return;
  await tx.update(courses).set({ searchVector: searchDocument }).where(inArray(courses.id, courseIds));
}
