import type { ApprovalMode } from '../catalog/catalog-values';
import type { Enrollee } from './enrolment-people';
import type { ApproverKind } from './enrolment-values';

// Whose yes an enrolment needs (CA-3), by the session's approval mode and who put the person down.
// Null: none, it goes straight to a seat or the waitlist.
//
// - mode none: nobody's.
// - mode supervisor: the learner's supervisor — unless a supervisor (the direct manager or one
//   above) or a coordinator put them down: their choice is the approval. A learner with no active
//   manager in Stride goes to the coordinators instead, so no application waits for nobody.
// - mode coordinator: a coordinator's, unless a coordinator put them down.

type Person = Pick<Enrollee, 'manager'>;

const supervisorOr = (person: Person): ApproverKind => (person.manager?.active ? 'supervisor' : 'coordinator');

/** The learner applies for themself. */
export function approvalForApplicant(mode: ApprovalMode, person: Person): ApproverKind | null {
  if (mode === 'none') return null;
  return mode === 'coordinator' ? 'coordinator' : supervisorOr(person);
}

/** A supervisor nominates a report, or a coordinator enrols anyone. */
export function approvalForNomination(mode: ApprovalMode, by: 'supervisor' | 'coordinator'): ApproverKind | null {
  if (by === 'coordinator') return null;
  return mode === 'coordinator' ? 'coordinator' : null;
}

/**
 * A seat passes to a colleague: the approval rules apply to the substitute as if they had applied,
 * except that a substitute named by one of their own supervisors, or by a coordinator, is approved
 * by that choice. While the substitute waits for approval, the original keeps the seat.
 */
export function approvalForSubstitute(mode: ApprovalMode, substitute: Person, namedBy: { staff: boolean; managesSubstitute: boolean }): ApproverKind | null {
  if (mode === 'none' || namedBy.staff) return null;
  if (mode === 'coordinator') return 'coordinator';
  return namedBy.managesSubstitute ? null : supervisorOr(substitute);
}
