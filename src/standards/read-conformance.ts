import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import { resolveCheckSubject } from './check-subjects';
import { mayCheckStandards } from './standard-editors';
import { standardKindInfo, standardKinds, type CheckSubjectType, type StandardKind } from './standard-kinds';
import type { ConformanceState, ConformanceView, StandardConformanceView } from './standard-views';
import { findStandardByStatus, personRef, type StandardVersionRow } from './read-standard-version';
import { standardChecks, standardVersions } from './schema';

type CheckRow = typeof standardChecks.$inferSelect;

function stateOf(counts: { passed: number; waived: number; failed: number; unchecked: number }): ConformanceState {
  if (counts.passed + counts.waived + counts.failed === 0) return 'not-checked';
  if (counts.failed > 0) return 'gaps';
  if (counts.unchecked > 0) return 'incomplete';
  return 'conforms';
}

async function conformanceOf(tx: DbOrTx, kind: StandardKind, subjectType: CheckSubjectType, version: StandardVersionRow | undefined, inForce: StandardVersionRow | undefined, checks: CheckRow[]): Promise<StandardConformanceView | null> {
  const base = { kind, name: standardKindInfo[kind].name, inForceVersion: inForce?.version ?? null };
  // A standard not yet published, or none of whose items concern this kind of subject, is not
  // part of its conformance.
  const applicable = version?.content.checklist.filter((item) => item.appliesTo.includes(subjectType)) ?? [];
  if (!version || applicable.length === 0) return null;
  const byItem = new Map(checks.filter((c) => c.standardVersionId === version.id).map((c) => [c.itemId, c]));
  const items: StandardConformanceView['items'] = [];
  for (const item of applicable) {
    const check = byItem.get(item.id);
    items.push({
      id: item.id,
      text: item.text,
      result: check?.result ?? null,
      reason: check?.reason ?? '',
      checkedBy: check ? await personRef(tx, check.checkedBy) : null,
      checkedAt: check?.checkedAt.toISOString() ?? null,
    });
  }
  const count = (r: string | null) => items.filter((i) => i.result === r).length;
  const counts = { passed: count('passed'), waived: count('waived'), failed: count('failed'), unchecked: count(null) };
  return { ...base, version: version.version, items, ...counts, state: stateOf(counts) };
}

/**
 * How a course, session or deliverable conforms to each standard (ST-2): against the last version
 * it was checked against (so a new version never silently turns old passes into gaps), or the
 * version in force when it was never checked. `inForceVersion` tells when it is due a new check.
 */
export async function readConformance(tx: DbOrTx, actor: Actor, subjectType: CheckSubjectType, subjectId: string): Promise<ConformanceView> {
  const subjectLabel = await resolveCheckSubject(tx, actor, subjectType, subjectId);
  const checks = await tx.select().from(standardChecks).where(and(eq(standardChecks.subjectType, subjectType), eq(standardChecks.subjectId, subjectId)));
  const versionIds = [...new Set(checks.map((c) => c.standardVersionId))];
  const checkedVersions = versionIds.length ? await tx.select().from(standardVersions).where(inArray(standardVersions.id, versionIds)) : [];
  const standards: StandardConformanceView[] = [];
  for (const kind of standardKinds) {
    const inForce = await findStandardByStatus(tx, kind, 'published');
    const lastChecked = checkedVersions.filter((v) => v.kind === kind).sort((a, b) => b.version - a.version)[0];
    const view = await conformanceOf(tx, kind, subjectType, lastChecked ?? inForce, inForce, checks);
    if (view) standards.push(view);
  }
  return { subjectType, subjectId, subjectLabel, mayCheck: mayCheckStandards(actor), standards };
}
