import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

// A version per family of cached reads (decision 032). Triggers on the tables a family reads add
// one at the commit of every change (migration 0020); a cached read is served only while the
// version it was read at is still current.
export const readVersions = pgTable('read_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
