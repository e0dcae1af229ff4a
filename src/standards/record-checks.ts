import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { resolveCheckSubject } from './check-subjects';
import { checkSubjectLabels, standardKindInfo, type CheckSubjectType } from './standard-kinds';
import { recordChecksInput, type ConformanceView, type RecordChecksInput } from './standard-views';
import { findStandardVersion } from './read-standard-version';
import { readConformance } from './read-conformance';
import { standardChecks } from './schema';

/**
 * Records results of checking a course, session or deliverable against a published version of a
 * standard (ST-2): passed, failed, or waived with a reason. All results land together or none do;
 * an item checked again keeps only its latest result here and its earlier one in the audit log.
 */
export async function recordChecks(db: Db, clock: Clock, actor: Actor, subjectType: CheckSubjectType, subjectId: string, input: RecordChecksInput): Promise<ConformanceView> {
  const { kind, version, results } = recordChecksInput.parse(input);
  return db.transaction(async (tx) => {
    await resolveCheckSubject(tx, actor, subjectType, subjectId);
    const row = await findStandardVersion(tx, kind, version);
    if (!row || row.status === 'draft') {
      throw AppError.invalid([{ field: 'version', message: `Version ${version} of the ${standardKindInfo[kind].name.toLowerCase()} is not published; check against a published version.` }]);
    }
    const applicable = new Set(row.content.checklist.filter((i) => i.appliesTo.includes(subjectType)).map((i) => i.id));
    const fieldErrors = results.flatMap((r, index) =>
      applicable.has(r.itemId) ? [] : [{ field: `results.${index}.itemId`, message: `This item is not on version ${version}'s checklist for a ${checkSubjectLabels[subjectType].toLowerCase()}.` }],
    );
    const seen = new Set<string>();
    results.forEach((r, index) => {
      if (seen.has(r.itemId)) fieldErrors.push({ field: `results.${index}.itemId`, message: 'This item is listed twice.' });
      seen.add(r.itemId);
    });
    if (fieldErrors.length) throw AppError.invalid(fieldErrors, 'Some results need attention:');

    const where = and(eq(standardChecks.subjectType, subjectType), eq(standardChecks.subjectId, subjectId), eq(standardChecks.standardVersionId, row.id), inArray(standardChecks.itemId, [...seen]));
    const before = await tx.select({ itemId: standardChecks.itemId, result: standardChecks.result, reason: standardChecks.reason }).from(standardChecks).where(where);
    const now = clock.now();
    await tx
      .insert(standardChecks)
      .values(results.map((r) => ({ standardVersionId: row.id, subjectType, subjectId, itemId: r.itemId, result: r.result, reason: r.reason, checkedBy: actor.id, checkedAt: now })))
      .onConflictDoUpdate({
        target: [standardChecks.subjectType, standardChecks.subjectId, standardChecks.standardVersionId, standardChecks.itemId],
        set: { result: sql`excluded.result`, reason: sql`excluded.reason`, checkedBy: sql`excluded.checked_by`, checkedAt: sql`excluded.checked_at` },
      });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'standard.checked',
      entity: subjectType,
      entityId: subjectId,
      before: before.length ? before : undefined,
      after: { kind, version, results },
    });
    return readConformance(tx, actor, subjectType, subjectId);
  });
}
