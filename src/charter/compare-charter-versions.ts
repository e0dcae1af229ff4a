import type { BusinessCalendar, WorkingPeriod } from '../service-levels/business-calendar-schema';
import { weekdays } from '../service-levels/business-calendar-schema';
import type { CharterContent } from './charter-schema';
import type { CharterChange } from './charter-view-schemas';
import { compareServiceLevels, type ComparableServiceLevel } from './compare-service-levels';

// What changed between two versions of the charter, in words a reader of the version history
// understands (CH-4). Items are matched by what a reader knows them by: an offering by its name, a
// kind of request by its type, a holiday by its date, a service level by its key.

export type ComparableCharter = { content: CharterContent; calendar: BusinessCalendar; serviceLevels: ComparableServiceLevel[] };

/** Pairs the items of two lists by name; a name used twice gets "#2" so each pair stays its own. */
function byName<T>(items: T[], nameOf: (item: T) => string): Map<string, { name: string; item: T }> {
  const out = new Map<string, { name: string; item: T }>();
  for (const item of items) {
    const name = nameOf(item);
    let key = name;
    for (let n = 2; out.has(key); n++) key = `${name} #${n}`;
    out.set(key, { name, item });
  }
  return out;
}

function compareLists<T>(
  area: CharterChange['area'],
  prefix: string,
  what: string,
  before: T[],
  after: T[],
  nameOf: (item: T) => string,
  textOf: (item: T) => string,
): CharterChange[] {
  const old = byName(before, nameOf);
  const now = byName(after, nameOf);
  const changes: CharterChange[] = [];
  for (const [key, { name, item }] of now) {
    const earlier = old.get(key);
    if (!earlier) changes.push({ area, key: `${prefix}:${key}`, change: 'added', label: `${what} added: ${name}`, after: textOf(item) });
    else if (textOf(earlier.item) !== textOf(item)) {
      changes.push({ area, key: `${prefix}:${key}`, change: 'changed', label: `${what} changed: ${name}`, before: textOf(earlier.item), after: textOf(item) });
    }
  }
  for (const [key, { name, item }] of old) {
    if (!now.has(key)) changes.push({ area, key: `${prefix}:${key}`, change: 'removed', label: `${what} removed: ${name}`, before: textOf(item) });
  }
  return changes;
}

function compareText(area: CharterChange['area'], key: string, what: string, before: string | undefined, after: string): CharterChange[] {
  const was = before ?? '';
  if (was === after) return [];
  if (was === '') return [{ area, key, change: 'added', label: `${what} added`, after }];
  if (after === '') return [{ area, key, change: 'removed', label: `${what} removed`, before: was }];
  return [{ area, key, change: 'changed', label: `${what} changed`, before: was, after }];
}

function compareContent(before: CharterContent | undefined, after: CharterContent): CharterChange[] {
  const handling = (h: CharterContent['requestHandling'][number]) =>
    `${h.description}\nTriaged by: ${h.triagedBy}. Decided by: ${h.decidedBy}.${h.who ? `\nWho: ${h.who}` : ''}`;
  return [
    ...compareText('content', 'introduction', 'Introduction', before?.introduction, after.introduction),
    ...compareLists('content', 'productsAndServices', 'Product or service', before?.productsAndServices ?? [], after.productsAndServices, (o) => o.name, (o) => o.description),
    ...compareLists('content', 'requestHandling', 'How requests are handled', before?.requestHandling ?? [], after.requestHandling, (h) => h.requestType, handling),
    ...compareText('content', 'partnership.summary', 'Partnership with business units', before?.partnership.summary, after.partnership.summary),
    ...compareLists('content', 'partnership.steps', 'Partnership step', before?.partnership.steps ?? [], after.partnership.steps, (s) => s.title, (s) => s.description),
    ...compareText('content', 'closing', 'Closing words', before?.closing, after.closing),
  ];
}

const dayNames = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;
const hours = (periods: WorkingPeriod[] | undefined) => (periods && periods.length > 0 ? periods.map((p) => `${p.start}–${p.end}`).join(', ') : 'closed');

function compareCalendar(before: BusinessCalendar | undefined, after: BusinessCalendar): CharterChange[] {
  const changes: CharterChange[] = [];
  if (!before) changes.push({ area: 'calendar', key: 'calendar:timeZone', change: 'added', label: `Time zone: ${after.timeZone}`, after: after.timeZone });
  else if (before.timeZone !== after.timeZone) {
    changes.push({ area: 'calendar', key: 'calendar:timeZone', change: 'changed', label: `Time zone: ${before.timeZone} → ${after.timeZone}`, before: before.timeZone, after: after.timeZone });
  }
  for (const day of weekdays) {
    const was = before ? hours(before.week[day]) : undefined;
    const now = hours(after.week[day]);
    const key = `calendar:week:${day}`;
    if (was === undefined) {
      if (now !== 'closed') changes.push({ area: 'calendar', key, change: 'added', label: `Working hours on ${dayNames[day]}: ${now}`, after: now });
    } else if (was !== now) {
      changes.push({ area: 'calendar', key, change: 'changed', label: `Working hours on ${dayNames[day]}: ${was} → ${now}`, before: was, after: now });
    }
  }
  const holiday = (h: BusinessCalendar['holidays'][number]) => `${h.name} (${h.date})${h.workingPeriods && h.workingPeriods.length > 0 ? `, open ${hours(h.workingPeriods)}` : ''}`;
  const old = new Map((before?.holidays ?? []).map((h) => [h.date, h]));
  const now = new Map(after.holidays.map((h) => [h.date, h]));
  for (const [date, h] of now) {
    const was = old.get(date);
    const key = `calendar:holiday:${date}`;
    if (!was) changes.push({ area: 'calendar', key, change: 'added', label: `Holiday added: ${holiday(h)}`, after: holiday(h) });
    else if (holiday(was) !== holiday(h)) changes.push({ area: 'calendar', key, change: 'changed', label: `Holiday changed: ${holiday(was)} → ${holiday(h)}`, before: holiday(was), after: holiday(h) });
  }
  for (const [date, h] of old) {
    if (!now.has(date)) changes.push({ area: 'calendar', key: `calendar:holiday:${date}`, change: 'removed', label: `Holiday removed: ${holiday(h)}`, before: holiday(h) });
  }
  return changes;
}

/** Everything `after` changes against `before`; without a `before` (version 1) everything is added. */
export function compareCharterVersions(before: ComparableCharter | undefined, after: ComparableCharter): CharterChange[] {
  return [
    ...compareContent(before?.content, after.content),
    ...compareCalendar(before?.calendar, after.calendar),
    ...compareServiceLevels(before?.serviceLevels ?? [], after.serviceLevels),
  ];
}
