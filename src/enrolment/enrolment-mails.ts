import type { DbOrTx } from '../platform/db/database';
import { enqueueMail, type OutgoingMail } from '../platform/mail/enqueue-mail';
import type { CourseRow } from '../catalog/read-course';
import type { SessionRow } from '../catalog/session-view';
import type { EnrolmentRow } from './enrolment-history';
import { sessionInvitation } from './session-invitation';

// The messages enrolments cause (CA-3), each queued in the transaction of the change with a key
// per enrolment and event: a retried request or a replayed job queues it once. Plain text; the
// outbox adds the unit's contact details (CA-7).

/**
 * `quiet`: the change is history, not news (the demo's enrolments): nothing is queued.
 * `collect`: the messages are gathered here, for the caller to queue together later in the same
 * transaction (a crowd applying at once, session-arrivals.ts).
 */
export type MailContext = { publicUrl: string; quiet?: boolean; collect?: OutgoingMail[] };
/** What a message with a calendar invitation also needs: the moment it is made (DTSTAMP). */
type DatedContext = MailContext & { now: Date };
export type Recipient = { name: string; email: string };
export type Enrolled = { enrolment: EnrolmentRow; person: Recipient; course: CourseRow; session: SessionRow | null };

async function send(tx: DbOrTx, ctx: MailContext, mail: OutgoingMail): Promise<void> {
  if (ctx.quiet) return;
  if (ctx.collect) ctx.collect.push(mail);
  else await enqueueMail(tx, mail);
}
const keyOf = (e: Enrolled, what: string) => `enrolment:${e.enrolment.id}:${what}`;
const myLearning = (ctx: MailContext) => ({ label: 'See it in My learning', url: `${ctx.publicUrl}/my-learning` });

// Making an Intl.DateTimeFormat costs far more than using one (a crowd's mails spent most of their
// time there): one per zone and shape, kept.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

