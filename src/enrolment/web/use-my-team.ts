import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { usePerson } from '../../people/web/people-api';
import { enrolmentStaffRoles } from '../enrolment-staff';

/**
 * Where the signed-in person stands for enrolments (CA-3): their direct manager (who is asked to
 * approve their applications), whether anyone reports to them (they nominate and approve), and
 * whether they run enrolments for the unit. Read from their own person record, which everyone may see.
 */
export function useMyTeam() {
  const actor = useActor();
  const me = usePerson(actor.id);
  const staff = hasRole(actor, ...enrolmentStaffRoles);
  const hasReports = (me.data?.reports.length ?? 0) > 0;
  return {
    actor,
    manager: me.data?.manager ?? null,
    hasReports,
    staff,
    /** Nominates someone: a supervisor their reports, a coordinator anyone. */
    nominates: hasReports || staff,
    isPending: me.isPending,
  };
}

/**
 * Whether the navigation offers "My team's learning": to people with someone reporting to them
 * (their own person record says so) and to those who run enrolments, who decide the applications a
 * coordinator approves. A pending approval always belongs to someone with reports, so nobody who
 * has one to decide is left without the link.
 */
export function useShowsTeamLearning(actor: { id: string; roles: readonly string[] } | null): boolean {
  const me = usePerson(actor?.id);
  if (!actor) return false;
  if (actor.roles.some((r) => (enrolmentStaffRoles as readonly string[]).includes(r))) return true;
  return (me.data?.reports.length ?? 0) > 0;
}
