import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import type { Db, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { recordAudit, type AuditEntry } from '../../platform/audit/record-audit';
import { businessUnits, people, peopleImports } from '../schema';
import type { ImportStatus } from '../people-schemas';
import { planFromCsv, summaryOf, toStatus } from './preview-people-import';
import { clearImportProgress, setImportProgress, trackImport } from './import-progress';
import type { PlannedPerson } from './plan-people-import';

const BATCH = 500;

/** Marks a previewed import as being applied; the work itself is `runPeopleImport`. */
export async function startPeopleImport(db: Db, id: string): Promise<ImportStatus> {
  const [row] = await db
    .update(peopleImports)
    .set({ status: 'applying' })
    .where(sql`${peopleImports.id} = ${id} AND ${peopleImports.status} = 'previewed'`)
    .returning();
  if (!row) {
    const [existing] = await db.select({ status: peopleImports.status }).from(peopleImports).where(eq(peopleImports.id, id));
    if (!existing) throw AppError.notFound('This import');
    throw new AppError('conflict', existing.status === 'rejected' ? 'This file was rejected; fix the errors and upload it again.' : `This import is already ${existing.status}.`);
  }
  const status = toStatus(row);
  trackImport(status);
  return status;
}

/**
 * Applies an import in one transaction: the file is checked again against the
 * directory as it is now, then people are upserted by employee id and their
 * managers set. Any failure rolls everything back: nothing is half-applied.
 */
export async function runPeopleImport(db: Db, actor: Actor, id: string): Promise<ImportStatus> {
  try {
    // Let the 202 answer go out before the work starts.
    await yieldToEventLoop();
    const row = await db.transaction(async (tx) => {
      const [imp] = await tx.select().from(peopleImports).where(eq(peopleImports.id, id));
      if (!imp) throw AppError.notFound('This import');
      const { plan, errors, totalRows } = await planFromCsv(tx, imp.csv);
      if (!plan || errors.length) {
        throw new AppError('conflict', 'The directory changed since the preview and the file no longer applies cleanly.', { fields: errors });
      }
      const changed = plan.people.filter((p) => p.change !== 'unchanged');
      if (plan.newUnits.size) {
        await tx.insert(businessUnits).values([...plan.newUnits].map(([code, name]) => ({ code, name }))).onConflictDoNothing();
      }
      const audits: AuditEntry[] = [];
      // Unchanged rows count as done; of the rest, the first pass is 90% of the work and
      // setting managers the other 10%. Progress only ever grows.
      const unchanged = plan.people.length - changed.length;
      setImportProgress(id, unchanged);
      for (let i = 0; i < changed.length; i += BATCH) {
        const batch = changed.slice(i, i + BATCH);
        await upsertBatch(tx, batch);
        setImportProgress(id, unchanged + Math.floor((i + batch.length) * 0.9));
        await yieldToEventLoop();
      }
      for (let i = 0; i < changed.length; i += BATCH) {
        const batch = changed.slice(i, i + BATCH);
        await setManagers(tx, batch);
        setImportProgress(id, unchanged + Math.floor(changed.length * 0.9 + (i + batch.length) * 0.1));
        await yieldToEventLoop();
      }
      const ids = await idsByEmployeeId(tx, changed.map((p) => p.employeeId));
      for (const p of changed) {
        audits.push({
          actorId: actor.id,
          action: p.change === 'create' ? 'create' : 'update',
          entity: 'person',
          entityId: ids.get(p.employeeId) ?? p.employeeId,
          before: p.existing ? { name: p.existing.name, email: p.existing.email, jobTitle: p.existing.job_title, businessUnit: p.existing.bu_code, manager: p.existing.manager_employee_id, timeZone: p.existing.time_zone, locale: p.existing.locale } : null,
          after: { name: p.name, email: p.email, jobTitle: p.jobTitle, businessUnit: p.businessUnitKey, manager: p.managerEmployeeId, timeZone: p.timeZone, locale: p.locale, source: `import ${id}` },
        });
      }
      audits.push({ actorId: actor.id, action: 'apply', entity: 'people-import', entityId: id, after: summaryOf(plan) });
      await recordAudit(tx, ...audits);
      const [done] = await tx
        .update(peopleImports)
        .set({ status: 'applied', appliedAt: new Date(), summary: summaryOf(plan) })
        .where(eq(peopleImports.id, id))
        .returning();
      return done!;
    });
    return toStatus(row);
  } catch (e) {
    const errors = e instanceof AppError ? e.fields.map((f) => ({ row: f.row ?? 0, field: f.field, message: f.message })) : [{ row: 0, field: 'file', message: 'The import failed and nothing was changed.' }];
    await db.update(peopleImports).set({ status: 'failed', errors }).where(eq(peopleImports.id, id));
    throw e;
  } finally {
    clearImportProgress(id);
  }
}

// The embedded engine answers queries without ever returning to the event loop;
// without a pause between batches the whole server (progress polls included)
// would stand still until the import ends.
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function upsertBatch(tx: Tx, batch: PlannedPerson[]): Promise<void> {
  const unitIds = await tx.select({ id: businessUnits.id, code: businessUnits.code }).from(businessUnits);
  const unitByCode = new Map(unitIds.map((u) => [u.code, u.id]));
  await tx
    .insert(people)
    .values(
      batch.map((p) => ({
        employeeId: p.employeeId,
        name: p.name,
        email: p.email,
        jobTitle: p.jobTitle,
        businessUnitId: p.businessUnitKey ? (unitByCode.get(p.businessUnitKey) ?? null) : null,
        timeZone: p.timeZone,
        locale: p.locale,
      })),
    )
    .onConflictDoUpdate({
      target: people.employeeId,
      set: {
        name: sql`excluded.name`,
        email: sql`excluded.email`,
        jobTitle: sql`excluded.job_title`,
        businessUnitId: sql`excluded.business_unit_id`,
        timeZone: sql`excluded.time_zone`,
        locale: sql`excluded.locale`,
        updatedAt: sql`now()`,
      },
    });
}

async function setManagers(tx: Tx, batch: PlannedPerson[]): Promise<void> {
  const values = sql.join(
    batch.map((p) => sql`(${p.employeeId}::text, ${p.managerEmployeeId}::text)`),
    sql`, `,
  );
  await tx.execute(sql`
    UPDATE people p SET manager_id = m.id
    FROM (VALUES ${values}) AS v(employee_id, manager_employee_id)
    LEFT JOIN people m ON m.employee_id = v.manager_employee_id
    WHERE p.employee_id = v.employee_id`);
}

async function idsByEmployeeId(tx: Tx, employeeIds: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (let i = 0; i < employeeIds.length; i += 5000) {
    const chunk = employeeIds.slice(i, i + 5000);
    const rows = await tx.select({ id: people.id, employeeId: people.employeeId }).from(people).where(sql`${people.employeeId} IN ${chunk}`);
    for (const r of rows) map.set(r.employeeId, r.id);
  }
  return map;
}
