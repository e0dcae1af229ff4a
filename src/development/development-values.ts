// Development projects (RQ-6): the minimal record an accepted "new course" becomes. The
// development capability grows it into stages later.
export const projectSizes = ['small', 'medium', 'large'] as const;
export type ProjectSize = (typeof projectSizes)[number];
export const projectStates = ['started', 'delivered', 'cancelled'] as const;
export type ProjectState = (typeof projectStates)[number];
