import type { Tx } from '../platform/db/database';
import type { Clock } from '../platform/clock';
import { recordAudit } from '../platform/audit/record-audit';
import { businessUnits } from '../people/schema';
import { findPersonByEmail } from '../people/find-people';
import { insertGlossaryTerm } from '../glossary/add-glossary-term';
import { eq } from 'drizzle-orm';
import type { OpportunityKind, WorkshopStep } from './workshop-values';
import { workshopMoments, workshopOpportunities, workshopParticipants, workshops, workshopStories, workshopWords } from './schema';

// The demo's customer experience workshops (CX-1..4): Customer Care asked for "customer service
// training" and got a workshop first — finished, with the escalation procedure as the main finding
// and training one opportunity among seven; and one under way with Field Operations, its moments
// mapped and half analysed. Days are counted back from the injected clock.

type Moment = { name: string; happensNow?: string; shouldHappen?: string; standardsNow?: string; standardsNeeded?: string; nonValueAdded?: string };
type Spec = {
  title: string;
  unit: string;
  process: string | null;
  purpose: string;
  daysAgo: number;
  facilitator: string;
  step: WorkshopStep;
  participants: [email: string, contribution: string][];
  moments: Moment[];
  opportunities: [moment: number | null, kind: OpportunityKind, description: string][];
  stories: [moment: number | null, story: string, toldBy: string | null][];
  words: { term: string; definition: string; example?: string }[];
};

const customerCare: Spec = {
  title: 'Calling Customer Care about a bill',
  unit: 'CC',
  process: 'A billing question by phone',
  purpose: 'Rebecca Thompson asked for customer service training for the call team after complaints about unhelpful answers and long holds on billing calls. Before choosing a course we mapped what a caller lives, to find the causes.',
  daysAgo: 40,
  facilitator: 'ines.castillo@northwind.example',
  step: 'done',
  participants: [
    ['rebecca.thompson@northwind.example', 'Director, Customer Care: asked for the training'],
    ['marcus.johnson@northwind.example', 'Team manager: takes the escalations'],
    ['jasmine.carter@northwind.example', 'Agent, two years on billing calls'],
    ['luis.ortega@northwind.example', 'Agent, six years; trains new starters informally'],
    ['mei.chen@northwind.example', 'Agent, joined this spring'],
  ],
  moments: [
    {
      name: 'The customer calls and waits in the queue',
      happensNow: 'A recorded menu of six options; most billing callers choose "other". Average wait 7 minutes at month end.',
      shouldHappen: 'Billing callers reach a billing-trained agent directly; the wait is announced and a callback offered past 3 minutes.',
      standardsNow: 'Answer 80% of calls in 60 seconds (met outside month end only).',
      standardsNeeded: 'A month-end staffing standard; callback offered past 3 minutes, measured daily.',
      nonValueAdded: 'Callers re-routed from "other" to billing after the first agent listens to them.',
    },
    {
      name: 'The agent answers and finds the account',
      happensNow: 'Three screens to open before the bill shows; callers are asked for their account number twice.',
      shouldHappen: 'One search by phone number or address shows the account and the latest bill.',
      standardsNow: 'None.',
      standardsNeeded: 'Account found within 30 seconds.',
      nonValueAdded: 'Asking for the account number a second time after the menu already took it.',
    },
    {
      name: 'The agent explains the bill',
      happensNow: 'Agents explain estimated readings well; tariff changes since spring confuse agents and callers alike.',
      shouldHappen: 'The agent explains any line of the bill in plain words and says what the caller can do next.',
      standardsNow: 'A tariff sheet from last year on the shared drive.',
      standardsNeeded: 'A current one-page bill explainer; first-call resolution measured on billing calls.',
      nonValueAdded: '',
    },
    {
      name: 'The call is escalated',
      happensNow: 'No written rule for when to escalate. Agents put the caller on hold and walk the floor to find a team manager; the caller retells the story.',
      shouldHappen: 'Agents know when and to whom to escalate, tell the caller what happens next, and hand over the case in writing so nobody retells it.',
      standardsNow: 'None written; holds during escalation average 6 minutes.',
      standardsNeeded: 'An escalation procedure with thresholds and a named duty manager; hold under 2 minutes.',
      nonValueAdded: 'Walking the floor to find a manager; the caller telling the case twice.',
    },
    {
      name: 'The promised callback',
      happensNow: 'Callbacks are written on paper; about a third are made late or not at all.',
      shouldHappen: 'Every callback promised is logged with a time and made on time, or the customer is told why.',
      standardsNow: 'None.',
      standardsNeeded: 'Callbacks logged in the system; 95% made by the promised time.',
      nonValueAdded: 'Copying paper callback notes into the system at the end of the shift.',
    },
  ],
  opportunities: [
    [3, 'procedure', 'Write the escalation procedure: when to escalate, to whom, what to tell the caller, how to hand over in writing.'],
    [3, 'role', 'Name a duty manager per shift who takes escalations, so agents no longer search the floor.'],
    [2, 'tools', 'A one-page bill explainer kept current with each tariff change, as a job aid at every desk.'],
    [1, 'tools', 'One search by phone number or address that opens the account and the latest bill.'],
    [4, 'standard_or_measure', 'Log callbacks in the system with the promised time and report the share made on time each week.'],
    [1, 'remove_waste', 'Stop asking for the account number twice: pass the menu’s answer to the agent’s screen.'],
    [2, 'training', 'A short session on the spring tariff changes for all billing agents, with the explainer.'],
  ],
  stories: [
    [3, 'A pensioner was on hold twelve minutes while I looked for a manager. When I came back she had hung up, and she wrote to the CEO the next day.', 'An agent of six years'],
    [2, 'I had the tariff sheet open and it was the old one. I told a customer the wrong rate with total confidence.', 'An agent who joined this spring'],
    [null, 'Nobody complains about us being rude. They complain about being passed around.', 'The team manager'],
  ],
  words: [
    { term: 'Hot transfer', definition: 'Passing a caller to a colleague while staying on the line to introduce the case, so the caller need not repeat it.', example: 'Always a hot transfer on escalations, never a cold one.' },
    { term: 'Bill shock', definition: 'A customer’s reaction to a bill much higher than they expected, usually after an estimated reading is corrected.' },
    { term: 'Floor walk', definition: 'Leaving the desk to find a manager in person during a call.', example: 'I had to do a floor walk and the caller hung up.' },
  ],
};

