import { hasRole, type Actor } from '../platform/auth/actor';
import { AppError } from '../platform/http/app-error';
import type { RequestRow } from './read-request';

/**
 * Who works a triaged request — diagnosis, the two voices, the recommendation, follow-through: its
 * owner, or the unit lead and admins standing in. Other staff read it; the requester answers it.
 */
export const mayWork = (actor: Actor, row: Pick<RequestRow, 'ownerId' | 'decisionRole'>): boolean =>
  actor.id === row.ownerId || hasRole(actor, 'unit_lead', 'admin') || (!!row.decisionRole && hasRole(actor, row.decisionRole as never));

export function refuseUnlessWorker(actor: Actor, row: Pick<RequestRow, 'ownerId' | 'decisionRole'>): void {
  if (!mayWork(actor, row)) throw AppError.forbidden('Only the request’s owner (or the unit lead) works on it; ask for it to be assigned to you.');
}
