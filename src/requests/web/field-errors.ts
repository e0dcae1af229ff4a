import { isApiProblem } from '../../app/web/api';
import type { z } from 'zod';

/**
 * Field errors keyed by their full path (`causes.2.evidence`, `interventions.0.ownerId`), for
 * forms with rows: from the shared zod schema in the browser, or from the server's problem.
 */
export function issuesByPath(error: z.ZodError | unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (path: string, message: string) => {
    const key = path.replace(/^body\./, '') || '_form';
    if (!out[key]) out[key] = message;
  };
  if (isApiProblem(error)) for (const fe of error.errors) put(fe.field, fe.message);
  else if (error && typeof error === 'object' && 'issues' in error) for (const i of (error as z.ZodError).issues) put(i.path.map(String).join('.'), i.message);
  return out;
}