const fieldOperations: Spec = {
  title: 'A field visit, from booking to the technician at the door',
  unit: 'FO',
  process: 'Booking and carrying out a meter repair visit',
  purpose: 'Field Operations hears that customers wait at home for technicians who come late or not at all, and asked whether the supervisors need coaching training. We are mapping the visit first.',
  daysAgo: 3,
  facilitator: 'oliver.brandt@northwind.example',
  step: 'analyse',
  participants: [
    ['ewa.kowalska@northwind.example', 'Field supervisor, North'],
    ['carlos.mendoza@northwind.example', 'Field supervisor, South'],
    ['ana.souza@northwind.example', 'Call centre team manager: books the visits'],
  ],
  moments: [
    {
      name: 'The visit is booked',
      happensNow: 'The agent offers a whole-day slot (8:00–18:00) from a shared calendar that does not show technicians’ skills.',
      shouldHappen: 'A two-hour window with a technician who can do the repair.',
      standardsNow: 'None.',
      standardsNeeded: 'Two-hour windows; right technician first time, measured per visit.',
      nonValueAdded: 'Rebooking visits after the wrong technician is sent.',
    },
    {
      name: 'The day of the visit',
      happensNow: 'No message to the customer; they call to ask when the technician comes.',
      shouldHappen: '',
    },
    { name: 'The technician at the door' },
    { name: 'After the visit' },
  ],
  opportunities: [],
  stories: [[1, 'A customer took a day off work twice for the same repair.', 'Field supervisor, South']],
  words: [{ term: 'No-access', definition: 'A visit where the technician could not get in: the customer was out, or the wrong address was booked.', example: 'That’s another no-access for the North team.' }],
};

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

async function seedWorkshop(tx: Tx, clock: Clock, spec: Spec): Promise<void> {
  const now = clock.now();
  const held = new Date(now.getTime() - spec.daysAgo * 86_400_000);
  const idOf = async (email: string) => {
    const p = await findPersonByEmail(tx, email);
    if (!p) throw new Error(`The demo organization has no ${email}.`);
    return p.id;
  };
  const facilitatorId = await idOf(spec.facilitator);
  const [unit] = await tx.select({ id: businessUnits.id }).from(businessUnits).where(eq(businessUnits.code, spec.unit));
  const [w] = await tx
    .insert(workshops)
    .values({
      title: spec.title,
      businessUnitId: unit?.id ?? null,
      process: spec.process,
      purpose: spec.purpose,
      heldOn: dayOf(held),
      facilitatorId,
      step: spec.step,
      revision: 4,
      createdBy: facilitatorId,
      createdAt: new Date(held.getTime() - 7 * 86_400_000),
      updatedBy: facilitatorId,
      updatedAt: held,
      finishedAt: spec.step === 'done' ? new Date(held.getTime() + 86_400_000) : null,
    })
    .returning({ id: workshops.id });
  const workshopId = w!.id;
  for (const [i, [email, contribution]] of spec.participants.entries()) await tx.insert(workshopParticipants).values({ workshopId, personId: await idOf(email), contribution, position: i + 1 });
  const moments = await tx
    .insert(workshopMoments)
    .values(spec.moments.map((m, i) => ({ workshopId, position: i + 1, name: m.name, happensNow: m.happensNow ?? '', shouldHappen: m.shouldHappen ?? '', standardsNow: m.standardsNow ?? '', standardsNeeded: m.standardsNeeded ?? '', nonValueAdded: m.nonValueAdded ?? '' })))
    .returning({ id: workshopMoments.id, position: workshopMoments.position });
  const momentId = (i: number | null) => (i === null ? null : moments.find((m) => m.position === i + 1)!.id);
  if (spec.opportunities.length) await tx.insert(workshopOpportunities).values(spec.opportunities.map(([m, kind, description], i) => ({ workshopId, momentId: momentId(m), kind, description, position: i + 1 })));
  if (spec.stories.length) await tx.insert(workshopStories).values(spec.stories.map(([m, story, toldBy], i) => ({ workshopId, momentId: momentId(m), story, toldBy, position: i + 1 })));
  for (const word of spec.words) {
    const term = await insertGlossaryTerm(tx, { ...word, origin: 'workshop', originNote: `Heard in the workshop “${spec.title}”, ${dayOf(held)}.`, actorId: facilitatorId, now: held });
    await tx.insert(workshopWords).values({ workshopId, termId: term.id, harvestedAt: held });
  }
  await recordAudit(tx, { actorId: facilitatorId, action: 'workshop.created', entity: 'workshop', entityId: workshopId, after: { title: spec.title, demo: true } });
}

export async function seedDemoWorkshops(tx: Tx, clock: Clock): Promise<void> {
  await seedWorkshop(tx, clock, customerCare);
  await seedWorkshop(tx, clock, fieldOperations);
}
