import { z } from 'zod';
import { roles } from '../platform/auth/roles';
import { businessCalendarSchema } from '../service-levels/business-calendar-schema';
import { serviceLevelListSchema } from '../service-levels/service-level-schema';

// The charter's words (CH-1): what the unit offers, how each kind of request is handled and by
// whom, how it partners with business units. Service levels and the calendar sit beside it.

const text = (what: string, max: number) =>
  z.string().trim().min(1, `Write ${what}.`).max(max, `Keep ${what} under ${max} characters.`);

const role = z.enum(roles, { error: `Use one of the roles: ${roles.join(', ')}.` });

const offering = z.object({
  name: text('the name', 200),
  description: text('a description', 4000),
});

const requestHandling = z.object({
  requestType: text('the kind of request', 200),
  description: text('how it is handled', 4000),
  triagedBy: role,
  decidedBy: role,
  // Plain words beside the roles: "the consultant, with the requester's manager".
  who: z.string().trim().max(1000, 'Keep this under 1000 characters.').default(''),
});

const partnershipStep = z.object({
  title: text('the step', 200),
  description: text('what happens in this step', 4000),
});

export const charterContentSchema = z
  .object({
    introduction: text('an introduction', 8000),
    productsAndServices: z.array(offering).min(1, 'List at least one product or service.').max(100, 'List at most 100.'),
    requestHandling: z.array(requestHandling).min(1, 'Say how at least one kind of request is handled.').max(50, 'List at most 50.'),
    partnership: z.object({
      summary: text('how the unit partners with business units', 8000),
      steps: z.array(partnershipStep).max(30, 'List at most 30 steps.').default([]),
    }),
    closing: z.string().trim().max(8000, 'Keep the closing text under 8000 characters.').default(''),
  })
  .meta({ id: 'CharterContent' });

export type CharterContent = z.infer<typeof charterContentSchema>;
export type CharterContentInput = z.input<typeof charterContentSchema>;

/** Everything a unit lead edits in a draft; publishing freezes it as a version. */
export const charterDraftSchema = z
  .object({
    content: charterContentSchema,
    calendar: businessCalendarSchema,
    serviceLevels: serviceLevelListSchema,
    changeSummary: z.string().trim().max(2000, 'Keep the summary under 2000 characters.').default(''),
  })
  .meta({ id: 'CharterDraft' });

export type CharterDraft = z.infer<typeof charterDraftSchema>;
export type CharterDraftInput = z.input<typeof charterDraftSchema>;
