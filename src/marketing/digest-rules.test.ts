import { describe, expect, it } from 'vitest';
import type { OfferedCourse, OfferedSession, Offerings } from '../catalog/find-offerings';
import { composeDigest, isEmptyDigest, MAX_NEW_COURSES } from './compose-digest';
import { digestMessage, formatDuration } from './digest-message';
import { digestDay, dueAfterChange, digestWindow, isoWeek, nextDueOn, periodOf, widestWindow } from './digest-schedule';
import { parseMultipart, parseUrlEncoded } from './form-body';
import { maskEmail } from './unsubscribe';

// The digest's rules without a database (CA-6): when it is due, what it covers, what it lists, what
// the message says and carries, and how a one-click body is read.

const at = (iso: string) => new Date(iso);

describe('CA-6 when a digest is due and what period it belongs to', () => {
  it('names ISO weeks across year ends, and calendar months', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: still 2026's last week
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday in 2025's first week
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(periodOf('weekly', at('2026-11-29T23:59:59Z'))).toBe('2026-W48');
    expect(periodOf('weekly', at('2026-11-30T00:00:00Z'))).toBe('2026-W49');
    expect(periodOf('monthly', at('2026-11-30T07:00:00Z'))).toBe('2026-11');
  });

  it('weekly is due 7 days after the last; monthly on the 1st of the next month', () => {
    expect(nextDueOn('weekly', '2026-11-23')).toBe('2026-11-30');
    expect(nextDueOn('weekly', '2026-12-28')).toBe('2027-01-04');
    expect(nextDueOn('monthly', '2026-11-01')).toBe('2026-12-01');
    expect(nextDueOn('monthly', '2026-12-17')).toBe('2027-01-01');
    expect(nextDueOn('monthly', '2027-01-31')).toBe('2027-02-01');
  });

  it('a first digest is due at the next run; a change of rhythm keeps a whole period after the last one', () => {
    expect(dueAfterChange('weekly', null, '2026-11-20')).toBe('2026-11-20');
    expect(dueAfterChange('monthly', null, '2026-11-20')).toBe('2026-11-20');
    expect(dueAfterChange('weekly', at('2026-11-16T07:00:00Z'), '2026-11-20')).toBe('2026-11-23');
    expect(dueAfterChange('monthly', at('2026-11-01T07:00:00Z'), '2026-11-20')).toBe('2026-12-01');
    expect(dueAfterChange('weekly', at('2026-10-01T07:00:00Z'), '2026-11-20')).toBe('2026-11-20');
  });

  it('tells the day of the run that will send it: today before 07:00 UTC, else tomorrow, never before it is due', () => {
    expect(digestDay('2026-11-20', at('2026-11-20T06:59:00Z'))).toBe('2026-11-20');
    expect(digestDay('2026-11-20', at('2026-11-20T07:00:00Z'))).toBe('2026-11-21');
    expect(digestDay('2026-11-01', at('2026-11-20T10:00:00Z'))).toBe('2026-11-21');
    expect(digestDay('2026-11-27', at('2026-11-20T10:00:00Z'))).toBe('2026-11-27');
  });

  it('any two weekly digests 7 or more days apart fall in different periods', () => {
    for (let d = 0; d < 800; d++) {
      const day = new Date(Date.UTC(2025, 0, 1) + d * 86_400_000);
      const week = new Date(day.getTime() + 7 * 86_400_000);
      expect(periodOf('weekly', week)).not.toBe(periodOf('weekly', day));
    }
  });

  it('covers news since the last digest (at most two periods back), and sessions two periods ahead', () => {
    const now = at('2026-11-23T07:00:00Z');
    expect(digestWindow('weekly', at('2026-11-16T07:00:00Z'), now)).toEqual({ newSince: at('2026-11-16T07:00:00Z'), upcomingUntil: at('2026-12-07T07:00:00Z') });
    expect(digestWindow('weekly', null, now).newSince).toEqual(at('2026-11-16T07:00:00Z'));
    expect(digestWindow('weekly', at('2025-01-01T00:00:00Z'), now).newSince).toEqual(at('2026-11-09T07:00:00Z'));
    expect(digestWindow('monthly', at('2026-11-01T07:00:00Z'), at('2026-12-01T07:00:00Z'))).toEqual({
      newSince: at('2026-11-01T07:00:00Z'),
      upcomingUntil: at('2027-02-01T00:00:00Z'),
    });
    expect(digestWindow('monthly', null, at('2026-12-01T07:00:00Z')).newSince).toEqual(at('2026-11-01T07:00:00Z'));
    const widest = widestWindow(now);
    expect(widest.newSince).toEqual(at('2026-09-23T07:00:00Z'));
    expect(widest.upcomingUntil).toEqual(at('2027-01-01T00:00:00Z'));
  });
});

