import type { ApprovalMode, CourseFormat } from './catalog-values';

// Northwind Utilities' catalog: what a utility's training unit on the value model would offer.
// Every objective says what a learner will be able to do, under what conditions and how well,
// because the follow-up after the event (AF-4) asks learner and supervisor about each one.

export const demoInterests = [
  { name: 'Customer service', description: 'Serving the people who rely on our power and gas, on the phone and in writing.' },
  { name: 'Communication & writing', description: 'Plain language for customers and colleagues.' },
  { name: 'Safety', description: 'Coming home safe: isolation, live work, emergencies.' },
  { name: 'Grid & engineering', description: 'How the network is built, read and restored.' },
  { name: 'Finance & budgeting', description: 'Money matters for the people who manage a budget.' },
  { name: 'Data & spreadsheets', description: 'Getting answers out of the numbers we already have.' },
  { name: 'Leadership & coaching', description: 'Supervising, coaching and supporting people after training.' },
  { name: 'Digital security', description: 'Keeping the company’s systems and customers’ data safe.' },
];

const NY = 'America/New_York';
const LIS = 'Europe/Lisbon';

const boston = 'Training room 2, Building C, 100 Harbor Street, Boston';
const lisbon = 'Sala de formação 1, Northwind Customer Care Centre, Avenida da Liberdade 110, Lisboa';
const quincy = 'Training yard, Northwind Service Center, 12 Depot Road, Quincy';
const meet = (room: string) => `https://meet.northwind.example/${room}`;

export type DemoSession = {
  /** Calendar days after the seeding day (a weekend moves to the Monday). */
  inDays: number;
  /** How many days the session spans (consecutive calendar days). */
  days?: number;
  timeZone: string;
  from: string;
  until: string;
  language: string;
  place?: string;
  joinUrl?: string;
  /** Employee id of an in-house instructor. */
  instructor?: string;
  external?: { name: string; email: string };
  capacity: number;
  approval?: ApprovalMode;
};

export type DemoCourse = {
  listing: {
    code: string;
    title: string;
    summary: string;
    description: string;
    audience: string;
    prerequisites: string;
    format: CourseFormat;
    durationMinutes: number;
    languages: string[];
    contactPhone?: string;
  };
  /** Employee id of the contact person (CA-7). */
  contact: string;
  interests: string[];
  /** Business unit codes; none means open to everyone. */
  units: string[];
  objectives: string[];
  sessions: DemoSession[];
};

const jordanEllis = { name: 'Jordan Ellis', email: 'jordan.ellis@ellis-safety.example' };