function wallClock(instant: Date, timeZone: string, withDate: boolean): string {
  const options: Intl.DateTimeFormatOptions & { timeZone: string } = withDate
    ? { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
    : { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  return formatIn('en-GB', options).format(instant);
}

/** "Tuesday 31 March 2026 at 17:00 (Europe/Lisbon time)". */
export function describeInstant(instant: Date, timeZone: string): string {
  return `${wallClock(instant, timeZone, true)} (${timeZone} time)`;
}

/** "Tuesday 7 April 2026 at 09:30–17:00 (Europe/Lisbon time)", in the session's own zone. */
export function describeSessionTime(session: Pick<SessionRow, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const day = (d: Date) => formatIn('en-CA', { timeZone: session.timeZone }).format(d);
  const sameDay = day(session.startsAt) === day(session.endsAt);
  const end = wallClock(session.endsAt, session.timeZone, !sameDay);
  return `${wallClock(session.startsAt, session.timeZone, true)}${sameDay ? '–' : ' to '}${end} (${session.timeZone} time)`;
}

/** What is being enrolled in, in a line or two. */
export function describeOffering(course: Pick<CourseRow, 'code' | 'title'>, session: SessionRow | null): string {
  const name = `${course.title} (${course.code})`;
  if (!session) return `${name}, self-paced e-learning`;
  return `${name}\n${describeSessionTime(session)}${session.place ? `\n${session.place}` : ''}${session.joinUrl ? '\nOnline: the join link is below.' : ''}`;
}

/**
 * A seat is theirs: on arrival, on approval, on promotion from the waitlist, or handed over by a
 * colleague. The one place confirmation happens: the confirmation carries the calendar invitation
 * (CA-5), which later changes to the session update or cancel by the same UID.
 */
export async function onEnrolmentConfirmed(tx: DbOrTx, ctx: DatedContext, e: Enrolled, how: { kind: 'arrival' | 'approval' | 'promotion' | 'substitution' | 'nomination' | 'coordinator'; by?: string }): Promise<void> {
  const lead = {
    arrival: 'your place is confirmed',
    approval: `${how.by ?? 'Your supervisor'} approved your application: your place is confirmed`,
    promotion: 'a seat freed up and you were next on the waitlist: your place is confirmed',
    substitution: `${how.by ?? 'A colleague'} passed their seat to you: your place is confirmed`,
    nomination: `${how.by ?? 'Your supervisor'} enrolled you: your place is confirmed`,
    coordinator: `${how.by ?? 'The training unit'} enrolled you: your place is confirmed`,
  }[how.kind];
  const links = [myLearning(ctx)];
  if (e.session?.joinUrl) links.unshift({ label: 'Join the session', url: e.session.joinUrl });
  await send(tx, ctx, {
    to: { email: e.person.email, name: e.person.name },
    subject: `Confirmed: ${e.course.title}`,
    body: `Hello ${e.person.name},\n\n${e.session ? 'For the session below, ' : 'For the course below, '}${lead}.\n\n${describeOffering(e.course, e.session)}\n\n${e.session ? 'The invitation in this message puts it in your calendar. If you cannot come after all, cancel in Stride or pass your seat to a colleague, so someone on the waitlist can take it.' : 'Start whenever suits you.'}`,
    links,
    attachments: ctx.quiet ? [] : await sessionInvitation(tx, ctx, e, 'REQUEST'),
    idempotencyKey: keyOf(e, 'confirmed'),
  });
}

export async function mailWaitlisted(tx: DbOrTx, ctx: MailContext, e: Enrolled, rank: number, how?: { by?: string }): Promise<void> {
  await send(tx, ctx, {
    to: { email: e.person.email, name: e.person.name },
    subject: `Waitlist: ${e.course.title}`,
    body: `Hello ${e.person.name},\n\n${how?.by ? `${how.by} put you down for` : 'You applied for'} the session below. It is full, so you are number ${rank} on its waitlist. When a seat frees, it goes to the first person on the waitlist, and we mail you the moment it is yours.\n\n${describeOffering(e.course, e.session)}`,
    links: [myLearning(ctx)],
    idempotencyKey: keyOf(e, 'waitlisted'),
  });
}

export async function mailAwaitingApproval(tx: DbOrTx, ctx: MailContext, e: Enrolled, approver: { kind: 'supervisor' | 'coordinator'; name?: string }): Promise<void> {
  const who = approver.kind === 'supervisor' ? (approver.name ?? 'your supervisor') : 'the training unit’s coordinators';
  await send(tx, ctx, {
    to: { email: e.person.email, name: e.person.name },
    subject: `Awaiting approval: ${e.course.title}`,
    body: `Hello ${e.person.name},\n\nYour application for the session below is waiting for approval by ${who}. Your place in the queue counts from now; we mail you as soon as it is decided.\n\n${describeOffering(e.course, e.session)}`,
    links: [myLearning(ctx)],
    idempotencyKey: keyOf(e, 'pending'),
  });
}

/** To the learner's manager: what is asked, and two links that decide it without signing in. */
export async function mailApprovalRequest(
  tx: DbOrTx,
  ctx: MailContext,
  e: Enrolled,
  manager: Recipient,
  link: { token: string; expiresAt: Date; replacing?: string },
): Promise<void> {
  const asked = link.replacing
    ? `${link.replacing} cannot attend the session below and proposes that ${e.person.name} takes their seat.`
    : `${e.person.name} applied for the session below.`;
  const note = e.enrolment.note ? `\n\nTheir reason: “${e.enrolment.note}”` : '';
  const until = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: e.session?.timeZone ?? 'UTC' }).format(link.expiresAt);
  const base = `${ctx.publicUrl}/approvals/${link.token}`;
  await send(tx, ctx, {
    to: { email: manager.email, name: manager.name },
    subject: `Approval needed: ${e.person.name} – ${e.course.title}`,
    body: `Hello ${manager.name},\n\n${asked} It needs your approval as their supervisor.${note}\n\n${describeOffering(e.course, e.session)}\n\nThe links below work once, until ${until}; you can also decide in Stride.`,
    links: [
      { label: 'Approve', url: `${base}?decision=approve` },
      { label: 'Decline', url: `${base}?decision=decline` },
      { label: 'Your team’s enrolments in Stride', url: `${ctx.publicUrl}/team-learning` },
    ],
    idempotencyKey: keyOf(e, 'approval-request'),
  });
}

export async function mailDeclined(tx: DbOrTx, ctx: MailContext, e: Enrolled, by: string, note: string | null): Promise<void> {
  await send(tx, ctx, {
    to: { email: e.person.email, name: e.person.name },
    subject: `Not approved: ${e.course.title}`,
    body: `Hello ${e.person.name},\n\n${by} did not approve your place in the session below.${note ? `\n\nTheir note: “${note}”` : ''}\n\n${describeOffering(e.course, e.session)}\n\nTalk it over with them, or ask the training unit about another session or another way to get there.`,
    links: [myLearning(ctx)],
    idempotencyKey: keyOf(e, 'declined'),
  });
}

