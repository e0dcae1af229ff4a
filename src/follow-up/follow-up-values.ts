// Who is asked after the event (AF-4), and the three answers an objective can get.
export const respondentRoles = ['learner', 'supervisor'] as const;
export type RespondentRole = (typeof respondentRoles)[number];

export const objectiveRatings = ['met', 'partly', 'not_met'] as const;
export type ObjectiveRating = (typeof objectiveRatings)[number];
