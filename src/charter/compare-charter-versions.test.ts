import { describe, expect, it } from 'vitest';
import { charterDraftSchema } from './charter-schema';
import { compareCharterVersions } from './compare-charter-versions';
import { demoCharter } from './demo-charter';

const v1 = charterDraftSchema.parse(demoCharter);

describe('CH-4 what a version changed, in words', () => {
  it('names removed offerings, changed days and every field of a changed service level', () => {
    const v2 = charterDraftSchema.parse({
      ...demoCharter,
      content: { ...demoCharter.content, productsAndServices: demoCharter.content.productsAndServices.slice(1) },
      calendar: { ...demoCharter.calendar, week: { ...demoCharter.calendar.week, fri: [{ start: '08:30', end: '12:00' }] } },
      serviceLevels: demoCharter.serviceLevels
        .filter((l) => l.key !== 'development.large')
        .map((l) => (l.key === 'question.first-response.phone' ? { ...l, targetBusinessMinutes: 30, ownerRole: 'consultant' as const } : l)),
    });
    expect(compareCharterVersions(v1, v2)).toEqual([
      { area: 'content', key: 'productsAndServices:Performance consulting', change: 'removed', label: 'Product or service removed: Performance consulting', before: expect.any(String) },
      { area: 'calendar', key: 'calendar:week:fri', change: 'changed', label: 'Working hours on Friday: 08:30–17:00 → 08:30–12:00', before: '08:30–17:00', after: '08:30–12:00' },
      {
        area: 'service-level',
        key: 'service-level:question.first-response.phone',
        change: 'changed',
        label: 'First response to a question — phone message: target 4 working hours → 30 working minutes; owner Coordinator → Consultant',
        before: 'Target: 4 working hours\nOwner: Coordinator',
        after: 'Target: 30 working minutes\nOwner: Consultant',
      },
      { area: 'service-level', key: 'service-level:development.large', change: 'removed', label: 'Service level removed: Development time — large project', before: expect.stringContaining('510 working hours') },
    ]);
  });

  it('an unchanged charter changes nothing', () => {
    expect(compareCharterVersions(v1, v1)).toEqual([]);
  });
});