/** `e.enrolment` is the cancelled row: one that had a seat (confirmedAt) takes its event out of the calendar. */
export async function mailCancelled(tx: DbOrTx, ctx: DatedContext, e: Enrolled, how: { by: string | null; reason: string | null; passedTo?: string }): Promise<void> {
  const what = how.passedTo ? `Your seat in the session below now belongs to ${how.passedTo}` : 'Your enrolment in the session below is cancelled';
  await send(tx, ctx, {
    to: { email: e.person.email, name: e.person.name },
    subject: `${how.passedTo ? 'Seat passed on' : 'Cancelled'}: ${e.course.title}`,
    body: `Hello ${e.person.name},\n\n${what}${how.by ? ` (by ${how.by})` : ''}.${how.reason ? `\n\nReason: “${how.reason}”` : ''}\n\n${describeOffering(e.course, e.session)}`,
    links: [myLearning(ctx)],
    attachments: e.enrolment.confirmedAt && !ctx.quiet ? await sessionInvitation(tx, ctx, e, 'CANCEL') : [],
    idempotencyKey: keyOf(e, 'cancelled'),
  });
}

/** To the colleague who offered their seat, when the substitute's approver says no: the seat stays theirs. */
export async function mailSubstitutionDeclined(tx: DbOrTx, ctx: MailContext, substitute: Enrolled, original: Recipient, by: string): Promise<void> {
  await send(tx, ctx, {
    to: { email: original.email, name: original.name },
    subject: `Seat not passed on: ${substitute.course.title}`,
    body: `Hello ${original.name},\n\n${by} did not approve ${substitute.person.name} taking your seat in the session below, so it is still yours. If you cannot come, cancel it in Stride so the next person on the waitlist gets it.\n\n${describeOffering(substitute.course, substitute.session)}`,
    links: [myLearning(ctx)],
    idempotencyKey: `enrolment:${substitute.enrolment.id}:substitution-declined`,
  });
}

const invitationFields = ['startsAt', 'endsAt', 'timeZone', 'place', 'joinUrl'];

/** Whether a change to these session fields moves what is in people's calendars. */
export const changesTheInvitation = (changed: readonly string[]) => changed.some((field) => invitationFields.includes(field));

/** The session moved (time, place, link): the same event, updated in the calendar (a higher SEQUENCE). */
export async function mailSessionChanged(tx: DbOrTx, ctx: DatedContext, e: Enrolled & { session: NonNullable<Enrolled['session']> }, changed: readonly string[]): Promise<void> {
  const what = [changed.some((f) => f === 'startsAt' || f === 'endsAt' || f === 'timeZone') && 'time', changed.includes('place') && 'place', changed.includes('joinUrl') && 'join link'].filter(Boolean).join(' and ');
  await send(tx, ctx, {
    to: { email: e.person.email, name: e.person.name },
    subject: `Changed: ${e.course.title}`,
    body: `Hello ${e.person.name},\n\nThe ${what || 'details'} of your session changed. Your place is kept; the invitation in this message updates your calendar.\n\n${describeOffering(e.course, e.session)}\n\nIf the new ${what || 'details'} no longer work for you, cancel in Stride or pass your seat to a colleague.`,
    links: [...(e.session.joinUrl ? [{ label: 'Join the session', url: e.session.joinUrl }] : []), myLearning(ctx)],
    attachments: await sessionInvitation(tx, ctx, e, 'REQUEST'),
    idempotencyKey: keyOf(e, `changed:${e.session.sequence}`),
  });
}

/** The unit cancelled the session: every live enrolment ends; a held seat leaves the calendar. */
export async function mailSessionCancelled(tx: DbOrTx, ctx: DatedContext, e: Enrolled, hadSeat: boolean, reason: string | null): Promise<void> {
  await send(tx, ctx, {
    to: { email: e.person.email, name: e.person.name },
    subject: `Session cancelled: ${e.course.title}`,
    body: `Hello ${e.person.name},\n\nWe are sorry: the training unit cancelled the session below${hadSeat ? ', so your place in it is cancelled too' : ', so your application for it ends'}.${reason ? `\n\nWhy: “${reason}”` : ''}\n\n${describeOffering(e.course, e.session)}\n\nThe course page shows other sessions; you may apply again there, or ask us about another way to reach the same objectives.`,
    links: [{ label: 'See the course', url: `${ctx.publicUrl}/catalog/courses/${e.course.id}` }, myLearning(ctx)],
    attachments: hadSeat ? await sessionInvitation(tx, ctx, e, 'CANCEL') : [],
    idempotencyKey: keyOf(e, 'session-cancelled'),
  });
}

