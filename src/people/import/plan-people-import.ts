import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import type { FieldError } from '../../platform/http/app-error';
import { emailSchema, isTimeZone, localeSchema } from '../../platform/http/common-schemas';
import { businessUnits, people } from '../schema';
import type { CsvRow } from './parse-people-csv';

export type PlannedPerson = {
  row: number;
  employeeId: string;
  name: string;
  email: string;
  jobTitle: string;
  businessUnitKey: string | null;
  managerEmployeeId: string | null;
  timeZone: string;
  locale: string;
  existing: ExistingPerson | undefined;
  change: 'create' | 'update' | 'unchanged';
};

type ExistingPerson = {
  id: string;
  employee_id: string;
  name: string;
  email: string;
  job_title: string;
  bu_code: string | null;
  manager_employee_id: string | null;
  time_zone: string;
  locale: string;
};

export type ImportPlan = {
  people: PlannedPerson[];
  errors: FieldError[];
  /** Business units named in the file that Stride does not know yet, keyed by code. */
  newUnits: Map<string, string>;
  /** Every unit the file names, by the key used in the file → its code. */
  unitCodes: Map<string, string>;
};

export function unitCodeOf(value: string): string {
  return value.trim().normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'UNIT';
}

/**
 * Checks every row against the file and the people already in Stride, and
 * decides for each whether it creates, updates or leaves a person unchanged.
 * Nothing is written here; a plan with errors is never applied.
 */
