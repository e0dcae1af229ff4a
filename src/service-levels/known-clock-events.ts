// Every event a service-level clock may listen to, in one list. A capability that emits an event
// adds it here (or registers it at start with registerClockEventTypes) instead of timing itself,
// so the charter can only promise what Stride can actually observe.

export const knownSubjectTypes = [
  'question',
  'training-request',
  'enrolment',
  'development-project',
  'feedback',
  'problem-report',
] as const;

export type KnownSubjectType = (typeof knownSubjectTypes)[number];

export const knownClockEvents = [
  { type: 'question.asked', subjectType: 'question', label: 'A question reached the unit' },
  // Assigning hands the question's running clocks to the assignee (the at-risk warning goes to them).
  { type: 'question.assigned', subjectType: 'question', label: 'The question was assigned to someone' },
  { type: 'question.answered', subjectType: 'question', label: 'The unit answered the question' },
  { type: 'question.waiting-on-customer', subjectType: 'question', label: 'The unit asked the customer for details' },
  { type: 'question.customer-replied', subjectType: 'question', label: 'The customer replied' },
  { type: 'training-request.submitted', subjectType: 'training-request', label: 'A training request was submitted' },
  { type: 'training-request.triaged', subjectType: 'training-request', label: 'The request was triaged and has an owner' },
  { type: 'enrolment.completed', subjectType: 'enrolment', label: 'The learner completed the course' },
  { type: 'certificate.sent', subjectType: 'enrolment', label: 'The certificate of completion was sent' },
  { type: 'project.started', subjectType: 'development-project', label: 'Development started' },
  { type: 'project.delivered', subjectType: 'development-project', label: 'The courseware was delivered' },
  { type: 'feedback.received', subjectType: 'feedback', label: 'Feedback or a complaint was received' },
  { type: 'feedback.acknowledged', subjectType: 'feedback', label: 'The sender was told who handles it' },
  { type: 'feedback.resolved', subjectType: 'feedback', label: 'The feedback was resolved and the loop closed' },
  { type: 'problem-report.received', subjectType: 'problem-report', label: 'A courseware problem was reported' },
  // Triage hands the report's running clock to whoever answers it (the at-risk warning goes to them).
  { type: 'problem-report.triaged', subjectType: 'problem-report', label: 'The report was given to who answers it' },
  { type: 'problem-report.answered', subjectType: 'problem-report', label: 'The reporter got an answer' },
] as const satisfies readonly { type: string; subjectType: KnownSubjectType; label: string }[];