/** "in 7 days", "tomorrow", "in 3 hours": how far ahead a reminder lead is, in words. */
export function leadInWords(minutes: number): string {
  if (minutes % (24 * 60) === 0) {
    const days = minutes / (24 * 60);
    return days === 1 ? 'tomorrow' : days % 7 === 0 ? `in ${days / 7 === 1 ? 'a week' : `${days / 7} weeks`}` : `in ${days} days`;
  }
  if (minutes % 60 === 0) return minutes === 60 ? 'in an hour' : `in ${minutes / 60} hours`;
  return `in ${minutes} minutes`;
}

/** Before the session (CA-5): when and where, what to bring (the prerequisites), and what it is for (the objectives). */
export async function mailReminder(tx: DbOrTx, ctx: DatedContext, e: Enrolled & { session: NonNullable<Enrolled['session']> }, reminder: { offsetMinutes: number; objectives: readonly { text: string }[] }): Promise<void> {
  const objectives = reminder.objectives.length ? `\n\nBy the end you will be able to:\n${reminder.objectives.map((o) => `- ${o.text}`).join('\n')}` : '';
  const prerequisites = e.course.prerequisites ? `\n\nBefore you come: ${e.course.prerequisites}` : '';
  await send(tx, ctx, {
    to: { email: e.person.email, name: e.person.name },
    subject: `Reminder: ${e.course.title} ${leadInWords(reminder.offsetMinutes)}`,
    body: `Hello ${e.person.name},\n\nYour session is ${leadInWords(reminder.offsetMinutes)}.\n\n${describeOffering(e.course, e.session)}${prerequisites}${objectives}\n\nIf you cannot come after all, cancel in Stride or pass your seat to a colleague, so someone on the waitlist can take it.`,
    links: [...(e.session.joinUrl ? [{ label: 'Join the session', url: e.session.joinUrl }] : []), myLearning(ctx)],
    idempotencyKey: keyOf(e, `reminder:${reminder.offsetMinutes}:${e.session.startsAt.getTime()}`),
  });
}

/**
 * A coordinator moved the learner to a better offering (CA-4): why, in the coordinator's words, and
 * both offerings. The old place leaves the calendar here if it held a seat; the new one arrives with
 * its own confirmation (or waitlist notice), sent by the enrolment there. The supervisor gets the
 * same explanation, without the calendar.
 */
export async function mailRedirected(
  tx: DbOrTx,
  ctx: DatedContext,
  from: Enrolled,
  to: Enrolled,
  how: { by: string; message: string; waitlistRank: number | null },
  supervisor: Recipient | null,
): Promise<void> {
  const outcome = to.enrolment.state === 'confirmed' ? 'Your place there is confirmed; its invitation comes in a separate message.' : `That session is full, so you are number ${how.waitlistRank ?? '?'} on its waitlist; we mail you the moment a seat is yours.`;
  const offerings = `From:\n${describeOffering(from.course, from.session)}\n\nTo:\n${describeOffering(to.course, to.session)}`;
  await send(tx, ctx, {
    to: { email: from.person.email, name: from.person.name },
    subject: `Moved to a better fit: ${to.course.title}`,
    body: `Hello ${from.person.name},\n\n${how.by} of the training unit moved you from the session below to another that should suit you better.\n\nWhy: “${how.message}”\n\n${offerings}\n\n${outcome} Your answers to the application’s questions went with you. If this does not suit you, reply to the training unit or cancel in Stride.`,
    links: [myLearning(ctx)],
    attachments: from.enrolment.confirmedAt && !ctx.quiet ? await sessionInvitation(tx, ctx, from, 'CANCEL') : [],
    idempotencyKey: keyOf(from, 'redirected'),
  });
  if (!supervisor) return;
  await send(tx, ctx, {
    to: { email: supervisor.email, name: supervisor.name },
    subject: `${from.person.name} moved to a better fit: ${to.course.title}`,
    body: `Hello ${supervisor.name},\n\n${how.by} of the training unit moved ${from.person.name} from the session below to another that should suit them better.\n\nWhy: “${how.message}”\n\n${offerings}\n\nTalk it over with them, or with the training unit, if you see it differently.`,
    links: [{ label: 'Your team’s enrolments in Stride', url: `${ctx.publicUrl}/team-learning` }],
    idempotencyKey: keyOf(from, 'redirected:supervisor'),
  });
}
