import { pgTable, text, timestamp, integer, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

// The training unit's own profile: who it is and how to reach it. Every page
// and every message carries these contact details (CA-7).
export const unitSettings = pgTable(
  'unit_settings',
  {
    id: integer('id').primaryKey().default(1),
    organizationName: text('organization_name').notNull(),
    unitName: text('unit_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone').notNull(),
    location: text('location').notNull(),
    officeHours: text('office_hours').notNull(),
    timeZone: text('time_zone').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('unit_settings_single_row', sql`${t.id} = 1`)],
);
