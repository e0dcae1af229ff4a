import { describe, expect, it } from 'vitest';
import { formatPeriod, periodFromUrl, presetRange, todayIn } from './report-period';

describe('CH-3 the compliance report’s period presets', () => {
  it('names whole months, quarters and years around today, across year ends', () => {
    expect(presetRange('this-month', '2026-02-14')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('last-month', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('this-quarter', '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetRange('last-quarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetRange('this-year', '2028-02-29')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
  });

  it('reads today in the charter calendar’s time zone', () => {
    const lateEvening = new Date('2026-07-01T02:30:00Z'); // still 30 June in New York
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-06-30');
    expect(todayIn('Not/A_Zone', lateEvening)).toBe('2026-07-01');
  });

  it('reads the period from the URL: a preset, custom days as typed, or this month', () => {
    const url = (query: string) => periodFromUrl(new URLSearchParams(query), '2026-11-25');
    expect(url('period=last-month')).toEqual({ kind: 'last-month', from: '2026-10-01', to: '2026-10-31' });
    expect(url('from=2026-06-01&to=2026-06-10')).toEqual({ kind: 'custom', from: '2026-06-01', to: '2026-06-10' });
    expect(url('period=custom&from=2026-06-10')).toEqual({ kind: 'custom', from: '2026-06-10', to: '' });
    expect(url('period=nonsense')).toEqual({ kind: 'this-month', from: '2026-11-01', to: '2026-11-30' });
  });

  it('formats the period as days, whatever the reader’s time zone', () => {
    // ICU puts thin spaces around the range's dash.
    expect(formatPeriod('2026-06-01', '2026-06-10').replace(/\s/g, ' ')).toBe('June 1 – 10, 2026');
    expect(formatPeriod('2026-06-01', '2026-06-01')).toBe('June 1, 2026');
  });
});