export const demoCourses: DemoCourse[] = [
  {
    listing: {
      code: 'CC-101',
      title: 'Handling Customer Complaints',
      summary: 'Turn a customer’s complaint into a resolved case — on the call and in the reply that follows.',
      description:
        'A practical day built on real Northwind cases: estimated bills, missed appointments, outages that lasted longer than promised. You practise listening until the customer feels heard, deciding what you can put right yourself, and writing the reply that closes the loop. Taught in English in Boston and in Portuguese in Lisbon.',
      audience: 'Customer service agents and team leads who answer calls, e-mails or letters from customers.',
      prerequisites: 'At least one month on the phones, and access to the customer system.',
      format: 'classroom',
      durationMinutes: 420,
      languages: ['en', 'pt'],
      contactPhone: '+1 617 555 0143',
    },
    contact: 'N0011',
    interests: ['Customer service', 'Communication & writing'],
    units: ['CC'],
    objectives: [
      'Given a customer complaint by phone, restate the problem in the customer’s own words and have the customer confirm it before offering any solution.',
      'Given a billing complaint, write a reply that explains the charge, apologises where Northwind was at fault, and says what happens next and by when, in under 150 words.',
      'Using the escalation guide, decide whether a complaint can be resolved on the call or goes to a team manager, and give the reason in the case notes.',
      'Log a complaint in the customer system with its category, root cause and promised follow-up date filled in, so a colleague can pick it up without calling the customer again.',
    ],
    sessions: [
      { inDays: 8, timeZone: NY, from: '09:00', until: '16:30', language: 'en', place: boston, instructor: 'N0014', capacity: 12, approval: 'supervisor' },
      { inDays: 36, timeZone: NY, from: '09:00', until: '16:30', language: 'en', place: boston, instructor: 'N0014', capacity: 12, approval: 'supervisor' },
      { inDays: 10, timeZone: LIS, from: '09:30', until: '17:00', language: 'pt', place: lisbon, instructor: 'N0022', capacity: 8, approval: 'supervisor' },
      { inDays: 45, timeZone: LIS, from: '09:30', until: '17:00', language: 'pt', place: lisbon, instructor: 'N0022', capacity: 10, approval: 'supervisor' },
    ],
  },
  {
    listing: {
      code: 'CC-110',
      title: 'Writing Clear Replies to Customers',
      summary: 'Forty-five minutes, self-paced: replies customers understand the first time.',
      description:
        'Short lessons and before-and-after examples from real Northwind letters and e-mails: leading with the answer, one idea per paragraph, no jargon ("kWh" explained, "MPAN" never), and a closing that says what happens next. Ends with a checklist you keep beside you.',
      audience: 'Anyone who writes to customers: customer care, billing, field scheduling.',
      prerequisites: '',
      format: 'e-learning',
      durationMinutes: 45,
      languages: ['en'],
    },
    contact: 'N0013',
    interests: ['Communication & writing', 'Customer service'],
    units: ['CC', 'FIN', 'FO'],
    objectives: [
      'Rewrite a customer letter so that the answer to the customer’s question is in the first two sentences.',
      'Replace the jargon in a reply with words a customer uses, checked against the plain-language list.',
      'Check a reply against the five-point checklist before sending it, and correct every point it misses.',
    ],
    sessions: [],
  },
  {
    listing: {
      code: 'CC-201',
      title: 'Calming Difficult Calls',
      summary: 'De-escalation for calls that start angry — and the ones that get there.',
      description:
        'Three live online hours with role-play in small breakout rooms: recognising the signs of escalation, acknowledging emotion without accepting abuse, offering choices, and ending a call safely when you have to. Includes the self-care routine the Lisbon team designed for after a hard call.',
      audience: 'Customer service agents with at least six months on the phones.',
      prerequisites: 'CC-101 Handling Customer Complaints, or six months on the phones.',
      format: 'virtual',
      durationMinutes: 180,
      languages: ['en', 'pt'],
    },
    contact: 'N0011',
    interests: ['Customer service'],
    units: ['CC'],
    objectives: [
      'Given a recorded angry call, name the three moments where the agent could have de-escalated, and say what to say instead.',
      'In a role-played call with an angry customer, acknowledge the emotion and offer two concrete choices within the first two minutes.',
      'End an abusive call using the three-warning script, and log it so the team manager can follow up the same day.',
    ],
    sessions: [
      { inDays: 13, timeZone: NY, from: '13:00', until: '16:00', language: 'en', joinUrl: meet('calming-calls'), instructor: 'N0014', capacity: 16, approval: 'supervisor' },
      { inDays: 41, timeZone: NY, from: '13:00', until: '16:00', language: 'en', joinUrl: meet('calming-calls'), instructor: 'N0014', capacity: 16, approval: 'supervisor' },
      { inDays: 20, timeZone: LIS, from: '10:00', until: '13:00', language: 'pt', joinUrl: meet('chamadas-dificeis'), instructor: 'N0022', capacity: 12, approval: 'supervisor' },
    ],
  },
  {
    listing: {
      code: 'FO-101',
      title: 'Lockout/Tagout for Field Technicians',
      summary: 'Isolate, lock, tag and test — every time, on every job.',
      description:
        'A full day at the Boston training room and on the switchgear rig: the Northwind lockout/tagout procedure (LOTO-4), group lockouts, shift handovers with locks on, and what to do when a lock is found that nobody claims. Taught by an external safety instructor who follows our delivery methodology. Required before working alone on isolated equipment.',
      audience: 'Field technicians and grid engineers who isolate equipment or work on isolated equipment.',
      prerequisites: 'Company safety induction; your own personal lock and tags (bring them).',
      format: 'classroom',
      durationMinutes: 480,
      languages: ['en'],
      contactPhone: '+1 617 555 0143',
    },
    contact: 'N0011',
    interests: ['Safety'],
    units: ['FO', 'GRID'],
    objectives: [
      'Given a work order, isolate the equipment following LOTO-4, apply your lock and tag, and prove zero energy with a tester before touching it.',
      'Set up a group lockout for a crew of four, with the lockbox and sign-on sheet completed correctly.',
      'Hand over a job with locks on to the next shift, with the handover form signed by both supervisors.',
    ],
    sessions: [
      { inDays: 6, timeZone: NY, from: '08:00', until: '16:00', language: 'en', place: boston, external: jordanEllis, capacity: 8, approval: 'coordinator' },
      { inDays: 27, timeZone: NY, from: '08:00', until: '16:00', language: 'en', place: boston, external: jordanEllis, capacity: 8, approval: 'coordinator' },
      { inDays: 50, timeZone: NY, from: '08:00', until: '16:00', language: 'en', place: boston, external: jordanEllis, capacity: 8, approval: 'coordinator' },
    ],
  },
  {
    listing: {
      code: 'FO-120',
      title: 'Working Safely Near Energized Lines',
      summary: 'Two days on approach distances, live-line tools and the pre-job briefing.',
      description:
        'Day one in the classroom on minimum approach distances, hazard assessment and the pre-job briefing; day two at the Quincy training yard with live-line tools on de-energized practice poles. Led by a Northwind field supervisor with twenty years on the lines.',
      audience: 'Field technicians who work on or near overhead lines.',
      prerequisites: 'FO-101 Lockout/Tagout for Field Technicians.',
      format: 'classroom',
      durationMinutes: 960,
      languages: ['en'],
    },
    contact: 'N0011',
    interests: ['Safety', 'Grid & engineering'],
    units: ['FO'],
    objectives: [
      'For a given voltage, state the minimum approach distance and set up the work zone so that nobody can enter it unawares.',
      'Lead a pre-job briefing that covers the hazards, the energy sources, the escape route and who stops the job, using the briefing card.',
      'Inspect a hot stick and a set of rubber gloves, and reject the ones that fail the inspection criteria.',
    ],
    sessions: [
      { inDays: 15, days: 2, timeZone: NY, from: '08:00', until: '16:00', language: 'en', place: quincy, instructor: 'N0031', capacity: 10, approval: 'coordinator' },
      { inDays: 43, days: 2, timeZone: NY, from: '08:00', until: '16:00', language: 'en', place: quincy, instructor: 'N0031', capacity: 10, approval: 'coordinator' },
    ],
  },
  {
    listing: {
      code: 'FO-130',
      title: 'Gas Leak Response: The First 15 Minutes',
      summary: 'An online module, then a drill: make the site safe before help arrives.',
      description:
        'Blended: a 60-minute online module on how gas behaves, ignition sources and the evacuation radius, which you finish before the practical; then a three-hour drill at the Quincy training yard with the detector, the cordon kit and a simulated leak in a street. The online part can also be followed from the join link on the day.',
      audience: 'Field technicians who may be first on site at a reported gas leak.',
      prerequisites: 'Gas detector familiarisation (on the job).',
      format: 'blended',
      durationMinutes: 240,
      languages: ['en'],
    },
    contact: 'N0011',
    interests: ['Safety'],
    units: ['FO'],
    objectives: [
      'Arriving at a reported leak, take a detector reading at the door, decide whether to evacuate, and give the reason.',
      'Set up a cordon at the right radius for the reading, and keep ignition sources — including phones — outside it.',
      'Report the situation to dispatch with location, readings, actions taken and help needed, in under one minute.',
    ],
    sessions: [
      { inDays: 17, timeZone: NY, from: '09:00', until: '13:00', language: 'en', place: quincy, joinUrl: meet('gas-leak-module'), instructor: 'N0031', capacity: 6, approval: 'supervisor' },
      { inDays: 48, timeZone: NY, from: '09:00', until: '13:00', language: 'en', place: quincy, joinUrl: meet('gas-leak-module'), instructor: 'N0031', capacity: 6, approval: 'supervisor' },
    ],
  },
  {
    listing: {
      code: 'GRID-201',
      title: 'Reading Single-Line Diagrams',
      summary: 'From the drawing to the switching plan, in two live online sessions’ worth of practice.',
      description:
        'How Northwind’s substations and feeders are drawn: symbols, ratings, normally-open points and interlocks. You trace supply paths on real (anonymised) diagrams and find the isolation points for a planned outage. Taught by one of our principal engineers.',
      audience: 'Grid engineers in their first two years, and field technicians who prepare switching.',
      prerequisites: 'Basic electrical theory (voltage, current, three-phase supply).',
      format: 'virtual',
      durationMinutes: 240,
      languages: ['en'],
    },
    contact: 'N0011',
    interests: ['Grid & engineering'],
    units: ['GRID', 'FO'],
    objectives: [
      'Given a substation single-line diagram, identify every source that can feed a named busbar.',
      'Mark the isolation and earthing points for a planned outage on a feeder, with no source left unisolated.',
      'Find the normally-open points on a feeder diagram and explain how load would be transferred through each.',
    ],
    sessions: [
      { inDays: 9, timeZone: NY, from: '09:00', until: '13:00', language: 'en', joinUrl: meet('single-line'), instructor: 'N0041', capacity: 20 },
      { inDays: 38, timeZone: NY, from: '09:00', until: '13:00', language: 'en', joinUrl: meet('single-line'), instructor: 'N0041', capacity: 20 },
    ],
  },
  {
    listing: {
      code: 'GRID-301',
      title: 'Outage Restoration Planning',
      summary: 'Plan the restoration of a storm-hit network, priority customers first.',
      description:
        'A day and a half of blended work: an online briefing on the restoration priorities (hospitals, life-support customers, water pumping), then a tabletop exercise in Boston on a simulated storm with crews, materials and estimated restoration times to publish. Built with the Grid Engineering directors as partners.',
      audience: 'Grid engineers and control-room staff who plan restoration.',
      prerequisites: 'GRID-201 Reading Single-Line Diagrams.',
      format: 'blended',
      durationMinutes: 720,
      languages: ['en'],
    },
    contact: 'N0011',
    interests: ['Grid & engineering'],
    units: ['GRID'],
    objectives: [
      'Given a storm damage report, draw up a restoration plan that restores priority customers first and justifies the order.',
      'Publish an estimated restoration time for each affected area that is met or updated before it passes.',
      'Allocate crews and materials to the plan so that no crew waits for materials for more than an hour.',
    ],
    sessions: [{ inDays: 29, days: 2, timeZone: NY, from: '09:00', until: '13:00', language: 'en', place: boston, joinUrl: meet('restoration'), instructor: 'N0041', capacity: 14, approval: 'coordinator' }],
  },
  {
    listing: {
      code: 'FIN-101',
      title: 'Budgeting Basics for Team Managers',
      summary: 'Read your cost-centre report, forecast the year, and explain a variance.',
      description:
        'Two live online hours with the Finance team: the monthly cost-centre report line by line, accruals in plain words, and a forecast you can defend. Bring your own report; you leave with your forecast updated. A session at a Lisbon-friendly hour is taught in English.',
      audience: 'Team managers and supervisors who hold a cost centre.',
      prerequisites: 'Access to your cost-centre report.',
      format: 'virtual',
      durationMinutes: 120,
      languages: ['en'],
    },
    contact: 'N0011',
    interests: ['Finance & budgeting'],
    units: [],
    objectives: [
      'Read your monthly cost-centre report and explain the three largest variances to budget in one sentence each.',
      'Update your full-year forecast with the known changes for the rest of the year, within the Finance template.',
      'Tell an accrual from a commitment on your report, and find where each comes from.',
    ],
    sessions: [
      { inDays: 12, timeZone: NY, from: '14:00', until: '16:00', language: 'en', joinUrl: meet('budgeting'), instructor: 'N0050', capacity: 25 },
      { inDays: 33, timeZone: LIS, from: '14:00', until: '16:00', language: 'en', joinUrl: meet('budgeting'), instructor: 'N0050', capacity: 25 },
    ],
  },
  {
    listing: {
      code: 'DATA-110',
      title: 'Excel Pivot Tables for Month-End Reporting',
      summary: 'Summarise a ledger or a call log in minutes, not hours.',
      description:
        'Live online, hands-on: from the raw export (general ledger, call log, work orders) to a pivot table, a chart and a report your manager can read. Includes the month-end templates Finance already uses. Sessions in New York and Lisbon hours.',
      audience: 'Anyone who builds monthly reports from exports.',
      prerequisites: 'Comfortable with Excel formulas (SUM, IF).',
      format: 'virtual',
      durationMinutes: 150,
      languages: ['en'],
    },
    contact: 'N0011',
    interests: ['Data & spreadsheets', 'Finance & budgeting'],
    units: [],
    objectives: [
      'Given a ledger export, build a pivot table of spend by cost centre and month, with totals that match the ledger.',
      'Filter and group a call log to show the five most frequent complaint categories per week.',
      'Refresh last month’s report with this month’s export without rebuilding it.',
    ],
    sessions: [
      { inDays: 7, timeZone: NY, from: '10:00', until: '12:30', language: 'en', joinUrl: meet('pivot-tables'), instructor: 'N0014', capacity: 18 },
      { inDays: 34, timeZone: NY, from: '10:00', until: '12:30', language: 'en', joinUrl: meet('pivot-tables'), instructor: 'N0014', capacity: 18 },
      { inDays: 22, timeZone: LIS, from: '10:00', until: '12:30', language: 'en', joinUrl: meet('pivot-tables'), instructor: 'N0014', capacity: 12 },
    ],
  },
  {
    listing: {
      code: 'LEAD-201',
      title: 'Coaching Conversations After Training',
      summary: 'What supervisors do after the course is what makes it stick.',
      description:
        'A day for supervisors on the part of training that happens back at work: agreeing with each team member what they will apply, a retention plan built on the course objectives, short check-ins, and what to do when an objective is not met — which is sometimes not more training. Practised with real plans from Northwind teams.',
      audience: 'Supervisors and team managers whose people attend training.',
      prerequisites: '',
      format: 'classroom',
      durationMinutes: 420,
      languages: ['en'],
    },
    contact: 'N0012',
    interests: ['Leadership & coaching'],
    units: [],
    objectives: [
      'Before a team member’s course, agree with them in writing which two objectives matter most in their job and why.',
      'Within a week after the course, draw up a retention plan with the team member that names a check-in date for each objective.',
      'At a check-in, decide with the team member whether an objective is met, and if not, choose a next step other than “more training” when that fits better.',
    ],
    sessions: [
      { inDays: 14, timeZone: NY, from: '09:00', until: '16:00', language: 'en', place: boston, instructor: 'N0014', capacity: 14 },
      { inDays: 55, timeZone: NY, from: '09:00', until: '16:00', language: 'en', place: boston, instructor: 'N0014', capacity: 14 },
    ],
  },
  {
    listing: {
      code: 'SEC-101',
      title: 'Spotting Phishing E-mails',
      summary: 'Twenty-five minutes, self-paced, that protect the company and our customers.',
      description:
        'Real examples from Northwind inboxes (made safe): invoice fraud, fake outage notices, a “CEO” asking for gift cards. How to check a sender, a link and an attachment without opening it, and how to report in one click. Available in English and Portuguese.',
      audience: 'Everyone at Northwind with an e-mail account.',
      prerequisites: '',
      format: 'e-learning',
      durationMinutes: 25,
      languages: ['en', 'pt'],
    },
    contact: 'N0013',
    interests: ['Digital security'],
    units: [],
    objectives: [
      'Given ten e-mails, identify the phishing attempts among them, with no more than one mistake.',
      'Check where a link leads without clicking it, and say whether it is safe to open.',
      'Report a suspected phishing e-mail with the Report button, without forwarding it to anyone.',
    ],
    sessions: [],
  },
];
