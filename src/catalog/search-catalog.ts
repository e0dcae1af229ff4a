import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import type { Loaded } from '../platform/cache/versioned-cache';
import { editsCatalog } from './catalog-editors';
import type { CourseListView, CourseSummaryView, ListCoursesQuery } from './course-schemas';
import { loadCourseParts, peopleDirectory, unitDirectory, unitsOf } from './course-parts';

// The catalog listing and its search (CA-1): PostgreSQL text search over the course's weighted
// document (index-course-search.ts), with filters, ranked by relevance and then by the next
// session. Sessions are only ever reached through their (course, start) index, one course at a
// time, so the listing stays fast with tens of thousands of sessions (decision 013).

type Row = {
  id: string;
  code: string;
  title: string;
  summary: string;
  format: CourseSummaryView['format'];
  duration_minutes: number;
  languages: string[];
  status: CourseSummaryView['status'];
  contact_person_id: string;
  next_id: string | null;
  next_starts_at: string | Date | null;
  next_ends_at: string | Date | null;
  next_time_zone: string | null;
  next_language: string | null;
  next_capacity: number | null;
  total: number;
  first_next_start: string | Date | null;
};

/**
 * Whole words of the search, each as a prefix ("complai" finds "complaint"); safe to hand to
 * to_tsquery. A search that uses websearch syntax (quotes, -word, or) means exactly what it says.
 */
