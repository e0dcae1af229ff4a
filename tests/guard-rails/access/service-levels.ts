import { only, staff, type AccessTable, type Caller, type Outcome } from './expectations';

// The compliance report (CH-3, VA-1) names subjects, owners and business units across the whole
// organization: it is for the training unit's staff and leaders, who already see everyone
// (roles.ts staffRoles). Learners, supervisors, partners and instructors are refused.

const readers = (): Record<Caller, Outcome> => only(...staff);
const period = () => ({ query: { from: '2026-01-01', to: '2026-12-31' } });

export const serviceLevelsAccess: AccessTable = {
  'GET /api/v1/service-levels/compliance': {
    why: 'Compliance per business unit, with every breach and its owner, is the unit’s and leaders’ management view: staff roles only.',
    expect: readers(),
    request: period,
  },
  'GET /api/v1/service-levels/compliance.csv': {
    why: 'The CSV export carries the same figures and breaches as the report: the same readers.',
    expect: readers(),
    request: period,
  },
};
