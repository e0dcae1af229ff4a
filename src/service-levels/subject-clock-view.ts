import { z } from 'zod';

/** A clock as a capability shows it beside its subject (a question, a request): its live state (CH-3). */
export const subjectClockView = z
  .object({
    key: z.string(),
    name: z.string(),
    targetBusinessMinutes: z.number().int(),
    state: z.enum(['on_track', 'at_risk', 'breached', 'met', 'paused']),
    startedAt: z.string(),
    dueAt: z.string().nullable(),
    stoppedAt: z.string().nullable(),
    elapsedBusinessMinutes: z.number(),
    remainingBusinessMinutes: z.number(),
  })
  .meta({ id: 'SubjectClock' });

export type SubjectClockView = z.infer<typeof subjectClockView>;
