import type { ApprovalMode, CourseFormat, CourseStatus, RevisionAction } from '../catalog-values';

// The catalog's words and times as the pages show them. Times are always formatted with an
// explicit zone: the session's own (where it happens) and the viewer's (CA-2).

export const formatLabels: Record<CourseFormat, string> = { classroom: 'Classroom', virtual: 'Virtual', 'e-learning': 'E-learning', blended: 'Blended' };

export const formatHints: Record<CourseFormat, string> = {
  classroom: 'In a room: sessions have a place.',
  virtual: 'Live online: sessions have a join link.',
  'e-learning': 'Self-paced: no sessions.',
  blended: 'Live sessions in a room, online, or both.',
};

export const statusLabels: Record<CourseStatus, string> = { draft: 'Draft', published: 'Published', retired: 'Retired' };

export const actionLabels: Record<RevisionAction, string> = { created: 'Created', edited: 'Edited', published: 'Published', retired: 'Retired', released: 'Released from development' };

/** Who says yes to an application, in the applicant's words. */
export const approvalWords: Record<ApprovalMode, string> = {
  none: 'No approval needed',
  supervisor: 'Your supervisor approves',
  coordinator: 'The training unit approves',
};

export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ') || '0 min';
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export const languageList = (tags: readonly string[]) => tags.map(languageName).join(', ');

/** The zone this browser shows times in. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Lisbon time", "New York time", "UTC". */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const city = timeZone.split('/').pop() ?? timeZone;
  return `${city.replaceAll('_', ' ')} time`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string, withYear: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withYear}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) });
    dayFormats.set(key, f);
  }
  return f;
}

function timeFormat(timeZone: string): Intl.DateTimeFormat {
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(timeZone, f);
  }
  return f;
}

const yearIn = (instant: Date, timeZone: string) => new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(instant);

/** "Tue 12 Jan" (with the year when it is not this year's), without a comma after the weekday. */
function day(instant: Date, timeZone: string, now: Date): string {
  return dayFormat(timeZone, yearIn(instant, timeZone) !== yearIn(now, timeZone)).format(instant).replace(',', '');
}

type Span = { firstDay: string; lastDay: string; start: string; end: string };

function spanIn(start: Date, end: Date, timeZone: string, now: Date): Span {
  const time = timeFormat(timeZone);
  return { firstDay: day(start, timeZone, now), lastDay: day(end, timeZone, now), start: time.format(start), end: time.format(end) };
}

/** "Tue 12 Jan, 09:00–12:00", or "Tue 12 Jan, 09:00 – Wed 13 Jan, 17:00" when it runs over days; `withDay: false` gives "09:00–12:00". */
function spanText(span: Span, withDay = true): string {
  if (span.firstDay !== span.lastDay) return `${span.firstDay}, ${span.start} – ${span.lastDay}, ${span.end}`;
  return withDay ? `${span.firstDay}, ${span.start}–${span.end}` : `${span.start}–${span.end}`;
}

export function formatSpan(start: Date, end: Date, timeZone: string, now = new Date()): string {
  return spanText(spanIn(start, end, timeZone, now));
}

/** "Tue 12 Jan, 09:00". */
export function formatMoment(instant: Date, timeZone: string, now = new Date()): string {
  return `${day(instant, timeZone, now)}, ${timeFormat(timeZone).format(instant)}`;
}

export type BothZones = { local: string; yours: string | null };

/**
 * A session's times in its own zone ("Tue 12 Jan, 09:00–12:00 Lisbon time") and, when the wall
 * clock differs, in the viewer's ("04:00–07:00 your time"; the day too when it differs).
 */
export function sessionTimes(startsAt: string, endsAt: string, timeZone: string, viewer = viewerTimeZone(), now = new Date()): BothZones {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const there = spanIn(start, end, timeZone, now);
  const here = spanIn(start, end, viewer, now);
  const local = `${spanText(there)} ${zoneLabel(timeZone)}`;
  if (spanText(there) === spanText(here)) return { local, yours: null };
  const sameDays = there.firstDay === here.firstDay && there.lastDay === here.lastDay;
  return { local, yours: `${spanText(here, !sameDays)} your time` };
}

/** One instant in the session's zone and, when different, the viewer's (its day only when that differs too). */
export function momentTimes(at: string, timeZone: string, viewer = viewerTimeZone(), now = new Date()): BothZones {
  const instant = new Date(at);
  const local = formatMoment(instant, timeZone, now);
  const yours = formatMoment(instant, viewer, now);
  if (yours === local) return { local: `${local} ${zoneLabel(timeZone)}`, yours: null };
  const sameDay = day(instant, timeZone, now) === day(instant, viewer, now);
  return { local: `${local} ${zoneLabel(timeZone)}`, yours: `${sameDay ? timeFormat(viewer).format(instant) : yours} your time` };
}

export const joinZones = (times: BothZones) => (times.yours ? `${times.local} · ${times.yours}` : times.local);