export function prefixQuery(q: string): string | null {
  if (/"|(^|\s)-\S|\sor\s/i.test(q)) return null;
  const words = (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(' & ') : null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const iso = (value: string | Date | null) => (value === null ? null : new Date(value).toISOString());

export async function searchCatalog(db: DbOrTx, actor: Actor, query: ListCoursesQuery, now: Date): Promise<CourseListView> {
  return (await loadCatalogSearch(db, actor, query, now)).value;
}

/** The search as the catalog cache keeps it: the listing, and until when the time alone leaves it right. */
export async function loadCatalogSearch(
  db: DbOrTx,
  actor: Actor,
  query: ListCoursesQuery,
  now: Date,
  languagesOf: (status: string) => Promise<string[]> = (status) => catalogLanguages(db, status),
): Promise<Loaded<CourseListView>> {
  const status = editsCatalog(actor) ? (query.status ?? 'published') : 'published';
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize, languages: [] };
  // Drafts and retired courses are the editors' business: for anyone else they are simply not there.
  if (query.status && query.status !== status) return { value: empty, validUntil: null };

  const from = query.from && new Date(query.from) > now ? new Date(query.from) : now;
  const to = query.to ? new Date(query.to) : null;
  const window = sql`s.course_id = c.id AND s.status = 'scheduled' AND s.starts_at >= ${from.toISOString()}::timestamptz${to ? sql` AND s.starts_at < ${to.toISOString()}::timestamptz` : sql``}`;

  const where: SQL[] = [sql`c.status = ${status}`];
  let rank: SQL | null = null;
  const q = query.q?.trim();
  if (q) {
    const words = sql`websearch_to_tsquery('english'::regconfig, ${q})`;
    const prefix = prefixQuery(q);
    const partial = prefix ? sql`to_tsquery('english'::regconfig, ${prefix})` : sql`''::tsquery`;
    const like = `%${escapeLike(q)}%`;
    where.push(sql`(c.search_vector @@ ${words} OR c.search_vector @@ ${partial} OR c.title ILIKE ${like} OR c.code ILIKE ${like})`);
    // Whole words outrank partial ones; a title match that text search missed still ranks above nothing.
    rank = sql`(2 * ts_rank(c.search_vector, ${words}) + ts_rank(c.search_vector, ${partial}) + CASE WHEN c.title ILIKE ${like} THEN 0.01 ELSE 0 END)`;
  }
  if (query.format) where.push(sql`c.format = ${query.format}`);
  if (query.language) where.push(sql`${query.language} = ANY(c.languages)`);
  if (query.interest) {
    where.push(sql`EXISTS (SELECT 1 FROM course_interests ci JOIN interests i ON i.id = ci.interest_id WHERE ci.course_id = c.id AND i.key = ${query.interest})`);
  }
  if (query.businessUnitId) {
    // A course without audience units is open to everyone, so to every unit.
    where.push(sql`(NOT EXISTS (SELECT 1 FROM course_audience_units a WHERE a.course_id = c.id) OR EXISTS (SELECT 1 FROM course_audience_units a WHERE a.course_id = c.id AND a.business_unit_id = ${query.businessUnitId}))`);
  }
  if (query.from || query.to) where.push(sql`nx.id IS NOT NULL`);

  const result = await db.execute(sql`
    SELECT c.id, c.code, c.title, c.summary, c.format, c.duration_minutes, c.languages, c.status, c.contact_person_id,
           nx.id AS next_id, nx.starts_at AS next_starts_at, nx.ends_at AS next_ends_at, nx.time_zone AS next_time_zone,
           nx.language AS next_language, nx.capacity AS next_capacity,
           (count(*) OVER ())::int AS total, min(nx.starts_at) OVER () AS first_next_start
    FROM courses c
    LEFT JOIN LATERAL (
      SELECT s.id, s.starts_at, s.ends_at, s.time_zone, s.language, s.capacity FROM course_sessions s
      WHERE ${window} ORDER BY s.starts_at LIMIT 1
    ) nx ON true
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY ${rank ? sql`${rank} DESC, ` : sql``}nx.starts_at ASC NULLS LAST, c.title ASC, c.id ASC
    LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`);
  const rows = (result as unknown as { rows: Row[] }).rows;

  const ids = rows.map((r) => r.id);
  // Counted for the page only, not for every course the ranking had to look at.
  const countRows = ids.length
    ? ((await db.execute(sql`SELECT c.id, (SELECT count(*)::int FROM course_sessions s WHERE ${window}) AS n FROM courses c WHERE c.id IN ${sql`(${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`}`)) as unknown as { rows: { id: string; n: number }[] }).rows
    : [];
  const upcoming = new Map(countRows.map((r) => [r.id, Number(r.n)]));
  const [parts, people, languages] = await Promise.all([
    loadCourseParts(db, ids, false),
    peopleDirectory(db, rows.map((r) => r.contact_person_id)),
    languagesOf(status),
  ]);
  const units = await unitDirectory(db, [...parts.audienceUnitIds.values()].flat());
  const items: CourseSummaryView[] = rows.map((r) => {
    const contact = people.get(r.contact_person_id);
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      summary: r.summary,
      format: r.format,
      durationMinutes: Number(r.duration_minutes),
      languages: r.languages,
      status: r.status,
      interests: parts.interests.get(r.id) ?? [],
      audienceBusinessUnits: unitsOf(parts.audienceUnitIds.get(r.id), units),
      contact: { id: r.contact_person_id, name: contact?.name ?? 'Unknown', email: contact?.email ?? '' },
      nextSession: r.next_id
        ? { id: r.next_id, startsAt: iso(r.next_starts_at)!, endsAt: iso(r.next_ends_at)!, timeZone: r.next_time_zone!, language: r.next_language!, capacity: Number(r.next_capacity) }
        : null,
      upcomingSessionCount: upcoming.get(r.id) ?? 0,
    };
  });
  const total = rows.length > 0 ? Number(rows[0]!.total) : query.page > 1 ? await countOnly(db, where, window) : 0;
  const value = {
    items,
    total,
    page: query.page,
    pageSize: query.pageSize,
    languages,
  };
  return { value, validUntil: validUntil(rows, query, from, now) };
}

/**
 * Time changes a search only when a session it counts starts (it leaves the window, and a course's
 * next session, ranking and count move on): the earliest next session among all the matches — or
 * the chosen start date, while that is still ahead and the window starts there rather than now.
 * A page past the end is counted on its own, without those starts: it is not kept.
 */
function validUntil(rows: Row[], query: ListCoursesQuery, from: Date, now: Date): Date | null {
  if (rows.length === 0) return query.page > 1 ? now : null;
  const first = rows[0]!.first_next_start;
  const times = [first === null ? Number.POSITIVE_INFINITY : new Date(first).getTime() + 1, from > now ? from.getTime() : Number.POSITIVE_INFINITY];
  const until = Math.min(...times);
  return Number.isFinite(until) ? new Date(until) : null;
}

/** Every language the courses of a status are taught in: the language filter's choices, whatever the search. */
export async function catalogLanguages(db: DbOrTx, status: string): Promise<string[]> {
  const result = await db.execute(sql`SELECT DISTINCT unnest(languages) AS language FROM courses WHERE status = ${status} ORDER BY 1`);
  return (result as unknown as { rows: { language: string }[] }).rows.map((r) => r.language);
}

/** A page past the end has no rows to carry the total: count it on its own. */
async function countOnly(db: DbOrTx, where: SQL[], window: SQL): Promise<number> {
  const result = await db.execute(sql`
    SELECT count(*)::int AS n FROM courses c
    LEFT JOIN LATERAL (SELECT s.id FROM course_sessions s WHERE ${window} ORDER BY s.starts_at LIMIT 1) nx ON true
    WHERE ${sql.join(where, sql` AND `)}`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}
