import { everyone, except, only, signedIn, type AccessTable, type Caller, type Outcome } from './expectations';

// A question to the unit (IN-1) is the asker's and the unit's: the coordinators, consultants, unit
// lead and admins who work the queue. Nobody else learns it exists — not even the asker's
// supervisor, since people ask the unit what they would not ask their manager; leaders see the
// organization's people, not the unit's inbox.

const handlers: Caller[] = ['coordinator', 'consultant', 'unitLead', 'admin'];
const queue = (): Record<Caller, Outcome> => only(...handlers);
const notTheirs = { anotherLearner: 'scoped', supervisorOfLearner: 'scoped', supervisorOfOther: 'scoped', partner: 'scoped', instructor: 'scoped', leader: 'scoped' } as const;

export const questionsAccess: AccessTable = {
  'POST /api/v1/questions': {
    why: 'Anyone signed in may ask the unit a question on the web form.',
    expect: signedIn(),
    request: (world) => ({ body: { subject: `Which course for Excel? ${world.unique()}`, body: 'I need pivot tables for month-end reporting.' } }),
  },
  'POST /api/v1/questions/guest': {
    why: 'Anyone, with or without an account, may ask on the public form; the receipt and answer go to the e-mail given (rate-limited).',
    expect: everyone(),
    request: (world) => ({ body: { name: 'Casey Contractor', email: `casey.${world.unique()}@contractor.example`, subject: `Can contractors attend? ${world.unique()}`, body: 'I start next month on the grid project.' } }),
  },
  'POST /api/v1/questions/logged': {
    why: 'Those who work the question queue log phone and e-mail contacts on the asker’s behalf.',
    expect: queue(),
    request: (world) => ({ body: { channel: 'phone', askerId: world.people.learner.id, subject: `Phoned about onboarding ${world.unique()}`, body: 'Asked when the next onboarding session runs.' } }),
  },
  'GET /api/v1/questions': {
    why: 'The queue sees every question; everyone else lists only the questions they asked.',
    expect: except(signedIn(), notTheirs),
  },
  'GET /api/v1/questions/{id}': {
    why: 'A question is the asker’s and the queue’s; for anyone else (supervisors included) it does not exist.',
    expect: only('learner', ...handlers),
    request: (world) => ({ params: { id: world.records.learnerQuestionId } }),
  },
  'PATCH /api/v1/questions/{id}/assignee': {
    why: 'The queue assigns questions among itself.',
    expect: queue(),
    request: (world) => ({ params: { id: world.records.learnerQuestionId }, body: { assigneeId: world.people.coordinator.id } }),
  },
  'POST /api/v1/questions/{id}/answers': {
    why: 'The queue answers questions; the answer is mailed to the asker.',
    expect: queue(),
    request: (world) => ({ params: { id: world.records.learnerQuestionId }, body: { body: `Here is what we suggest ${world.unique()}.` } }),
  },
};
