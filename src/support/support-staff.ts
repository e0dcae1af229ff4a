import type { Actor } from '../platform/auth/actor';
import type { Role } from '../platform/auth/roles';
import { enrolmentStaffRoles, runsEnrolments } from '../enrolment/enrolment-staff';

/**
 * Who works the support cases (AF-5): the coordinators who run enrolments, with the unit lead and
 * admins — the same people who see every enrolment, since a case is about one. Consultants and
 * leaders do not see who struggles with what after a course.
 */
export const supportStaffRoles = enrolmentStaffRoles satisfies readonly Role[];

export function worksSupport(actor: Actor | null): boolean {
  return runsEnrolments(actor);
}
