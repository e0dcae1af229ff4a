let cached: string[] | undefined;

/** IANA time zones the browser knows, with UTC first. */
export function timeZones(current?: string): string[] {
  if (!cached) {
    let zones: string[] = [];
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
    cached = ['UTC', ...zones.filter((z) => z !== 'UTC')];
  }
  return current && !cached.includes(current) ? [current, ...cached] : cached;
}
