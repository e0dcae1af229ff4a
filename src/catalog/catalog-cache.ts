import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { versionedCache } from '../platform/cache/versioned-cache';
import { editsCatalog } from './catalog-editors';
import type { CourseDetailView, CourseListView, ListCoursesQuery } from './course-schemas';
import { catalogLanguages, loadCatalogSearch } from './search-catalog';
import { loadCoursePage } from './read-course';

// The catalog's most read answers, course pages and searches, kept per process while the catalog's
// version is unchanged (decision 032; migration 0020 names the tables that raise it). What differs
// between readers is only whether they edit the catalog (drafts, join links, instructors' addresses),
// so that is part of the key; nothing else about the reader is in the answer.

/** Enough for every course twice over (readers and editors) at 2,000 courses; a few MB. */
const PAGES = 5_000;
/** Distinct searches kept; the oldest go first. */
const SEARCHES = 5_000;

export type CatalogCache = {
  coursePage(db: DbOrTx, actor: Actor, id: string, now: Date): Promise<CourseDetailView>;
  search(db: DbOrTx, actor: Actor, query: ListCoursesQuery, now: Date): Promise<CourseListView>;
};

/** One per app (so per database): versions of different databases must never meet. */
export function catalogCache(): CatalogCache {
  const pages = versionedCache<CourseDetailView>('catalog', PAGES);
  const searches = versionedCache<CourseListView>('catalog', SEARCHES);
  // The language filter's choices are the same for every search: a search that misses still finds them kept.
  const languages = versionedCache<string[]>('catalog', 4);
  const languagesOf = (db: DbOrTx, now: Date) => (status: string) => languages.read(db, status, now, async () => ({ value: await catalogLanguages(db, status), validUntil: null }));
  const audience = (actor: Actor) => (editsCatalog(actor) ? 'editor' : 'reader');
  return {
    coursePage: (db, actor, id, now) => pages.read(db, `${audience(actor)} ${id}`, now, () => loadCoursePage(db, actor, id, now)),
    search: (db, actor, query, now) => searches.read(db, `${audience(actor)} ${JSON.stringify(query)}`, now, () => loadCatalogSearch(db, actor, query, now, languagesOf(db, now))),
  };
}
