import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { readVersions } from './schema';

// Reads many people make alike (a course page, a catalog search), kept in this process and served
// again only while nothing they show has changed (decision 032): the database keeps a version per
// family of reads, which triggers on the tables behind them raise at the commit of every change.
// A hit costs one indexed read of that version instead of the statements behind the page, and is
// exact across processes: a change committed anywhere is seen by the next request everywhere.
//
// A value may also depend on the time (a session that starts drops out of "upcoming"): whoever loads
// it says until when it holds, in the clock the caller passes, so a test's clock works too.

export type Loaded<V> = { value: V; validUntil: Date | null };

type Entry<V> = { version: number; from: number; until: number; value: V };

export type VersionedCache<V> = {
  /**
   * The value for `key` as of `now`: the cached one when the family's version is unchanged and
   * `now` is within its validity, otherwise what `load` reads (kept for the next request).
   * Use outside transactions only: a writer's own changes raise the version at its commit.
   */
  read(db: DbOrTx, key: string, now: Date, load: () => Promise<Loaded<V>>): Promise<V>;
};

export async function currentVersion(db: DbOrTx, family: string): Promise<number> {
  const [row] = await db.select({ version: readVersions.version }).from(readVersions).where(eq(readVersions.name, family));
  // A family without a row has no triggers behind it: never trust a cached value for it.
  return row ? Number(row.version) : Number.NaN;
}

export function versionedCache<V>(family: string, maxEntries: number): VersionedCache<V> {
  const entries = new Map<string, Entry<V>>();
  return {
    async read(db, key, now, load) {
      // The version first, then the read: a change committed in between makes the stored value
      // newer than its version says, so the next request reads again rather than serve it stale.
      const version = await currentVersion(db, family);
      const at = now.getTime();
      const hit = entries.get(key);
      if (hit && hit.version === version && hit.from <= at && at < hit.until) return hit.value;
      const loaded = await load();
      if (!Number.isNaN(version)) {
        entries.delete(key);
        // Oldest first out: a Map iterates in insertion order.
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(key, { version, from: at, until: loaded.validUntil?.getTime() ?? Number.POSITIVE_INFINITY, value: loaded.value });
      }
      return loaded.value;
    },
  };
}
