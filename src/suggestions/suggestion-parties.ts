import type { DbOrTx } from '../platform/db/database';
import { hasRole, type Actor } from '../platform/auth/actor';
import { findPersonById, isInManagementChain, type PersonIdentity } from '../people/find-people';
import { getPersonDetail } from '../people/get-person';

/**
 * The reviewer of a person's suggestions: their manager in the org chart now (people move; the
 * history keeps who acted). Null when they have none: leaders review those themselves.
 */
export async function reviewerOf(db: DbOrTx, submitterId: string): Promise<PersonIdentity | null> {
  const manager = (await getPersonDetail(db, submitterId)).manager;
  const person = manager ? await findPersonById(db, manager.id) : undefined;
  return person?.active ? person : null;
}

export const decides = (actor: Actor) => hasRole(actor, 'leader');

/** The submitter's manager may review; a leader only when the submitter has no manager. */
export function mayReview(actor: Actor, reviewer: PersonIdentity | null): boolean {
  return reviewer ? reviewer.id === actor.id : decides(actor);
}

/** The submitter, anyone above them in the org chart, leaders and admins read a suggestion. */
export async function maySee(db: DbOrTx, actor: Actor, submitterId: string): Promise<boolean> {
  if (actor.id === submitterId || hasRole(actor, 'leader', 'admin')) return true;
  return isInManagementChain(db, actor.id, submitterId);
}
