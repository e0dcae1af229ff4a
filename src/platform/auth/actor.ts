import type { Role } from './roles';
import { staffRoles } from './roles';

/** The signed-in person a request acts for. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
};

export function hasRole(actor: Actor | null | undefined, ...wanted: Role[]): boolean {
  return !!actor && actor.roles.some((r) => wanted.includes(r));
}

export function isStaff(actor: Actor | null | undefined): boolean {
  return hasRole(actor, ...staffRoles);
}

/**
 * Who may call an operation. Deny by default: an API route without one does
 * not register. Record-level rules (a learner sees only their own records, a
 * supervisor their reports') are then checked by the use case itself.
 */
export type Access = 'public' | 'signed-in' | { roles: readonly Role[] };
