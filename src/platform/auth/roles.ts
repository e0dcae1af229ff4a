// Everyone is a learner and the supervisor of whoever reports to them (from the
// org chart); these roles are granted on top of that.
export const roles = ['admin', 'unit_lead', 'coordinator', 'consultant', 'instructor', 'partner', 'leader'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  unit_lead: 'Unit lead',
  coordinator: 'Coordinator',
  consultant: 'Consultant',
  instructor: 'Instructor',
  partner: 'Partner',
  leader: 'Leader',
};

/** Roles whose holders work in or for the training unit and see the whole organization's people. */
export const staffRoles: readonly Role[] = ['admin', 'unit_lead', 'coordinator', 'consultant', 'leader'];