export async function planPeopleImport(db: DbOrTx, rows: CsvRow[], defaultTimeZone: string): Promise<ImportPlan> {
  const errors: FieldError[] = [];
  const err = (row: number, field: string, message: string) => errors.push({ row, field, message });

  const existingResult = await db.execute(sql`
    SELECT p.id, p.employee_id, p.name, p.email, p.job_title, p.time_zone, p.locale, bu.code AS bu_code, m.employee_id AS manager_employee_id
    FROM ${people} p LEFT JOIN ${businessUnits} bu ON bu.id = p.business_unit_id LEFT JOIN ${people} m ON m.id = p.manager_id`);
  const existing = (existingResult as unknown as { rows: ExistingPerson[] }).rows;
  const byEmployeeId = new Map(existing.map((p) => [p.employee_id, p]));
  const byEmail = new Map(existing.map((p) => [p.email.toLowerCase(), p]));

  const unitRows = (await db.select().from(businessUnits)) as { code: string; name: string }[];
  const unitByKey = new Map<string, string>();
  for (const u of unitRows) {
    unitByKey.set(u.code.toLowerCase(), u.code);
    unitByKey.set(u.name.toLowerCase(), u.code);
  }
  const newUnits = new Map<string, string>();
  const unitCodes = new Map<string, string>();
  // Different names can make the same code ("R&D", "R D"; every non-Latin name makes
  // "UNIT"): a new unit gets a code no other unit has, so units are never merged.
  const takenCodes = new Set(unitRows.map((u) => u.code));
  const freeCode = (base: string) => {
    let code = base;
    for (let n = 2; takenCodes.has(code); n++) code = `${base.slice(0, 36)}-${n}`;
    takenCodes.add(code);
    return code;
  };

  const seenIds = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  const planned: PlannedPerson[] = [];

  for (const { row, values } of rows) {
    const employeeId = values.employee_id ?? '';
    const name = values.name ?? '';
    const rawEmail = values.email ?? '';
    let ok = true;
    if (!employeeId) (ok = false), err(row, 'employee_id', 'Employee id is required.');
    else if (employeeId.length > 64) (ok = false), err(row, 'employee_id', 'Employee id is longer than 64 characters.');
    else if (seenIds.has(employeeId)) (ok = false), err(row, 'employee_id', `Duplicate employee id ${employeeId} (also on row ${seenIds.get(employeeId)}).`);
    else seenIds.set(employeeId, row);
    if (!name) (ok = false), err(row, 'name', 'Name is required.');
    else if (name.length > 200) (ok = false), err(row, 'name', 'Name is longer than 200 characters.');
    const email = emailSchema.safeParse(rawEmail);
    if (!email.success) (ok = false), err(row, 'email', rawEmail ? `"${rawEmail.slice(0, 80)}" is not a valid e-mail address.` : 'E-mail is required.');
    else if (seenEmails.has(email.data)) (ok = false), err(row, 'email', `Duplicate e-mail ${email.data} (also on row ${seenEmails.get(email.data)}).`);
    else {
      seenEmails.set(email.data, row);
      const owner = byEmail.get(email.data);
      if (owner && owner.employee_id !== employeeId) {
        ok = false;
        err(row, 'email', `${email.data} already belongs to employee ${owner.employee_id}.`);
      }
    }
    // A blank or missing time zone or locale keeps what the person has (an
    // admin may have set it by hand); only new people get the defaults.
    const known = byEmployeeId.get(employeeId);
    const timeZone = values.time_zone || known?.time_zone || defaultTimeZone;
    if (!isTimeZone(timeZone)) (ok = false), err(row, 'time_zone', `Unknown time zone "${timeZone.slice(0, 60)}"; use an IANA name such as Europe/Paris.`);
    const locale = values.locale || known?.locale || 'en';
    if (!localeSchema.safeParse(locale).success) (ok = false), err(row, 'locale', `Unknown locale "${locale.slice(0, 20)}"; use e.g. en or fr-CA.`);
    const jobTitle = values.job_title ?? '';
    if (jobTitle.length > 200) (ok = false), err(row, 'job_title', 'Job title is longer than 200 characters.');
    const unitValue = values.business_unit ?? '';
    let businessUnitKey: string | null = null;
    if (unitValue) {
      let code = unitByKey.get(unitValue.toLowerCase());
      if (!code) {
        code = freeCode(unitCodeOf(unitValue));
        newUnits.set(code, unitValue.slice(0, 200));
        unitByKey.set(unitValue.toLowerCase(), code);
      }
      unitCodes.set(unitValue, code);
      businessUnitKey = code;
    }
    const managerEmployeeId = values.manager_employee_id || null;
    if (managerEmployeeId && managerEmployeeId === employeeId) (ok = false), err(row, 'manager_employee_id', 'A person cannot be their own manager.');
    if (!ok || !email.success) continue;
    const before = byEmployeeId.get(employeeId);
    const same =
      before &&
      before.name === name &&
      before.email.toLowerCase() === email.data &&
      before.job_title === jobTitle &&
      (before.bu_code ?? null) === businessUnitKey &&
      (before.manager_employee_id ?? null) === managerEmployeeId &&
      before.time_zone === timeZone &&
      before.locale === locale;
    planned.push({
      row, employeeId, name, email: email.data, jobTitle, businessUnitKey, managerEmployeeId, timeZone, locale,
      existing: before,
      change: !before ? 'create' : same ? 'unchanged' : 'update',
    });
  }

  // Managers must exist (in the file or in Stride), and the reporting lines the
  // file would produce, merged with those already in Stride, must not loop.
  const managerOf = new Map<string, string | null>(existing.map((p) => [p.employee_id, p.manager_employee_id]));
  const inFile = new Set(rows.map((r) => r.values.employee_id ?? ''));
  for (const p of planned) managerOf.set(p.employeeId, p.managerEmployeeId);
  for (const p of planned) {
    if (p.managerEmployeeId && !inFile.has(p.managerEmployeeId) && !byEmployeeId.has(p.managerEmployeeId)) {
      err(p.row, 'manager_employee_id', `Unknown manager ${p.managerEmployeeId}: not in this file and not in Stride.`);
    }
  }
  const inCycle = new Set<string>();
  for (const p of planned) {
    const seen = new Set<string>([p.employeeId]);
    let cursor = managerOf.get(p.employeeId) ?? null;
    while (cursor) {
      if (seen.has(cursor)) {
        if (cursor === p.employeeId) inCycle.add(p.employeeId);
        break;
      }
      seen.add(cursor);
      cursor = managerOf.get(cursor) ?? null;
    }
  }
  for (const p of planned) {
    if (inCycle.has(p.employeeId)) {
      err(p.row, 'manager_employee_id', `Reporting loop: ${p.employeeId} would end up managing their own manager (via ${p.managerEmployeeId}).`);
    }
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { people: planned, errors, newUnits, unitCodes };
}
