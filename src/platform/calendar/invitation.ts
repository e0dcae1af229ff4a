import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MailAttachment } from '../mail/enqueue-mail';

// A calendar invitation (RFC 5545 in an iMIP mail, RFC 6047). Calendar clients match updates to
// the event they hold by UID and keep the one with the highest SEQUENCE: a change of time or place
// sends the same UID with a higher SEQUENCE, a cancellation METHOD:CANCEL with the same UID.
// Times are written in UTC (…Z), which every client shows in its own zone; a TZID would need a
// VTIMEZONE block per zone for the invitation to be valid, and UTC says the same instant exactly.

export type Invitation = {
  /** Stable for the life of the event: a session's enrolment, say `enrolment-<id>@<domain>`. */
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  /** When this version of the invitation was made (DTSTAMP). */
  stamp: Date;
  summary: string;
  description: string;
  location?: string | null;
  url?: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

export function invitationText(invitation: Invitation): string {
  const calendar = ical({
    prodId: { company: 'Stride', product: 'Stride', language: 'EN' },
    method: invitation.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: invitation.uid,
    sequence: invitation.sequence,
    start: invitation.start,
    end: invitation.end,
    stamp: invitation.stamp,
    summary: invitation.summary,
    description: invitation.description,
    location: invitation.location ?? null,
    url: invitation.url ?? null,
    status: invitation.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: invitation.organizer.name, email: invitation.organizer.email },
    attendees: [
      {
        name: invitation.attendee.name,
        email: invitation.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: invitation.method === 'CANCEL' ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
}

/** The invitation as a mail part: the outbox stores it, delivery sends it as text/calendar with its METHOD. */
export function invitationAttachment(invitation: Invitation): MailAttachment {
  return {
    filename: invitation.method === 'CANCEL' ? 'cancelled.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${invitation.method}`,
    content: invitationText(invitation),
    method: invitation.method,
  };
}
