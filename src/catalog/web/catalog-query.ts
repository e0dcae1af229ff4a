import { courseFormats, courseStatuses, type CourseFormat, type CourseStatus } from '../catalog-values';
import type { ListCoursesQuery } from '../course-schemas';
import { languageSchema } from '../language-schema';

// The listing's filters live in the URL (?q=&format=&unit=&language=&interest=&from=&to=&status=&page=),
// so a search can be shared as a link. A value the server would refuse is treated as no filter.

export const PAGE_SIZE = 20;

export type DateErrors = { from?: string; to?: string };

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The start of a day (YYYY-MM-DD) in the viewer's zone, `plusDays` later; null when it is not a day. */
export function startOfDay(day: string, plusDays = 0): Date | null {
  const m = dayPattern.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const day0 = new Date(year, month, date);
  // 2026-02-30 is not a day, whatever Date makes of it.
  if (day0.getMonth() !== month || day0.getDate() !== date || year < 2000 || year > 2199) return null;
  return new Date(year, month, date + plusDays);
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function catalogQuery(params: URLSearchParams, editor: boolean): { query: ListCoursesQuery; errors: DateErrors; filtered: boolean } {
  const errors: DateErrors = {};
  const fromDay = params.get('from') ?? '';
  const toDay = params.get('to') ?? '';
  const from = fromDay ? startOfDay(fromDay) : null;
  // "To 12 June" includes the 12th: sessions starting before the 13th.
  const to = toDay ? startOfDay(toDay, 1) : null;
  if (fromDay && !from) errors.from = 'Give a day such as 2026-06-03.';
  if (toDay && !to) errors.to = 'Give a day such as 2026-06-03.';
  if (from && to && to <= from) errors.to = 'The last day is on or after the first.';

  const unit = params.get('unit');
  const language = params.get('language');
  const interest = params.get('interest')?.trim();
  const q = params.get('q')?.trim().slice(0, 200);
  const query: ListCoursesQuery = {
    q: q || undefined,
    format: oneOf<CourseFormat>(params.get('format'), courseFormats),
    businessUnitId: unit && uuidPattern.test(unit) ? unit : undefined,
    language: language && languageSchema.safeParse(language).success ? language : undefined,
    interest: interest && interest.length <= 60 ? interest : undefined,
    from: from && !errors.from ? from.toISOString() : undefined,
    to: to && !errors.to ? to.toISOString() : undefined,
    status: editor ? oneOf<CourseStatus>(params.get('status'), courseStatuses) : undefined,
    page: Math.min(100_000, Math.max(1, Number(params.get('page')) || 1)),
    pageSize: PAGE_SIZE,
  };
  const filtered = !!(query.q || query.format || query.businessUnitId || query.language || query.interest || query.from || query.to);
  return { query, errors, filtered };
}
