import { z } from 'zod';

// The compliance report's query and answer (CH-3): the same schemas drive the page and the check
// on the server, and the OpenAPI document is generated from them.

const MAX_PERIOD_DAYS = 3 * 366;
const DAY = 86_400_000;

export const complianceQuery = z
  .object({
    from: z.iso.date().describe('First day of the period (YYYY-MM-DD), in the charter calendar’s time zone'),
    to: z.iso.date().describe('Last day of the period, included'),
    businessUnitId: z.uuid().optional(),
    serviceLevelKey: z.string().min(1).max(200).optional(),
  })
  .superRefine((query, ctx) => {
    const days = (Date.parse(query.to) - Date.parse(query.from)) / DAY;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period must end on or after its first day.' });
    else if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'A report covers at most three years; choose a shorter period.' });
  });

export type ComplianceQuery = z.infer<typeof complianceQuery>;

/** A business unit, or { id: null, name: 'No business unit' } for clocks that named none. */
const unitRef = z.object({ id: z.uuid().nullable(), name: z.string() });

export const complianceFigures = z.object({
  /** Null on the total row. */
  businessUnit: unitRef.nullable(),
  started: z.number().int(),
  running: z.number().int(),
  met: z.number().int(),
  breached: z.number().int(),
  /** Of the stopped clocks; null when none stopped. */
  shareMet: z.number().nullable(),
  medianBusinessMinutes: z.number().nullable(),
  p90BusinessMinutes: z.number().nullable(),
  runningBreached: z.number().int(),
});

export type ComplianceFigures = z.infer<typeof complianceFigures>;

export const complianceBreach = z.object({
  clockId: z.uuid(),
  serviceLevelKey: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  /** How people quote the subject (Q-000123), from the capability that owns it; null when none says. */
  subjectReference: z.string().nullable(),
  businessUnit: unitRef,
  targetBusinessMinutes: z.number().int(),
  startedAt: z.iso.datetime(),
  dueAt: z.iso.datetime(),
  /** Null while the clock is still running. */
  stoppedAt: z.iso.datetime().nullable(),
  lateBusinessMinutes: z.number(),
  stopEvent: z.string().nullable(),
  cause: z.string(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  paused: z.boolean(),
  /** Business time the clock spent paused, a pause still going on counted up to now. */
  pausedBusinessMinutes: z.number(),
});

export type ComplianceBreach = z.infer<typeof complianceBreach>;

export const complianceServiceLevel = z.object({
  key: z.string(),
  name: z.string(),
  /** Every target the report's clocks were judged by: one per charter version they started under. */
  targetsBusinessMinutes: z.array(z.number().int()),
  total: complianceFigures,
  /** Per business unit, when the report is not filtered to one. */
  byBusinessUnit: z.array(complianceFigures),
});

export type ComplianceServiceLevel = z.infer<typeof complianceServiceLevel>;

export const complianceReportView = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    timeZone: z.string(),
    periodStart: z.iso.datetime(),
    periodEnd: z.iso.datetime(),
    generatedAt: z.iso.datetime(),
    businessUnitId: z.uuid().nullable(),
    serviceLevels: z.array(complianceServiceLevel),
    breaches: z.array(complianceBreach),
  })
  .meta({ id: 'ComplianceReport' });

export type ComplianceReport = z.infer<typeof complianceReportView>;