const safety = 'aaaaaaaa-0000-4000-8000-000000000001';
const finance = 'aaaaaaaa-0000-4000-8000-000000000002';
const field = 'bbbbbbbb-0000-4000-8000-000000000001';

function course(id: string, overrides: Partial<OfferedCourse> = {}): OfferedCourse {
  return {
    id, code: `C-${id.slice(-3)}`, title: `Course ${id.slice(-3)}`, summary: 'What it is about.', format: 'classroom', durationMinutes: 420,
    publishedAt: at('2026-11-20T10:00:00Z'), interestIds: [safety], audienceUnitIds: [], ...overrides,
  };
}
function session(id: string, courseId: string, startsAt: string, overrides: Partial<OfferedSession> = {}): OfferedSession {
  return {
    id, courseId, startsAt: at(startsAt), endsAt: new Date(at(startsAt).getTime() + 8 * 3_600_000), timeZone: 'America/New_York', language: 'en',
    place: 'Training yard, Quincy', online: false, capacity: 12, enrolmentDeadline: new Date(at(startsAt).getTime() - 4 * 86_400_000), ...overrides,
  };
}
function offeringsOf(courses: OfferedCourse[], sessions: OfferedSession[]): Offerings {
  return { courses: new Map(courses.map((c) => [c.id, c])), newCourseIds: [...courses].sort((a, b) => +b.publishedAt - +a.publishedAt).map((c) => c.id), sessions };
}

describe('CA-6 what one digest lists', () => {
  const now = at('2026-11-23T07:00:00Z');
  const window = digestWindow('weekly', at('2026-11-16T07:00:00Z'), now);
  const reader = { interestIds: new Set([safety]), businessUnitId: field, enrolledCourseIds: new Set<string>() };

  it('lists courses published since the last digest and sessions in the window, on the reader’s interests only', () => {
    const offerings = offeringsOf(
      [course('c-001'), course('c-002', { interestIds: [finance] }), course('c-003', { publishedAt: at('2026-11-10T10:00:00Z') })],
      [session('s-001', 'c-003', '2026-12-01T14:00:00Z'), session('s-002', 'c-002', '2026-12-01T14:00:00Z'), session('s-003', 'c-003', '2026-12-10T14:00:00Z')],
    );
    const digest = composeDigest(offerings, new Map(), reader, window);
    expect(digest.newCourses.map((c) => c.id)).toEqual(['c-001']);
    expect(digest.upcomingSessions.map((s) => s.id)).toEqual(['s-001']); // s-003 starts after the window
    expect(digest.upcomingSessions[0]).toMatchObject({ seatsLeft: 12, course: { id: 'c-003' } });
  });

  it('leaves out full sessions, courses meant for other units, and courses the reader is already enrolled on', () => {
    const offerings = offeringsOf(
      [course('c-001', { audienceUnitIds: ['other-unit'] }), course('c-002', { audienceUnitIds: [field] }), course('c-003'), course('c-004')],
      [session('s-001', 'c-003', '2026-12-01T14:00:00Z'), session('s-002', 'c-004', '2026-12-02T14:00:00Z')],
    );
    const digest = composeDigest(offerings, new Map([['s-002', 0]]), { ...reader, enrolledCourseIds: new Set(['c-003']) }, window);
    expect(digest.newCourses.map((c) => c.id).sort()).toEqual(['c-002', 'c-004']);
    expect(digest.upcomingSessions).toEqual([]);
    expect(composeDigest(offerings, new Map(), { ...reader, businessUnitId: null }, window).newCourses.map((c) => c.id).sort()).toEqual(['c-003', 'c-004']);
  });

  it('is empty when nothing matches, and keeps long lists short', () => {
    const offerings = offeringsOf([course('c-001', { interestIds: [finance] })], []);
    expect(isEmptyDigest(composeDigest(offerings, new Map(), reader, window))).toBe(true);
    const many = offeringsOf(Array.from({ length: 14 }, (_, i) => course(`c-${String(100 + i)}`)), []);
    const digest = composeDigest(many, new Map(), reader, window);
    expect(digest.newCourses).toHaveLength(MAX_NEW_COURSES);
    expect(digest.moreNewCourses).toBe(4);
  });
});

