import { eq, max } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { AppError } from '../platform/http/app-error';
import { recordAudit } from '../platform/audit/record-audit';
import { replaceServiceLevels } from '../service-levels/replace-service-levels';
import { charterDraftSchema, type CharterDraft } from './charter-schema';
import { charterVersions } from './schema';

export type SavedDraft = { id: string; version: number };

/** Throws a field-by-field AppError when the draft is not a charter Stride can measure. */
export function parseCharterDraft(input: unknown): CharterDraft {
  const parsed = charterDraftSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw AppError.invalid(
    parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    'The charter draft needs attention:',
  );
}

/**
 * Creates the one draft (numbered after the last version) or replaces its contents. Published
 * versions are never touched: editing the charter never rewrites history (CH-4).
 */
export async function saveCharterDraft(tx: DbOrTx, clock: Clock, actorId: string | null, input: unknown): Promise<SavedDraft> {
  const draft = parseCharterDraft(input);
  const now = clock.now();
  const [existing] = await tx.select().from(charterVersions).where(eq(charterVersions.status, 'draft')).for('update');
  let saved: SavedDraft;
  if (existing) {
    await tx
      .update(charterVersions)
      .set({ content: draft.content, calendar: draft.calendar, changeSummary: draft.changeSummary, updatedAt: now })
      .where(eq(charterVersions.id, existing.id));
    saved = { id: existing.id, version: existing.version };
  } else {
    const [last] = await tx.select({ n: max(charterVersions.version) }).from(charterVersions);
    const [row] = await tx
      .insert(charterVersions)
      .values({
        version: (last?.n ?? 0) + 1,
        status: 'draft',
        content: draft.content,
        calendar: draft.calendar,
        changeSummary: draft.changeSummary,
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: charterVersions.id, version: charterVersions.version });
    saved = row!;
  }
  await replaceServiceLevels(tx, saved.id, draft.serviceLevels);
  await recordAudit(tx, {
    actorId,
    action: existing ? 'charter.draft-updated' : 'charter.draft-created',
    entity: 'charter-version',
    entityId: saved.id,
    after: { version: saved.version, changeSummary: draft.changeSummary, serviceLevels: draft.serviceLevels.map((l) => l.key) },
  });
  return saved;
}
