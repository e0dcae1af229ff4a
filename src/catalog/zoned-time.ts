// Wall-clock times in an IANA time zone and the instants they name (CA-2). Node 20 has no
// Temporal; Intl gives a zone's wall clock for an instant, and the way back tries the offsets in
// force around that wall time. Pure, so the session editor in the browser can use it too.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function wallOf(instant: number, timeZone: string): Wall {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

const asUtc = (w: Wall) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The zone's offset from UTC at an instant, in milliseconds (whole seconds). */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return asUtc(wallOf(whole, timeZone)) - whole;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2026-06-03T09:00" (seconds only when there are some): the wall-clock time of an instant in a zone. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const w = wallOf(instant.getTime(), timeZone);
  const base = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  return w.second ? `${base}:${pad(w.second)}` : base;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

export type LocalResolution = { ok: true; instant: Date } | { ok: false; reason: 'invalid' | 'skipped' };

/**
 * The instant a wall-clock time names in a zone. A time the clocks skip (spring forward) does not
 * exist and is refused; a time they repeat (fall back) is the first of the two, as calendars do.
 */
export function fromLocalDateTime(local: string, timeZone: string): LocalResolution {
  const m = localPattern.exec(local);
  if (!m) return { ok: false, reason: 'invalid' };
  const wall: Wall = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0) };
  const target = asUtc(wall);
  const check = new Date(target);
  if (check.getUTCMonth() !== wall.month - 1 || check.getUTCDate() !== wall.day) return { ok: false, reason: 'invalid' };
  const DAY = 86_400_000;
  const offsets = new Set([offsetAt(target - DAY, timeZone), offsetAt(target, timeZone), offsetAt(target + DAY, timeZone)]);
  const candidates = [...offsets].map((offset) => target - offset).filter((instant) => asUtc(wallOf(instant, timeZone)) === target);
  if (candidates.length === 0) return { ok: false, reason: 'skipped' };
  return { ok: true, instant: new Date(Math.min(...candidates)) };
}

/** Has an explicit offset or Z: already an instant. */
export const hasOffset = (value: string) => /(?:Z|[+-]\d{2}:\d{2})$/i.test(value);

/** An instant given with its offset, or a wall-clock time read in the zone. */
export function resolveDateTime(value: string, timeZone: string): LocalResolution {
  if (hasOffset(value)) {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? { ok: false, reason: 'invalid' } : { ok: true, instant };
  }
  return fromLocalDateTime(value, timeZone);
}
