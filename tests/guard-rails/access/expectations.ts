import type { World } from '../cast';

/**
 * Who calls. "learner" owns the records under test; every other caller is
 * someone else: a peer, the learner's supervisor, a supervisor of another
 * team, and each role the training unit hands out.
 */
export const callers = [
  'anonymous',
  'learner',
  'anotherLearner',
  'supervisorOfLearner',
  'supervisorOfOther',
  'partner',
  'instructor',
  'coordinator',
  'consultant',
  'unitLead',
  'leader',
  'admin',
] as const;
export type Caller = (typeof callers)[number];

/**
 * Callers with no business seeing the learner's records. Whatever they call,
 * no response may carry the learner's private data (e-mail, employee id).
 */
export const outsiders: readonly Caller[] = ['anonymous', 'anotherLearner', 'supervisorOfOther', 'partner', 'instructor'];

/**
 * allow  — the call succeeds (2xx).
 * scoped — the call succeeds, but the learner's records are not in it (lists filtered to what the caller may see).
 * deny   — 401 for anonymous, otherwise 403, or 404 where even existence is not the caller's to know;
 *          and the body carries none of the learner's data.
 */
export type Outcome = 'allow' | 'scoped' | 'deny';

export type RequestSpec = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
};

export type AccessEntry = {
  /** Why the rule is what it is, in a line a reviewer can check against the domain. */
  why: string;
  expect: Record<Caller, Outcome>;
  /** The request one caller makes; records come from the world (and belong to the learner unless said). */
  request?: (world: World, caller: Caller) => RequestSpec | Promise<RequestSpec>;
  /** The call ends the caller's session (sign out): it runs on a session of its own. */
  endsSession?: boolean;
  /** Waits for work an accepted call started in the background, so it cannot land during the next cell. */
  settle?: (world: World) => Promise<void>;
};

export type AccessTable = Record<string, AccessEntry>;

const all = (outcome: Outcome) => Object.fromEntries(callers.map((c) => [c, outcome])) as Record<Caller, Outcome>;

/** Everyone, signed in or not. */
export const everyone = (): Record<Caller, Outcome> => all('allow');

/** Everyone signed in; anonymous callers are asked to sign in. */
export const signedIn = (): Record<Caller, Outcome> => ({ ...all('allow'), anonymous: 'deny' });

/** Only these callers; everyone else is refused. */
export const only = (...allowed: Caller[]): Record<Caller, Outcome> => ({ ...all('deny'), ...Object.fromEntries(allowed.map((c) => [c, 'allow'])) });

/** Training-unit staff and leaders see the whole organization (roles.ts staffRoles). */
export const staff: Caller[] = ['coordinator', 'consultant', 'unitLead', 'leader', 'admin'];

/** The learner, the people above them in the org chart, and staff. */
export const learnerCircle: Caller[] = ['learner', 'supervisorOfLearner', ...staff];

/** Overrides some callers' outcomes. */
export const except = (base: Record<Caller, Outcome>, overrides: Partial<Record<Caller, Outcome>>): Record<Caller, Outcome> => ({ ...base, ...overrides });
