import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back a Uint8Array, node-postgres a Buffer: callers always get a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

// An attached file, kept in the database beside the row it belongs to (decision 023): written in
// the same transaction as its owner, in every backup, on both engines. A file belongs to exactly
// one owner (a capability's subject type and id); the owner's capability decides who may read it.
// Who uploaded it is deliberately not recorded here: an anonymous complaint's attachment must not
// say who sent it; the owner's row (or the audit log) records that where it may be known.
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    // The name as given, for display only: the type comes from the content (media_type).
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('stored_files_owner_idx').on(t.ownerType, t.ownerId)],
);
