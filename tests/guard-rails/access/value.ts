import { only, type AccessTable } from './expectations';

// The value dashboard (VA-1..3) is read by the unit lead, the organization's leaders and the
// coordinators (value/value-readers.ts). Its records name courses, units and dates, never a
// person, but the figures are the unit's management information: learners, supervisors, partners,
// instructors and consultants are not readers, nor is an admin, who runs the system, not the unit.

const readers = only('unitLead', 'leader', 'coordinator');
const period = { from: '2026-01-01', to: '2026-12-31' };

export const valueAccess: AccessTable = {
  'GET /api/v1/value/dashboard': {
    why: 'The dashboard is for the unit lead and leaders, and the coordinators who run the service (VA-1).',
    expect: readers,
    request: () => ({ query: period }),
  },
  'GET /api/v1/value/dashboard.csv': {
    why: 'The dashboard’s export goes to whoever may read the dashboard (VA-3).',
    expect: readers,
    request: () => ({ query: period }),
  },
  'GET /api/v1/value/measures/{key}/records': {
    why: 'The records behind a figure are part of reading it (VA-2).',
    expect: readers,
    request: () => ({ params: { key: 'nps' }, query: period }),
  },
  'GET /api/v1/value/measures/{key}/records.csv': {
    why: 'The records’ export goes to whoever may read them (VA-3).',
    expect: readers,
    request: () => ({ params: { key: 'nps' }, query: period }),
  },
};
