import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import type { Jobs } from '../platform/jobs/jobs';
import { mailAboutSuggestion } from './suggestion-mails';
import { reviewerOf } from './suggestion-parties';
import { suggestionEvents, suggestions } from './schema';

export const REMIND_REVIEWERS_JOB = 'suggestions.remind-reviewers';
/** How long a suggestion may wait for its manager before they are reminded (once). */
export const REVIEW_WAIT_DAYS = 7;

type Deps = { db: Db; clock: Clock; publicUrl: string };

/**
 * A manager who sits on a suggestion past REVIEW_WAIT_DAYS is reminded, once (FB-2): `reminded_at`
 * is set in the transaction of the mail, only where still empty, so a job run twice mails once.
 */
export async function remindWaitingReviewers(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - REVIEW_WAIT_DAYS * 24 * 3600_000);
  const waiting = await deps.db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(and(eq(suggestions.status, 'submitted'), isNull(suggestions.remindedAt), lte(suggestions.submittedAt, cutoff)))
    .orderBy(asc(suggestions.submittedAt))
    .limit(500);
  let reminded = 0;
  for (const { id } of waiting) {
    const sent = await deps.db.transaction(async (tx) => {
      const [row] = await tx.update(suggestions).set({ remindedAt: now }).where(and(eq(suggestions.id, id), isNull(suggestions.remindedAt), eq(suggestions.status, 'submitted'))).returning();
      if (!row) return false;
      const reviewer = await reviewerOf(tx, row.submitterId);
      if (!reviewer) return false;
      await tx.insert(suggestionEvents).values({ suggestionId: id, type: 'reminded', actorId: null, text: `${reviewer.name} was reminded.`, at: now });
      const days = Math.floor((now.getTime() - row.submittedAt.getTime()) / (24 * 3600_000));
      await mailAboutSuggestion(tx, deps.publicUrl, row, reviewer, {
        key: 'reminder',
        subject: 'A suggestion is waiting for your review',
        body: `This suggestion from your team has waited ${days} days for you. Front-line ideas die quietly when nobody answers: support it and take it to leadership, or say why not.`,
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}

/** Daily at 07:00 UTC. */
export async function registerSuggestionJobs(jobs: Jobs, deps: Deps): Promise<void> {
  await jobs.work(REMIND_REVIEWERS_JOB, async () => {
    await remindWaitingReviewers(deps);
  });
  await jobs.schedule(REMIND_REVIEWERS_JOB, '0 7 * * *');
}
