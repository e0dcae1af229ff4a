import { z } from 'zod';
import { suggestionEventTypes, suggestionStatuses } from './schema';

// Shared by the suggestion pages' forms and the server's checks (FB-2).
const text = (what: string, max: number) => z.string().trim().min(1, `Write ${what}.`).max(max, `This is too long (${max.toLocaleString('en')} characters at most).`);

export const submitSuggestionInput = z.object({
  title: text('a short title', 200),
  idea: text('the idea', 5000),
  benefit: text('what it improves for customers or colleagues', 2000),
});
export type SubmitSuggestionInput = z.infer<typeof submitSuggestionInput>;

export const escalateSuggestionInput = z.object({ support: text('why you support it, for leadership', 2000) });
export const answerSuggestionInput = z.object({ reason: z.string().trim().min(20, 'Say why not in a sentence or two (20 characters at least).').max(2000, 'This is too long (2,000 characters at most).') });
export const decideSuggestionInput = z
  .object({
    decision: z.enum(['adopt', 'pilot', 'decline'], 'Choose adopt, pilot or decline.'),
    reason: text('what happens next, or why not', 2000),
  })
  .superRefine((value, ctx) => {
    if (value.decision === 'decline' && value.reason.length < 20) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'A decline needs its reason in a sentence or two (20 characters at least).' });
  });
export type DecideSuggestionInput = z.infer<typeof decideSuggestionInput>;

export const suggestionViews = ['mine', 'to-review', 'leadership'] as const;
export const listSuggestionsQuery = z.object({ view: z.enum(suggestionViews).default('mine') });

const personName = z.object({ id: z.uuid(), name: z.string() });

export const suggestionView = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    idea: z.string(),
    benefit: z.string(),
    status: z.enum(suggestionStatuses),
    submitter: personName,
    reviewer: personName.nullable(),
    submittedAt: z.string(),
    events: z.array(z.object({ id: z.uuid(), type: z.enum(suggestionEventTypes), actor: personName.nullable(), text: z.string(), at: z.string() })),
    can: z.object({ review: z.boolean(), decide: z.boolean() }),
  })
  .meta({ id: 'Suggestion' });
export type SuggestionView = z.infer<typeof suggestionView>;
