// Calendar days in a time zone as instants: a period "1 to 31 March" in the unit's zone begins and
// ends at local midnights, which are not UTC midnights (and move with daylight saving).

const DAY = 86_400_000;

/** The instant a local calendar day (`date` plus `addDays`) begins in `timeZone`. */
export function localMidnight(date: string, timeZone: string, addDays: number): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + addDays * DAY;
  let guess = wall - offsetAt(timeZone, wall);
  guess = wall - offsetAt(timeZone, guess);
  return new Date(guess);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local wall-clock time minus UTC at `at`, in milliseconds. */
function offsetAt(timeZone: string, at: number): number {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, Number(p.value)]));
  const local = new Date(0);
  local.setUTCFullYear(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1);
  local.setUTCHours(parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, 0);
  const offset = local.getTime() - (at - (((at % 1000) + 1000) % 1000));
  return Number.isFinite(offset) ? offset : 0;
}
