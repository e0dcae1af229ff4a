import type { Tx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { insertGlossaryTerm } from './add-glossary-term';

// The demo unit's service language (FB-3): the words it uses about its own service, as a newcomer
// to the unit would need them explained. The organization's own words come from the demo workshop.
const terms: { term: string; definition: string; example?: string }[] = [
  { term: 'Moment of truth', definition: 'Any point where a customer meets us and forms an opinion of our service: a call answered, a form sent back, a course that starts on time.' },
  { term: 'Value model', definition: 'Serving our internal customers by the value we create for them — objectives met, promises kept, recommendation — not by the number of courses we run.' },
  { term: 'Non-value-added activity', definition: 'Work a customer would not pay for if they knew we did it: re-keying, chasing signatures, waiting for approvals nobody reads.', example: 'Retelling the case to a second person is non-value-added.' },
  { term: 'Performance gap', definition: 'The difference between what people do now and what the business needs them to do, stated with how it is measured.' },
  { term: 'Job aid', definition: 'A checklist, card or screen that guides someone at the moment of doing the work, so they need not remember it.' },
  { term: 'Service level', definition: 'A promise in our charter with a target time, measured on working hours: for example, a first answer to your question within one working day.' },
  { term: 'Prime customer segment', definition: 'A group of customers the organization chooses to serve first and best this year; our unit plans its effort around them.' },
];

export async function seedDemoGlossary(tx: Tx, clock: Clock, authorId: string): Promise<void> {
  for (const t of terms) await insertGlossaryTerm(tx, { ...t, origin: 'unit', actorId: authorId, now: clock.now() });
}
