import { z } from 'zod';

// Shared by the recognition page's form and the server's checks (FB-4). A recognition is a
// concrete act and the value it created; there is nothing to score.
export const recogniseInput = z.object({
  personId: z.uuid('Choose the colleague you recognise.'),
  act: z.string().trim().min(1, 'Say what they did.').max(1000, 'This is too long (1,000 characters at most).'),
  value: z.string().trim().min(1, 'Say who it helped and how.').max(1000, 'This is too long (1,000 characters at most).'),
});
export type RecogniseInput = z.infer<typeof recogniseInput>;

const personName = z.object({ id: z.uuid(), name: z.string() });

export const recognitionView = z
  .object({ id: z.uuid(), from: personName, to: personName, act: z.string(), value: z.string(), at: z.string() })
  .meta({ id: 'Recognition' });
export type RecognitionView = z.infer<typeof recognitionView>;
