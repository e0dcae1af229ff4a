import type { DbOrTx } from '../platform/db/database';
import type { MailAttachment } from '../platform/mail/enqueue-mail';
import { getUnitSettings } from '../platform/settings/unit-settings';
import { invitationAttachment } from '../platform/calendar/invitation';
import type { Enrolled, MailContext } from './enrolment-mails';

// The calendar side of a seat (CA-5). One event per enrolment: its UID never changes, so a
// changed time or place replaces the event in the learner's calendar (the session's SEQUENCE rises
// with every saved change), and a cancellation removes it (METHOD:CANCEL, one above the last
// REQUEST). A new application after a cancellation is a new enrolment, so a new event.

const domainOf = (email: string) => email.split('@')[1] ?? 'stride.local';

export async function sessionInvitation(tx: DbOrTx, ctx: MailContext & { now: Date }, e: Enrolled, method: 'REQUEST' | 'CANCEL'): Promise<MailAttachment[]> {
  const session = e.session;
  if (!session) return []; // self-paced e-learning has no time to put in a calendar
  const unit = await getUnitSettings(tx);
  const place = session.place ?? (session.joinUrl ? 'Online' : null);
  return [
    invitationAttachment({
      uid: `enrolment-${e.enrolment.id}@${domainOf(unit.contactEmail)}`,
      sequence: method === 'CANCEL' ? session.sequence + 1 : session.sequence,
      method,
      start: session.startsAt,
      end: session.endsAt,
      stamp: ctx.now,
      summary: `${e.course.title} (${e.course.code})`,
      description: [
        e.course.summary,
        session.joinUrl ? `Join online: ${session.joinUrl}` : null,
        `Your enrolment: ${ctx.publicUrl}/my-learning`,
        `Questions: ${unit.unitName}, ${unit.contactEmail}${unit.contactPhone ? `, ${unit.contactPhone}` : ''}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
      location: place,
      url: session.joinUrl ?? `${ctx.publicUrl}/my-learning`,
      organizer: { name: unit.unitName, email: unit.contactEmail },
      attendee: { name: e.person.name, email: e.person.email },
    }),
  ];
}
