import { z } from 'zod';
import { projectSizes, projectStates } from './development-values';

export const projectView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    size: z.enum(projectSizes),
    state: z.enum(projectStates),
    owner: z.object({ id: z.uuid(), name: z.string() }),
    requestId: z.uuid().nullable(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: 'DevelopmentProject' });
export type ProjectView = z.infer<typeof projectView>;

export const endProjectInput = z.object({ state: z.enum(['delivered', 'cancelled'], 'Choose delivered or cancelled.') });
