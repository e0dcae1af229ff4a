import { sql } from 'drizzle-orm';
import {
  pgTable, uuid, text, timestamp, boolean, integer, jsonb, primaryKey, uniqueIndex, index,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { roles } from '../platform/auth/roles';

export const businessUnits = pgTable(
  'business_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('business_units_code_idx').on(t.code)],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    employeeId: text('employee_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title').notNull().default(''),
    businessUnitId: uuid('business_unit_id').references(() => businessUnits.id),
    managerId: uuid('manager_id').references((): AnyPgColumn => people.id),
    timeZone: text('time_zone').notNull().default('UTC'),
    locale: text('locale').notNull().default('en'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_employee_id_idx').on(t.employeeId),
    uniqueIndex('people_email_idx').on(sql`lower(${t.email})`),
    index('people_manager_idx').on(t.managerId),
    index('people_business_unit_idx').on(t.businessUnitId),
    index('people_name_idx').on(t.name),
  ],
);


export const personRoles = pgTable(
  'person_roles',
  {
    personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.role] })],
);

/** One upload of an HR export: its preview, and once applied, its outcome. */
export const peopleImports = pgTable('people_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdBy: uuid('created_by').notNull().references(() => people.id),
  fileName: text('file_name').notNull(),
  csv: text('csv').notNull(),
  status: text('status', { enum: ['previewed', 'rejected', 'applying', 'applied', 'failed'] }).notNull(),
  totalRows: integer('total_rows').notNull(),
  summary: jsonb('summary').$type<{ created: number; updated: number; unchanged: number; newUnits: string[] }>().notNull(),
  errors: jsonb('errors').$type<{ row: number; field: string; message: string }[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
});
