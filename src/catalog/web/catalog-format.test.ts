import { describe, expect, it } from 'vitest';
import { formatDuration, momentTimes, sessionTimes, zoneLabel } from './catalog-format';
import { catalogQuery, startOfDay } from './catalog-query';

const now = new Date('2027-01-02T12:00:00Z');

describe('CA-2 session times in the session’s zone and the viewer’s', () => {
  it('CA-2 names the session’s zone, and adds the viewer’s time only when the wall clock differs', () => {
    expect(sessionTimes('2027-01-12T09:00:00Z', '2027-01-12T12:00:00Z', 'Europe/Lisbon', 'America/New_York', now)).toEqual({
      local: 'Tue 12 Jan, 09:00–12:00 Lisbon time',
      yours: '04:00–07:00 your time',
    });
    expect(sessionTimes('2027-01-12T09:00:00Z', '2027-01-12T12:00:00Z', 'Europe/Lisbon', 'Europe/London', now)).toEqual({ local: 'Tue 12 Jan, 09:00–12:00 Lisbon time', yours: null });
    // Across midnight for the viewer: the days are named.
    expect(sessionTimes('2027-01-12T09:00:00Z', '2027-01-12T12:00:00Z', 'Europe/Lisbon', 'Pacific/Auckland', now).yours).toBe('Tue 12 Jan, 22:00 – Wed 13 Jan, 01:00 your time');
    expect(sessionTimes('2027-01-12T09:00:00Z', '2027-01-13T17:00:00Z', 'UTC', 'UTC', now).local).toBe('Tue 12 Jan, 09:00 – Wed 13 Jan, 17:00 UTC');
    // Another year than this one says so.
    expect(momentTimes('2028-03-01T10:00:00Z', 'America/New_York', 'America/New_York', now)).toEqual({ local: 'Wed 1 Mar 2028, 05:00 New York time', yours: null });
    expect(momentTimes('2027-01-11T17:00:00Z', 'Europe/Lisbon', 'America/New_York', now)).toEqual({ local: 'Mon 11 Jan, 17:00 Lisbon time', yours: '12:00 your time' });
    expect(momentTimes('2027-01-11T02:00:00Z', 'Europe/Lisbon', 'America/New_York', now).yours).toBe('Sun 10 Jan, 21:00 your time');
  });

  it('names zones and durations in words', () => {
    expect(zoneLabel('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
    expect(zoneLabel('UTC')).toBe('UTC');
    expect(formatDuration(420)).toBe('7 h');
    expect(formatDuration(90)).toBe('1 h 30 min');
  });
});

describe('CA-1 the listing’s filters from the URL', () => {
  it('CA-1 keeps what the server accepts, reads days in the viewer’s zone and ignores the rest', () => {
    const { query, errors, filtered } = catalogQuery(new URLSearchParams('q=complaints&format=virtual&language=pt&unit=nope&status=draft&from=2027-02-01&to=2027-02-28&page=3'), false);
    expect(query).toMatchObject({ q: 'complaints', format: 'virtual', language: 'pt', businessUnitId: undefined, status: undefined, page: 3, pageSize: 20 });
    expect(query.from).toBe(startOfDay('2027-02-01')!.toISOString());
    expect(query.to).toBe(startOfDay('2027-03-01')!.toISOString());
    expect(errors).toEqual({});
    expect(filtered).toBe(true);
    expect(catalogQuery(new URLSearchParams('status=draft'), true).query.status).toBe('draft');
    expect(catalogQuery(new URLSearchParams('from=2027-02-30&to=2027-01-01&format=webinar'), true)).toMatchObject({ errors: { from: 'Give a day such as 2026-06-03.' }, query: { format: undefined, from: undefined } });
    expect(catalogQuery(new URLSearchParams('from=2027-02-10&to=2027-02-01'), true).errors).toEqual({ to: 'The last day is on or after the first.' });
  });
});
