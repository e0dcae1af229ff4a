import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { isUniqueViolation } from '../catalog/unique-violation';
import { assignContentIds } from './assign-content-ids';
import { standardDraftInput, type StandardDraftInput } from './standard-content';
import type { StandardKind } from './standard-kinds';
import type { StandardVersionView } from './standard-views';
import { findStandardByStatus, standardVersionViewOf } from './read-standard-version';
import { standardVersions } from './schema';

/**
 * Creates the standard's one draft (numbered after its last version) or replaces what it says.
 * Published versions are never touched: editing a standard never rewrites what work was checked
 * against (ST-1).
 */
export async function saveStandardDraft(db: Db, clock: Clock, actor: Actor, kind: StandardKind, input: StandardDraftInput): Promise<StandardVersionView> {
  const parsed = standardDraftInput.parse(input);
  if (parsed.content.kind !== kind) {
    throw AppError.invalid([{ field: 'content.kind', message: `This is the ${kind} draft; its content must be of that kind.` }]);
  }
  const content = assignContentIds(parsed.content);
  const now = clock.now();
  try {
    return await db.transaction(async (tx) => {
      const existing = await findStandardByStatus(tx, kind, 'draft', true);
      let row;
      if (existing) {
        [row] = await tx
          .update(standardVersions)
          .set({ content, changeSummary: parsed.changeSummary, updatedAt: now })
          .where(eq(standardVersions.id, existing.id))
          .returning();
      } else {
        const [last] = await tx.select({ n: max(standardVersions.version) }).from(standardVersions).where(and(eq(standardVersions.kind, kind)));
        [row] = await tx
          .insert(standardVersions)
          .values({ kind, version: (last?.n ?? 0) + 1, status: 'draft', content, changeSummary: parsed.changeSummary, createdBy: actor.id, createdAt: now, updatedAt: now })
          .returning();
      }
      if (!row) throw new AppError('internal', 'The draft could not be saved.');
      await recordAudit(tx, {
        actorId: actor.id,
        action: existing ? 'standard.draft-updated' : 'standard.draft-created',
        entity: 'standard-version',
        entityId: row.id,
        before: existing ? { version: existing.version, checklist: existing.content.checklist.length } : undefined,
        after: { kind, version: row.version, changeSummary: parsed.changeSummary, checklist: content.checklist.length },
      });
      return standardVersionViewOf(tx, row);
    });
  } catch (error) {
    // Two first saves at once both find no draft; the one-draft index lets one of them in.
    if (isUniqueViolation(error)) throw new AppError('conflict', 'Someone else started this draft at the same moment; reload it and save your changes again.');
    throw error;
  }
}
