import { isStaff, type Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError } from '../platform/http/app-error';
import { isInManagementChain } from '../people/find-people';
import { editsCatalog } from '../catalog/catalog-editors';
import { lockSession } from '../catalog/sessions-for-enrolment';
import type { SessionRow } from '../catalog/session-view';
import type { LockedSession } from './enrolment-context';
import type { EnrolmentRow } from './enrolment-history';
import { findEnrollee, type Enrollee } from './enrolment-people';
import { runsEnrolments } from './enrolment-staff';

// Who may see and do what with an enrolment (CA-3), checked on the server for every call:
// - the person, anyone above them in the org chart (a supervisor, and theirs), and the unit's
//   coordinators see it; so does the session's instructor (the roster);
// - the person, their supervisors and coordinators cancel it or pass the seat on;
// - a supervisor decides where the session asks a supervisor, a coordinator decides any;
//   nobody decides their own application.
// An enrolment someone may not see answers 404, as if it did not exist (decision 005).

export type Relation = { self: boolean; manager: boolean; staff: boolean; instructor: boolean };

export async function relationTo(tx: DbOrTx, actor: Actor, personId: string, session: Pick<SessionRow, 'instructorId'> | null): Promise<Relation> {
  const self = actor.id === personId;
  return {
    self,
    staff: runsEnrolments(actor),
    manager: !self && (await isInManagementChain(tx, actor.id, personId)),
    instructor: !!session && session.instructorId === actor.id,
  };
}

export const sees = (r: Relation) => r.self || r.manager || r.staff || r.instructor;
export const actsFor = (r: Relation) => r.self || r.manager || r.staff;
export const decides = (r: Relation, row: Pick<EnrolmentRow, 'approvalBy'>) => !r.self && (r.staff || (r.manager && row.approvalBy === 'supervisor'));

export const notFound = () => AppError.notFound('This enrolment');

/** Locks a session for an enrolment write, if the actor may see it (published, or they edit the catalog). */
export async function lockVisibleSession(tx: DbOrTx, actor: Actor | null, id: string): Promise<LockedSession> {
  return visibleSession(actor, await lockSession(tx, id));
}

/** The locked session if the actor may see it, else 404 as if it did not exist. */
export function visibleSession(actor: Actor | null, target: LockedSession | undefined): LockedSession {
  if (!target || (target.course.status !== 'published' && !editsCatalog(actor))) throw AppError.notFound('This session');
  return target;
}

/**
 * The person a supervisor or coordinator puts down for a session or course: an active person the
 * actor manages (directly or further down), or anyone for the unit's coordinators.
 */
export async function nominee(tx: DbOrTx, actor: Actor, personId: string): Promise<{ person: Enrollee; as: 'self' | 'supervisor' | 'coordinator' }> {
  const person = await findEnrollee(tx, personId);
  const self = personId === actor.id;
  const staff = runsEnrolments(actor);
  const manager = !self && !!person && (await isInManagementChain(tx, actor.id, personId));
  if (!person || (!self && !staff && !manager && !isStaff(actor))) throw AppError.notFound('This person');
  if (!self && !staff && !manager) throw AppError.forbidden('Only their supervisors and the training unit’s coordinators can put someone down for a course.');
  if (!person.active) throw AppError.invalid([{ field: 'personId', message: `${person.name} is no longer active in Stride.` }]);
  return { person, as: self ? 'self' : staff ? 'coordinator' : 'supervisor' };
}
