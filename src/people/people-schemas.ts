import { z } from 'zod';
import { roles } from '../platform/auth/roles';
import { emailSchema, localeSchema, timeZoneSchema } from '../platform/http/common-schemas';

// Shared by the people pages' forms and the server's checks.
export const roleSchema = z.enum(roles);

export const personRef = z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string() });

export const personSummary = z
  .object({
    id: z.uuid(),
    employeeId: z.string(),
    name: z.string(),
    email: z.string(),
    jobTitle: z.string(),
    businessUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    manager: personRef.nullable(),
    roles: z.array(roleSchema),
    active: z.boolean(),
    directReportCount: z.number().int(),
  })
  .meta({ id: 'PersonSummary' });
export type PersonSummary = z.infer<typeof personSummary>;

export const personDetail = personSummary
  .extend({
    timeZone: z.string(),
    locale: z.string(),
    managerChain: z.array(personRef),
    reports: z.array(personRef),
  })
  .meta({ id: 'PersonDetail' });
export type PersonDetail = z.infer<typeof personDetail>;

export const listPeopleQuery = z.object({
  q: z.string().trim().max(200).optional(),
  businessUnitId: z.uuid().optional(),
  role: roleSchema.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const personFields = {
  employeeId: z.string().trim().min(1, 'Employee id is required.').max(64, 'Employee id is too long.'),
  name: z.string().trim().min(1, 'Name is required.').max(200, 'Name is too long.'),
  email: emailSchema,
  jobTitle: z.string().trim().max(200, 'Job title is too long.'),
  businessUnitId: z.uuid('Choose a business unit.').nullable(),
  managerId: z.uuid('Choose a manager.').nullable(),
  timeZone: timeZoneSchema,
  locale: localeSchema,
  roles: z.array(roleSchema).max(roles.length),
  active: z.boolean(),
};
export const personInput = z.object({
  ...personFields,
  jobTitle: personFields.jobTitle.default(''),
  businessUnitId: personFields.businessUnitId.default(null),
  managerId: personFields.managerId.default(null),
  timeZone: personFields.timeZone.default('UTC'),
  locale: personFields.locale.default('en'),
  roles: personFields.roles.default([]),
  active: personFields.active.default(true),
});
export type PersonInput = z.infer<typeof personInput>;
// No defaults in a patch: zod fills defaults in even for optional fields, and a
// PATCH of one field would then reset the others (roles, manager, time zone...).
export const personPatch = z.object(personFields).partial();

export const businessUnitSchema = z
  .object({ id: z.uuid(), code: z.string(), name: z.string(), peopleCount: z.number().int() })
  .meta({ id: 'BusinessUnit' });

export const orgChartNode = z.object({
  id: z.uuid(),
  name: z.string(),
  jobTitle: z.string(),
  businessUnit: z.string().nullable(),
  reportCount: z.number().int(),
});
export const orgChartResponse = z.object({
  /** The person whose team is shown; null at the top of the organization. */
  root: orgChartNode.nullable(),
  chain: z.array(orgChartNode),
  reports: z.array(orgChartNode),
});

export const importRequest = z.object({
  fileName: z.string().trim().min(1).max(255),
  csv: z.string().min(1, 'The file is empty.'),
});
export const importError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export const importStatus = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    status: z.enum(['previewed', 'rejected', 'applying', 'applied', 'failed']),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    summary: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), newUnits: z.array(z.string()) }),
    errors: z.array(importError),
    errorCount: z.number().int(),
    createdAt: z.string(),
    appliedAt: z.string().nullable(),
  })
  .meta({ id: 'PeopleImport' });
export type ImportStatus = z.infer<typeof importStatus>;

/** The columns of an HR export Stride understands; header names are matched case-insensitively. */
export const importColumns = [
  { name: 'employee_id', required: true, help: 'Unique, stable id from HR; the key for updates.' },
  { name: 'name', required: true, help: 'Full name as people use it.' },
  { name: 'email', required: true, help: 'Work e-mail, unique.' },
  { name: 'job_title', required: false, help: 'Job title.' },
  { name: 'business_unit', required: false, help: 'Business unit code or name; new units are created.' },
  { name: 'manager_employee_id', required: false, help: "The manager's employee_id, in this file or already in Stride." },
  { name: 'time_zone', required: false, help: 'IANA time zone, e.g. Europe/Paris (default: the unit\'s).' },
  { name: 'locale', required: false, help: 'Language, e.g. en or fr-CA (default en).' },
] as const;
