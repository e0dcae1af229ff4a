import type { DbOrTx } from '../platform/db/database';

// A clock knows its subject by type and id. The capability that owns a subject says how people
// quote it ("Q-000123"), so the compliance report can name a breach without reading that
// capability's tables. A reference says which thing, never what it is about: the report reaches
// leaders, who must not learn what someone asked the unit.

export type SubjectReferencer = (db: DbOrTx, ids: readonly string[]) => Promise<Map<string, string>>;

/** Where a subject's page is, for reports that link to the record behind a figure (VA-2). */
export type SubjectHref = (id: string) => string;

const referencers = new Map<string, SubjectReferencer>();
const hrefs = new Map<string, SubjectHref>();

/** Called once by the app shell (app/routes.ts) for each subject type a capability owns. */
export function registerSubjectReferences(subjectType: string, referencer: SubjectReferencer, href?: SubjectHref): void {
  referencers.set(subjectType, referencer);
  if (href) hrefs.set(subjectType, href);
}

/** The subject's page in Stride, or null where its owner offers none. */
export function subjectHref(subjectType: string, subjectId: string): string | null {
  return hrefs.get(subjectType)?.(subjectId) ?? null;
}

/** References for the given subjects, keyed `type:id`; a subject nobody describes gets none. */
export async function findSubjectReferences(db: DbOrTx, subjects: readonly { subjectType: string; subjectId: string }[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const byType = new Map<string, string[]>();
  for (const s of subjects) byType.set(s.subjectType, [...(byType.get(s.subjectType) ?? []), s.subjectId]);
  for (const [type, ids] of byType) {
    const referencer = referencers.get(type);
    if (!referencer) continue;
    for (const [id, reference] of await referencer(db, [...new Set(ids)])) found.set(`${type}:${id}`, reference);
  }
  return found;
}
