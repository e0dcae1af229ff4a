import { z } from 'zod';
import { roles } from '../platform/auth/roles';
import { findClockEventType, listSubjectTypes } from './clock-events';

// A service level as data (CH-2): a target in business minutes and the events that start, stop,
// pause and resume its clock. Refused here, field by field, rather than discovered as a clock that
// never stops or a promise that is always broken.

const keyPattern = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
const MAX_TARGET_MINUTES = 60 * 24 * 366; // a year of round-the-clock minutes: far beyond any promise

const eventName = z.string().trim().min(1, 'Name the event.');

export const serviceLevelDefinitionSchema = z
  .object({
    key: z
      .string()
      .trim()
      .regex(keyPattern, 'Use lower-case words joined by dots or dashes, such as question.first-response.web.')
      .max(100, 'Keep the key under 100 characters.'),
    name: z.string().trim().min(1, 'Name the service level.').max(200, 'Keep the name under 200 characters.'),
    description: z.string().trim().max(2000, 'Keep the description under 2000 characters.').default(''),
    subjectType: z.string().trim().min(1, 'Say what the clock measures (question, training-request, …).'),
    targetBusinessMinutes: z
      .number({ error: 'The target is a number of business minutes.' })
      .int('The target is a whole number of business minutes.')
      .positive('The target must be more than zero business minutes.')
      .max(MAX_TARGET_MINUTES, 'The target is longer than a year; promise something a customer can wait for.'),
    atRiskShare: z
      .number({ error: 'The at-risk share is a number between 0 and 1.' })
      .gt(0, 'The at-risk share must be more than 0 (0.75 warns when three quarters of the target are used).')
      .lt(1, 'The at-risk share must be less than 1, or the warning would come after the breach.')
      .default(0.75),
    startEvent: eventName,
    stopEvents: z.array(eventName).default([]),
    pauseEvents: z.array(eventName).default([]),
    resumeEvents: z.array(eventName).default([]),
    attributeMatch: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]*$/, 'Use a simple attribute name such as channel.'), z.string()).optional(),
    ownerRole: z.enum(roles, { error: `The owner is one of the roles: ${roles.join(', ')}.` }),
  })
  .superRefine((level, ctx) => {
    const subjects = listSubjectTypes();
    if (!subjects.includes(level.subjectType)) {
      ctx.addIssue({ code: 'custom', path: ['subjectType'], message: `Unknown subject type "${level.subjectType}"; use one of: ${subjects.join(', ')}.` });
    }
    const checkEvent = (type: string, path: (string | number)[]) => {
      const known = findClockEventType(type);
      if (!known) {
        ctx.addIssue({ code: 'custom', path, message: `Unknown event type "${type}"; only events a part of Stride records can drive a clock.` });
      } else if (known.subjectType !== level.subjectType) {
        ctx.addIssue({ code: 'custom', path, message: `"${type}" happens to a ${known.subjectType}, not a ${level.subjectType}.` });
      }
    };
    checkEvent(level.startEvent, ['startEvent']);
    if (level.stopEvents.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['stopEvents'], message: 'A clock that never stops cannot be met; name at least one event that stops it.' });
    }
    const lists = ['stopEvents', 'pauseEvents', 'resumeEvents'] as const;
    const seen = new Map<string, string>([[level.startEvent, 'startEvent']]);
    for (const list of lists) {
      level[list].forEach((type, i) => {
        checkEvent(type, [list, i]);
        const earlier = seen.get(type);
        if (earlier === 'startEvent' && list === 'stopEvents') {
          ctx.addIssue({ code: 'custom', path: [list, i], message: 'The stop event must differ from the start event, or every clock would stop as it starts.' });
        } else if (earlier !== undefined) {
          ctx.addIssue({ code: 'custom', path: [list, i], message: `"${type}" is already used as ${describe(earlier)}; an event plays one part in a clock.` });
        } else {
          seen.set(type, list);
        }
      });
    }
    if (level.pauseEvents.length > 0 && level.resumeEvents.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['resumeEvents'], message: 'A clock that pauses must have an event that resumes it, or it would stay paused for ever.' });
    }
    if (level.resumeEvents.length > 0 && level.pauseEvents.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['pauseEvents'], message: 'Resume events need a pause event to resume from.' });
    }
  })
  .meta({ id: 'ServiceLevelDefinition' });

function describe(part: string): string {
  return { startEvent: 'the start event', stopEvents: 'a stop event', pauseEvents: 'a pause event', resumeEvents: 'a resume event' }[part] ?? part;
}

export type ServiceLevelDefinition = z.infer<typeof serviceLevelDefinitionSchema>;
export type ServiceLevelDefinitionInput = z.input<typeof serviceLevelDefinitionSchema>;

export const serviceLevelListSchema = z
  .array(serviceLevelDefinitionSchema)
  .max(200, 'A charter lists at most 200 service levels.')
  .superRefine((levels, ctx) => {
    const seen = new Set<string>();
    levels.forEach((level, i) => {
      if (seen.has(level.key)) {
        ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Another service level already has the key ${level.key}; keys are unique within a charter.` });
      }
      seen.add(level.key);
    });
  });
