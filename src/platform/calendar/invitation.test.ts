import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { invitationAttachment, invitationText, type Invitation } from './invitation';

// Parsed back with ical.js, a real calendar library: what a client would show is what we meant.

const base: Invitation = {
  uid: 'enrolment-1f0c@northwind.example',
  sequence: 0,
  method: 'REQUEST',
  // 09:00–12:00 in Lisbon on 12 January 2027 (WET, UTC+0) is 04:00–07:00 in New York (EST).
  start: new Date('2027-01-12T09:00:00Z'),
  end: new Date('2027-01-12T12:00:00Z'),
  stamp: new Date('2026-11-25T10:00:00Z'),
  summary: 'Handling Customer Complaints',
  description: 'Objectives: acknowledge, investigate, respond.\nContact: learning@northwind.example',
  location: 'Lisbon office, room 2.14',
  url: 'https://stride.northwind.example/catalog/courses/abc',
  organizer: { name: 'Learning & Performance', email: 'learning@northwind.example' },
  attendee: { name: 'Jasmine Carter', email: 'jasmine.carter@northwind.example' },
};

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('CA-5 calendar invitations (RFC 5545)', () => {
  it('CA-5 a REQUEST parses in a calendar library with the right instants, shown at the right local time in another zone', () => {
    const { calendar, vevent, event } = parse(invitationText(base));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(base.uid);
    expect(event.sequence).toBe(0);
    expect(event.summary).toBe('Handling Customer Complaints');
    expect(event.location).toBe('Lisbon office, room 2.14');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-01-12T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-01-12T12:00:00.000Z');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe('mailto:learning@northwind.example');
    expect(String(vevent.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:jasmine.carter@northwind.example');
    const local = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(event.startDate.toJSDate());
    expect(local('Europe/Lisbon')).toBe('09:00');
    expect(local('America/New_York')).toBe('04:00');
  });

  it('CA-5 a change keeps the UID with a higher SEQUENCE; a cancellation is METHOD:CANCEL, STATUS:CANCELLED, same UID', () => {
    const moved = parse(invitationText({ ...base, sequence: 1, start: new Date('2027-01-13T13:00:00Z'), end: new Date('2027-01-13T16:00:00Z') }));
    expect(moved.event.uid).toBe(base.uid);
    expect(moved.event.sequence).toBe(1);
    expect(moved.event.startDate.toJSDate().toISOString()).toBe('2027-01-13T13:00:00.000Z');

    const cancelled = parse(invitationText({ ...base, sequence: 2, method: 'CANCEL' }));
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancelled.event.uid).toBe(base.uid);
    expect(cancelled.event.sequence).toBe(2);
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('CA-5 the mail part names its METHOD, as iMIP asks, and lines fold at 75 octets', () => {
    const attachment = invitationAttachment({ ...base, description: 'x'.repeat(400) });
    expect(attachment).toMatchObject({ filename: 'invite.ics', method: 'REQUEST', contentType: 'text/calendar; charset=utf-8; method=REQUEST' });
    for (const line of attachment.content.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
