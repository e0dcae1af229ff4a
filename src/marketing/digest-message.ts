import type { OutgoingMail } from '../platform/mail/enqueue-mail';
import type { OfferedCourse } from '../catalog/find-offerings';
import type { Digest, DigestSession } from './compose-digest';
import type { DigestFrequency } from './marketing-values';
import { ONE_CLICK_FIELD, ONE_CLICK_VALUE } from './marketing-values';

// The digest's words and its unsubscribe headers (CA-6, RFC 8058). Plain text: enqueueMail derives
// the HTML part and adds the unit's contact details (CA-7).

export type DigestMessageInput = {
  name: string;
  frequency: DigestFrequency;
  interestNames: string[];
  digest: Digest;
  publicUrl: string;
  /** The raw unsubscribe token this message carries (only its hash is stored). */
  token: string;
  /** The unit's contact address: the mailto: alternative of List-Unsubscribe. */
  contactEmail: string;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function formatDuration(minutes: number): string {
  if (minutes < 60) return plural(minutes, 'minute', 'minutes');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour', 'hours');
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const languages = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(tag: string): string {
  try {
    return languages.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

type ZoneFormats = { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat; zoned: Intl.DateTimeFormat; deadline: Intl.DateTimeFormat };
// One set of formatters per time zone: a run words thousands of sessions in a handful of zones,
// and each Intl formatter holds native memory the garbage collector does not see.
const zoneFormats = new Map<string, ZoneFormats>();

function formatsFor(timeZone: string): ZoneFormats {
  let formats = zoneFormats.get(timeZone);
  if (!formats) {
    formats = {
      day: new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }),
      time: new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }),
      zoned: new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
      deadline: new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }),
    };
    zoneFormats.set(timeZone, formats);
  }
  return formats;
}

/** A session's times where it happens (CA-2): "Tuesday, December 1, 2026, 9:00 AM – 5:00 PM EST". */
export function sessionWhen(session: Pick<DigestSession, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const { day, time, zoned } = formatsFor(session.timeZone);
  const sameDay = day.format(session.startsAt) === day.format(session.endsAt);
  return sameDay
    ? `${day.format(session.startsAt)}, ${time.format(session.startsAt)} – ${zoned.format(session.endsAt)}`
    : `${day.format(session.startsAt)}, ${time.format(session.startsAt)} to ${day.format(session.endsAt)}, ${zoned.format(session.endsAt)}`;
}

function deadline(session: DigestSession): string {
  return formatsFor(session.timeZone).deadline.format(session.enrolmentDeadline);
}

/** The course's page in the catalog, where one applies. */
export const coursePageUrl = (publicUrl: string, courseId: string) => `${publicUrl}/catalog/courses/${courseId}`;

function courseLines(course: OfferedCourse, publicUrl: string): string {
  return [`- ${course.code} ${course.title} (${course.format}, ${formatDuration(course.durationMinutes)})`, `  ${course.summary}`, `  ${coursePageUrl(publicUrl, course.id)}`].join('\n');
}

function sessionLines(session: DigestSession, publicUrl: string): string {
  const where = session.place ? session.place : session.online ? 'Online' : 'Place to be announced';
  return [
    `- ${session.course.code} ${session.course.title}`,
    `  ${sessionWhen(session)}`,
    `  ${where} · in ${languageName(session.language)}`,
    `  ${plural(session.seatsLeft, 'seat', 'seats')} left · apply by ${deadline(session)}`,
    `  ${coursePageUrl(publicUrl, session.course.id)}`,
  ].join('\n');
}

export function digestSubject(frequency: DigestFrequency, digest: Digest): string {
  const parts = [
    digest.newCourses.length + digest.moreNewCourses > 0 ? plural(digest.newCourses.length + digest.moreNewCourses, 'new course', 'new courses') : '',
    digest.upcomingSessions.length + digest.moreUpcomingSessions > 0 ? plural(digest.upcomingSessions.length + digest.moreUpcomingSessions, 'upcoming session', 'upcoming sessions') : '',
  ].filter(Boolean);
  return `Your ${frequency} course digest: ${parts.join(' and ')}`;
}

/** The one-click address (RFC 8058) a mail client POSTs `List-Unsubscribe=One-Click` to, without cookies. */
export const oneClickUrl = (publicUrl: string, token: string) => `${publicUrl}/api/v1/unsubscribe/${token}`;
/** The page a person opens to confirm with a button (a link prefetcher opening it changes nothing). */
export const unsubscribePageUrl = (publicUrl: string, token: string) => `${publicUrl}/unsubscribe/${token}`;
export const preferencesPageUrl = (publicUrl: string) => `${publicUrl}/account/interests`;

export function digestMessage(input: DigestMessageInput): Pick<OutgoingMail, 'subject' | 'body' | 'links' | 'headers'> {
  const { digest } = input;
  const firstName = input.name.trim().split(/\s+/)[0] || input.name;
  const sections = [`Hello ${firstName},`, `Here is what the training unit offers on the interests you chose: ${input.interestNames.join(', ')}.`];
  if (digest.newCourses.length > 0) {
    sections.push(['New in the catalog', ...digest.newCourses.map((c) => courseLines(c, input.publicUrl))].join('\n'));
    if (digest.moreNewCourses > 0) sections.push(`…and ${plural(digest.moreNewCourses, 'more new course', 'more new courses')} in the catalog.`);
  }
  if (digest.upcomingSessions.length > 0) {
    sections.push(['Upcoming sessions with seats left', ...digest.upcomingSessions.map((s) => sessionLines(s, input.publicUrl))].join('\n'));
    if (digest.moreUpcomingSessions > 0) sections.push(`…and ${plural(digest.moreUpcomingSessions, 'more session', 'more sessions')} in the catalog.`);
  }
  sections.push(
    `You get this ${input.frequency} digest because you asked for it in Stride. Change your interests or how often it comes on "My interests", or unsubscribe with the link below: no sign-in needed.`,
  );
  return {
    subject: digestSubject(input.frequency, digest),
    body: sections.join('\n\n'),
    links: [
      { label: 'Browse the catalog', url: `${input.publicUrl}/catalog` },
      { label: 'My interests', url: preferencesPageUrl(input.publicUrl) },
      { label: 'Unsubscribe from this digest', url: unsubscribePageUrl(input.publicUrl, input.token) },
    ],
    headers: {
      'List-Unsubscribe': `<${oneClickUrl(input.publicUrl, input.token)}>, <mailto:${input.contactEmail}?subject=unsubscribe>`,
      'List-Unsubscribe-Post': `${ONE_CLICK_FIELD}=${ONE_CLICK_VALUE}`,
    },
  };
}
