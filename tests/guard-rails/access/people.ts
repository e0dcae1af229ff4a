import { except, learnerCircle, only, signedIn, type AccessTable } from './expectations';

// A learner's record is theirs, their supervisors' (up the chain) and the
// training unit's; a peer, another team's supervisor, a partner or an
// instructor sees only names and titles on the org chart.
const cannotSeeLearner = { anotherLearner: 'scoped', supervisorOfOther: 'scoped', partner: 'scoped', instructor: 'scoped' } as const;

export const peopleAccess: AccessTable = {
  'GET /api/v1/people': {
    why: 'Everyone signed in may list the people they may see; the list leaves out everyone else.',
    expect: except(signedIn(), cannotSeeLearner),
    request: (world) => ({ query: { q: world.people.learner.name.split(' ')[1]!, pageSize: '200' } }),
  },
  'GET /api/v1/people/{id}': {
    why: 'A person’s record: themselves, their managers up the chain, and staff.',
    expect: only(...learnerCircle),
    request: (world) => ({ params: { id: world.people.learner.id } }),
  },
  'POST /api/v1/people': {
    why: 'Only admins add people (HR data).',
    expect: only('admin'),
    request: (world) => {
      const id = world.unique();
      return { body: { employeeId: `NEW-${id}`, name: `New Hire ${id}`, email: `new.${id}@example.org`, managerId: world.people.supervisorOfLearner.id } };
    },
  },
  'PATCH /api/v1/people/{id}': {
    why: 'Only admins change a person’s record.',
    expect: only('admin'),
    request: (world) => ({ params: { id: world.people.learner.id }, body: { jobTitle: `Analyst ${world.unique()}` } }),
  },
  'GET /api/v1/business-units': {
    why: 'Business units and their head counts are organization facts every employee may see.',
    expect: signedIn(),
  },
  'GET /api/v1/org-chart': {
    why: 'The org chart (names, titles, units; no e-mail or employee id) is open to everyone signed in.',
    expect: signedIn(),
    request: (world) => ({ query: { rootId: world.people.supervisorOfLearner.id } }),
  },
  'GET /api/v1/people-imports/template.csv': {
    why: 'Imports are an admin task.',
    expect: only('admin'),
  },
  'POST /api/v1/people-imports': {
    why: 'Only admins upload HR exports.',
    expect: only('admin'),
    request: (world) => {
      const id = world.unique();
      return { body: { fileName: 'hr.csv', csv: `employee_id,name,email\nCSV-${id},Csv ${id},csv.${id}@example.org\n` } };
    },
  },
  'POST /api/v1/people-imports/{id}/apply': {
    why: 'Only admins apply an import.',
    expect: only('admin'),
    request: async (world) => ({ params: { id: await world.previewedImport() } }),
    // Applying answers 202 and writes in the background: the next cell's snapshot must not see it land.
    settle: (world) => world.importsSettled(),
  },
  'GET /api/v1/people-imports/{id}': {
    why: 'An import names people and their managers: admins only.',
    expect: only('admin'),
    request: async (world) => ({ params: { id: await world.previewedImport() } }),
  },
};
