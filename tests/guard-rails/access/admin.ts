import { everyone, only, type AccessTable } from './expectations';

export const adminAccess: AccessTable = {
  'GET /api/v1/unit': {
    why: 'The training unit’s contact details are on every page, the sign-in page included.',
    expect: everyone(),
  },
  'PUT /api/v1/unit': {
    why: 'Only admins change the unit’s contact details.',
    expect: only('admin'),
    request: async (world) => {
      const current = await world.session('admin').clone().get('/api/v1/unit');
      return { body: { ...current.body, officeHours: `Mon–Fri 9–5 (${world.unique()})` } };
    },
  },
  'GET /api/v1/outbox': {
    why: 'The outbox holds everyone’s mail: admins only.',
    expect: only('admin'),
    request: (world) => ({ query: { q: world.people.learner.email } }),
  },
  'GET /api/v1/outbox/counts': {
    why: 'Delivery health is an admin concern.',
    expect: only('admin'),
  },
  'GET /api/v1/outbox/{id}': {
    why: 'A message to the learner is theirs and the admins’ (who run delivery); nobody else reads it here.',
    expect: only('admin'),
    request: (world) => ({ params: { id: String(world.records.learnerMessageId) } }),
  },
  'GET /api/v1/audit': {
    why: 'The audit log shows before-and-after of everyone’s records: admins only.',
    expect: only('admin'),
    request: (world) => ({ query: { entity: 'person', entityId: world.people.learner.id } }),
  },
};