describe('CA-6 the digest message', () => {
  const digest = composeDigest(
    offeringsOf([course('c-001', { code: 'SAF-110', title: 'Working Safely Near Live Lines' })], [session('s-001', 'c-001', '2026-12-01T14:00:00Z')]),
    new Map([['s-001', 5]]),
    { interestIds: new Set([safety]), businessUnitId: null, enrolledCourseIds: new Set() },
    digestWindow('weekly', at('2026-11-16T07:00:00Z'), at('2026-11-23T07:00:00Z')),
  );
  const message = digestMessage({ name: 'Ewa Kowalska', frequency: 'weekly', interestNames: ['Safety'], digest, publicUrl: 'https://stride.example', token: 'TOKEN123', contactEmail: 'learning@northwind.example' });

  it('says what is new and upcoming, with times where the session happens and the seats left', () => {
    expect(message.subject).toBe('Your weekly course digest: 1 new course and 1 upcoming session');
    expect(message.body).toContain('Hello Ewa,');
    expect(message.body).toContain('New in the catalog\n- SAF-110 Working Safely Near Live Lines (classroom, 7 hours)');
    expect(message.body).toContain('Tuesday, December 1, 2026, 9:00 AM – 5:00 PM EST');
    expect(message.body).toContain('5 seats left · apply by Friday, November 27 at 9:00 AM EST');
    expect(message.body).toContain('  https://stride.example/catalog/courses/c-001');
    expect(message.links).toEqual([
      { label: 'Browse the catalog', url: 'https://stride.example/catalog' },
      { label: 'My interests', url: 'https://stride.example/account/interests' },
      { label: 'Unsubscribe from this digest', url: 'https://stride.example/unsubscribe/TOKEN123' },
    ]);
  });

  it('carries both RFC 8058 headers: the one-click address and a mailto: alternative', () => {
    expect(message.headers).toEqual({
      'List-Unsubscribe': '<https://stride.example/api/v1/unsubscribe/TOKEN123>, <mailto:learning@northwind.example?subject=unsubscribe>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('words durations and hides most of an address', () => {
    expect([formatDuration(45), formatDuration(60), formatDuration(420), formatDuration(90)]).toEqual(['45 minutes', '1 hour', '7 hours', '1 h 30 min']);
    expect(maskEmail('jasmine.carter@northwind.example')).toBe('j•••@northwind.example');
  });
});

describe('CA-6 reading a one-click body', () => {
  it('reads the form-encoded body mail clients send', () => {
    expect(parseUrlEncoded('List-Unsubscribe=One-Click')).toEqual({ 'List-Unsubscribe': 'One-Click' });
  });

  it('reads a multipart body, with or without a quoted boundary, and ignores files', () => {
    const body = ['--xyz', 'Content-Disposition: form-data; name="List-Unsubscribe"', '', 'One-Click', '--xyz', 'Content-Disposition: form-data; name="f"; filename="a.txt"', 'Content-Type: text/plain', '', 'file', '--xyz--', ''].join('\r\n');
    expect(parseMultipart(body, 'multipart/form-data; boundary=xyz')).toEqual({ 'List-Unsubscribe': 'One-Click' });
    expect(parseMultipart(body, 'multipart/form-data; boundary="xyz"')).toEqual({ 'List-Unsubscribe': 'One-Click' });
    expect(() => parseMultipart(body, 'multipart/form-data')).toThrow(/could not be read/);
    expect(Object.getPrototypeOf(parseMultipart('--b\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--b--', 'multipart/form-data; boundary=b'))).toBe(Object.prototype);
  });
});
