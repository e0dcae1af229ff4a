// The audience analysis's enumerations (CA-4), in a file of their own so the pages can import them
// without the database layer; schema.ts builds its columns from the same lists.

/** "How much have you done this before?" */
export const priorExperienceLevels = ['none', 'some', 'a_lot'] as const;
export type PriorExperience = (typeof priorExperienceLevels)[number];

/** "I meet the prerequisites", asked when the course names some. */
export const prerequisiteAnswers = ['yes', 'partly', 'no'] as const;
export type PrerequisiteAnswer = (typeof prerequisiteAnswers)[number];

/**
 * The fit rules (fit-rules.ts), one id each: a flag is stored with the rule that raised it, so it
 * can be explained and reviewed later. Grouped by the seed's three questions: right people
 * (unit), right class (prerequisites, level), right reasons (reason, supervisor's expectations).
 */
export const fitRules = [
  'no_answers', // the learner has not answered the questions (yet)
  'unit_outside_audience', // their business unit is not one the course is meant for
  'prerequisites_not_met', // "I meet the prerequisites": no
  'prerequisites_partly_met', // … partly
  'experienced_on_introductory', // a lot of experience, self-rated 4–5, on an introductory course
  'no_reason', // nothing said about why
  'obligation_only', // the reason only says it is mandatory / required / they were told to
  'no_expectations', // a supervisor-approved session, and no supervisor said what they expect
] as const;
export type FitRule = (typeof fitRules)[number];

/** What each rule is called on a page or in a summary. */
export const fitRuleLabels: Record<FitRule, string> = {
  no_answers: 'Questions not answered',
  unit_outside_audience: 'Outside the course’s audience',
  prerequisites_not_met: 'Prerequisites not met',
  prerequisites_partly_met: 'Prerequisites partly met',
  experienced_on_introductory: 'Experienced, on an introductory course',
  no_reason: 'No reason given',
  obligation_only: 'Only “I was told to”',
  no_expectations: 'No supervisor expectations',
};
