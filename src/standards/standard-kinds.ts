// The unit's three standards (ST-1). Each has its own versions; what each governs is fixed by the
// domain, so it is spelled here rather than edited: the delivery methodology binds every
// instructor, the unit's own and external ones alike.

export const standardKinds = ['design-model', 'delivery-methodology', 'style-guide'] as const;
export type StandardKind = (typeof standardKinds)[number];

export const standardKindInfo: Record<StandardKind, { name: string; governs: string }> = {
  'design-model': {
    name: 'Instructional design model',
    governs: 'Every course and deliverable the unit develops, from analysis to release; subject-matter experts take part in task analysis.',
  },
  'delivery-methodology': {
    name: 'Delivery methodology',
    governs: 'Every instructor who teaches for the unit, in-house or external, in every session.',
  },
  'style-guide': {
    name: 'Style guide',
    governs: 'The look and feel of every course, handout and slide, and the technical requirements of every e-learning package.',
  },
};

/** What a checklist item can be checked against (ST-2). */
export const checkSubjectTypes = ['course', 'session', 'deliverable'] as const;
export type CheckSubjectType = (typeof checkSubjectTypes)[number];

export const checkSubjectLabels: Record<CheckSubjectType, string> = { course: 'Course', session: 'Session', deliverable: 'Deliverable' };

export const checkResults = ['passed', 'waived', 'failed'] as const;
export type CheckResult = (typeof checkResults)[number];

export const standardStatuses = ['draft', 'published', 'superseded'] as const;
export type StandardStatus = (typeof standardStatuses)[number];
