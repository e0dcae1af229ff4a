import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import type { Db, DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { getUnitSettings } from '../../platform/settings/unit-settings';
import { recordAudit } from '../../platform/audit/record-audit';
import { peopleImports } from '../schema';
import type { ImportStatus } from '../people-schemas';
import { parsePeopleCsv } from './parse-people-csv';
import { planPeopleImport, type ImportPlan } from './plan-people-import';
import { liveImportStatus } from './import-progress';

/** The errors shown in one answer; the count says how many there are in all. */
export const ERRORS_SHOWN = 500;

export async function planFromCsv(db: DbOrTx, csv: string): Promise<{ plan: ImportPlan | undefined; errors: ImportPlan['errors']; totalRows: number }> {
  const parsed = parsePeopleCsv(csv);
  if (parsed.errors.length) return { plan: undefined, errors: parsed.errors, totalRows: parsed.rows.length };
  const unit = await getUnitSettings(db);
  const plan = await planPeopleImport(db, parsed.rows, unit.timeZone);
  return { plan, errors: plan.errors, totalRows: parsed.rows.length };
}

export function summaryOf(plan: ImportPlan | undefined) {
  const count = (c: string) => plan?.people.filter((p) => p.change === c).length ?? 0;
  return { created: count('create'), updated: count('update'), unchanged: count('unchanged'), newUnits: [...(plan?.newUnits.values() ?? [])] };
}

/** Checks an uploaded HR export and keeps it with its preview; nothing in the directory changes. */
export async function previewPeopleImport(db: Db, actor: Actor, input: { fileName: string; csv: string }): Promise<ImportStatus> {
  const { plan, errors, totalRows } = await planFromCsv(db, input.csv);
  const status = errors.length ? 'rejected' : 'previewed';
  const [row] = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(peopleImports)
      .values({ createdBy: actor.id, fileName: input.fileName, csv: input.csv, status, totalRows, summary: summaryOf(plan), errors: errors.map((e) => ({ row: e.row ?? 0, field: e.field, message: e.message })) })
      .returning();
    await recordAudit(tx, { actorId: actor.id, action: 'preview', entity: 'people-import', entityId: inserted[0]!.id, after: { fileName: input.fileName, status, totalRows, errorCount: errors.length } });
    return inserted;
  });
  return toStatus(row!);
}

export function toStatus(row: typeof peopleImports.$inferSelect): ImportStatus {
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    totalRows: row.totalRows,
    processedRows: row.status === 'applied' ? row.totalRows : 0,
    summary: row.summary,
    errors: row.errors.slice(0, ERRORS_SHOWN),
    errorCount: row.errors.length,
    createdAt: row.createdAt.toISOString(),
    appliedAt: row.appliedAt ? row.appliedAt.toISOString() : null,
  };
}

export async function getPeopleImport(db: DbOrTx, id: string): Promise<ImportStatus> {
  const live = liveImportStatus(id);
  if (live) return live;
  const [row] = await db.select().from(peopleImports).where(eq(peopleImports.id, id));
  if (!row) throw AppError.notFound('This import');
  return toStatus(row);
}
