import type { DbOrTx } from '../platform/db/database';
import type { Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import { checkSubjectLabels, type CheckSubjectType } from './standard-kinds';

/**
 * Answers what a subject is called, throwing not found when the reader may not see it. Each kind
 * of subject lives in its own capability (a course and a session in the catalog, a deliverable in
 * development), which answers for it: standards never reads their tables (ST-2).
 */
export type CheckSubjectResolver = (tx: DbOrTx, actor: Actor, id: string) => Promise<string>;

const resolvers = new Map<CheckSubjectType, CheckSubjectResolver>();

/** Filled by app/routes.ts at start. */
export function registerCheckSubject(type: CheckSubjectType, resolver: CheckSubjectResolver): void {
  resolvers.set(type, resolver);
}

export async function resolveCheckSubject(tx: DbOrTx, actor: Actor, type: CheckSubjectType, id: string): Promise<string> {
  const resolver = resolvers.get(type);
  if (!resolver) throw AppError.notFound(`This ${checkSubjectLabels[type].toLowerCase()}`);
  return resolver(tx, actor, id);
}
