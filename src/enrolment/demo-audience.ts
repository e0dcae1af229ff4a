import type { AudienceAnswersInput } from './audience-schemas';

// What Northwind's demo applicants answered to the audience questions (CA-4), by course code and
// employee id, and what their supervisors expect. Most fit; a few are flagged on purpose, so the
// coordinator has something to look at and redirect:
// - Laura Schmidt (Finance analyst) was told to attend Budgeting Basics, which she could teach;
// - Noah Kim (Customer Care) applied for Reading Single-Line Diagrams, meant for Grid and Field;
// - Hannah Becker partly meets the prerequisites of Calming Difficult Calls;
// - Brianna Scott and three gas-leak technicians have not answered yet (put down by others).

type Answers = AudienceAnswersInput;

export const demoAnswers: Record<string, Record<string, Answers>> = {
  'CC-101': {
    N0100: { reason: 'Complaints about the new tariff take me twice as long as they should; I want to close them in one call.', priorExperience: 'some', priorExperienceNote: 'Eight months on the phones.', selfRatedLevel: 2, meetsPrerequisites: 'yes' },
    N0101: { reason: 'I handle most escalations on the late shift and want a structure for them.', priorExperience: 'some', selfRatedLevel: 3, meetsPrerequisites: 'yes' },
    N0102: { reason: 'To get better at complaint calls before the peak season.', priorExperience: 'some', selfRatedLevel: 2, meetsPrerequisites: 'yes' },
    N0103: { reason: 'My review goal: take complaint calls on my own instead of passing them on.', priorExperience: 'none', selfRatedLevel: 1, meetsPrerequisites: 'yes' },
    N0112: { role: 'Agente de apoio ao cliente', reason: 'Quero melhorar as respostas por escrito às reclamações.', priorExperience: 'some', selfRatedLevel: 3, meetsPrerequisites: 'yes' },
  },
  'CC-201': {
    N0105: { reason: 'Callers who are angry after an outage throw me off; I want a way to calm the call down.', priorExperience: 'some', priorExperienceNote: 'Five months on the phones, no CC-101 yet.', selfRatedLevel: 3, meetsPrerequisites: 'partly' },
  },
  'FO-101': {
    N0132: { reason: 'New to the southern crew; their substations use a lockout procedure I have not done before.', priorExperience: 'some', selfRatedLevel: 3, meetsPrerequisites: 'yes' },
  },
  'FO-130': {
    N0122: { reason: 'I am often first on site in the north district.', priorExperience: 'some', selfRatedLevel: 3, meetsPrerequisites: 'yes' },
    N0123: { reason: 'Last winter I waited for the gas crew without knowing what to secure first.', priorExperience: 'none', selfRatedLevel: 2, meetsPrerequisites: 'yes' },
    N0124: { reason: 'To be sure of the first steps before I go on call alone.', priorExperience: 'none', selfRatedLevel: 1, meetsPrerequisites: 'partly' },
    N0125: { reason: 'Refresh before the new detectors arrive.', priorExperience: 'some', selfRatedLevel: 3, meetsPrerequisites: 'yes' },
    N0126: { reason: 'I cover the night calls twice a month.', priorExperience: 'some', selfRatedLevel: 3, meetsPrerequisites: 'yes' },
    N0128: { reason: 'Our district had three reported leaks this year and I was first on site at one.', priorExperience: 'some', selfRatedLevel: 3, meetsPrerequisites: 'yes' },
  },
  'FIN-101': {
    N0100: { reason: 'To understand where our team’s overtime budget goes.', priorExperience: 'none', selfRatedLevel: 1, meetsPrerequisites: 'no' },
    N0147: { reason: 'My manager told me to attend.', priorExperience: 'a_lot', priorExperienceNote: 'I prepare the cost-centre reports for four departments.', selfRatedLevel: 5, meetsPrerequisites: 'yes' },
  },
  'GRID-201': {
    N0108: { reason: 'Customers call during outages and I cannot read the maps the control room sends us.', priorExperience: 'none', selfRatedLevel: 1, meetsPrerequisites: 'partly' },
  },
  'LEAD-201': {
    N0021: { reason: 'My agents come back from training and I do not follow up; I want to.', priorExperience: 'some', selfRatedLevel: 2 },
    N0031: { reason: 'Nine of my technicians take the gas-leak module this autumn; I want the follow-up to stick.', priorExperience: 'some', selfRatedLevel: 3 },
    N0032: { reason: 'New supervisor: I have never coached anyone after a course.', priorExperience: 'none', selfRatedLevel: 1 },
  },
};

// The pivot-table crowd: the same few reasons anyone who builds a monthly report gives.
const pivotReasons = [
  'Month-end reporting takes me most of a day in Excel.',
  'I rebuild the same call-log summary by hand every week.',
  'Our work-order export needs summarising for the crew schedule.',
  'I want to refresh last month’s report instead of rebuilding it.',
];

export function pivotAnswers(i: number): Answers {
  return { reason: pivotReasons[i % pivotReasons.length]!, priorExperience: i % 3 === 0 ? 'none' : 'some', selfRatedLevel: 2 + (i % 2), meetsPrerequisites: i % 5 === 4 ? 'partly' : 'yes' };
}

/** What each nominating or approving supervisor expects, by course code. */
export const demoExpectations: Record<string, string> = {
  'CC-101': 'Take complaint calls on his own from next month, and log each with a clear next step.',
  'CC-101 approval': 'Resolve late-shift escalations without handing them to the morning team.',
  'FO-130': 'Secure a reported leak site and call it in within 15 minutes, by the book.',
};
