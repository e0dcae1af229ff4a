import type { ApprovalMode, CourseFormat } from '../catalog-values';
import { DEFAULT_REMINDER_OFFSETS, type SessionView } from '../session-schemas';
import { toLocalDateTime } from '../zoned-time';

// What the session editor holds, how it comes from a session and goes to the API (CA-2). Times
// are typed as the wall clock of the session's zone ("09:00 on 12 January, Lisbon time") and sent
// as such with the zone; the server stores the instant.

export type InstructorKind = 'in-house' | 'external' | 'none';

export type SessionFormValues = {
  timeZone: string;
  startsAt: string;
  endsAt: string;
  language: string;
  place: string;
  joinUrl: string;
  instructorKind: InstructorKind;
  instructorId: string | null;
  externalName: string;
  externalEmail: string;
  capacity: number | string;
  enrolmentDeadline: string;
  approvalMode: ApprovalMode;
  /** Minutes before the start each reminder goes (CA-5), as the chips hold them. */
  reminders: string[];
};

export const usesPlace = (format: CourseFormat) => format === 'classroom' || format === 'blended';
export const usesLink = (format: CourseFormat) => format === 'virtual' || format === 'blended';

export function blankSession(timeZone: string, language: string): SessionFormValues {
  return {
    timeZone,
    startsAt: '',
    endsAt: '',
    language,
    place: '',
    joinUrl: '',
    instructorKind: 'none',
    instructorId: null,
    externalName: '',
    externalEmail: '',
    capacity: '',
    enrolmentDeadline: '',
    approvalMode: 'supervisor',
    reminders: DEFAULT_REMINDER_OFFSETS.map(String),
  };
}

export function valuesFromSession(session: SessionView): SessionFormValues {
  const instructor = session.instructor;
  return {
    timeZone: session.timeZone,
    startsAt: session.startsLocal,
    endsAt: session.endsLocal,
    language: session.language,
    place: session.place ?? '',
    joinUrl: session.joinUrl ?? '',
    instructorKind: !instructor ? 'none' : instructor.external ? 'external' : 'in-house',
    instructorId: instructor && !instructor.external ? instructor.id : null,
    externalName: instructor?.external ? instructor.name : '',
    externalEmail: instructor?.external ? (instructor.email ?? '') : '',
    capacity: session.capacity,
    // A deadline at the start is the default: shown empty, so moving the start moves it too.
    enrolmentDeadline: session.enrolmentDeadline === session.startsAt ? '' : toLocalDateTime(new Date(session.enrolmentDeadline), session.timeZone),
    approvalMode: session.approvalMode,
    reminders: session.reminderOffsetsMinutes.map(String),
  };
}

/** The body the API takes (before the schema's own checks). */
export function sessionInputOf(values: SessionFormValues, format: CourseFormat) {
  return {
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    timeZone: values.timeZone,
    language: values.language || undefined,
    place: usesPlace(format) ? values.place.trim() || null : null,
    joinUrl: usesLink(format) ? values.joinUrl.trim() || null : null,
    instructorId: values.instructorKind === 'in-house' ? (values.instructorId ?? '') : null,
    externalInstructor: values.instructorKind === 'external' ? { name: values.externalName, email: values.externalEmail } : null,
    capacity: values.capacity === '' ? undefined : Number(values.capacity),
    enrolmentDeadline: values.enrolmentDeadline || null,
    approvalMode: values.approvalMode,
    reminderOffsetsMinutes: values.reminders.map(Number),
  };
}

export function sessionFieldOf(path: string): string {
  if (path === 'externalInstructor' || path === 'externalInstructor.name') return 'externalName';
  if (path === 'externalInstructor.email') return 'externalEmail';
  if (path.startsWith('reminderOffsetsMinutes')) return 'reminders';
  return path.split('.')[0] ?? path;
}

const labels: Record<string, string> = {
  timeZone: 'Time zone',
  startsAt: 'Starts',
  endsAt: 'Ends',
  language: 'Language',
  place: 'Place',
  joinUrl: 'Join link',
  instructorId: 'Instructor',
  externalName: 'Instructor’s name',
  externalEmail: 'Instructor’s e-mail',
  capacity: 'Seats',
  enrolmentDeadline: 'Enrolment deadline',
  approvalMode: 'Approval',
  reminderOffsetsMinutes: 'Reminders',
  sequence: 'Session',
  courseId: 'Course',
};

export const sessionFieldLabel = (path: string) => labels[path] ?? path;
