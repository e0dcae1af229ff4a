import { count } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/database';
import { systemClock, type Clock } from '../platform/clock';
import type { BusinessCalendar } from '../service-levels/business-calendar-schema';
import type { ServiceLevelDefinitionInput } from '../service-levels/service-level-schema';
import type { CharterDraftInput } from './charter-schema';
import { charterVersions } from './schema';
import { saveCharterDraft } from './save-charter-draft';
import { publishCharterDraft } from './publish-charter-draft';

// The charter of Northwind Utilities' Learning & Performance unit: the demo's seminal document.
// Written the way a unit on the value model would write it — promises it can keep, diagnosis
// before training, customers as partners, and staying with learners after the event.

const officeHours = [{ start: '08:30', end: '17:00' }];
const WORKING_DAY = 510; // 08:30–17:00, in minutes

// The US federal holidays as Northwind observes them: a Saturday holiday on the Friday before, a
// Sunday holiday on the Monday after.
const holidays = [
  ['2026-01-01', "New Year's Day"],
  ['2026-01-19', 'Martin Luther King Jr. Day'],
  ['2026-02-16', "Washington's Birthday"],
  ['2026-05-25', 'Memorial Day'],
  ['2026-06-19', 'Juneteenth'],
  ['2026-07-03', 'Independence Day (observed)'],
  ['2026-09-07', 'Labor Day'],
  ['2026-10-12', 'Columbus Day'],
  ['2026-11-11', 'Veterans Day'],
  ['2026-11-26', 'Thanksgiving Day'],
  ['2026-12-25', 'Christmas Day'],
  ['2027-01-01', "New Year's Day"],
  ['2027-01-18', 'Martin Luther King Jr. Day'],
  ['2027-02-15', "Washington's Birthday"],
  ['2027-05-31', 'Memorial Day'],
  ['2027-06-18', 'Juneteenth (observed)'],
  ['2027-07-05', 'Independence Day (observed)'],
  ['2027-09-06', 'Labor Day'],
  ['2027-10-11', 'Columbus Day'],
  ['2027-11-11', 'Veterans Day'],
  ['2027-11-25', 'Thanksgiving Day'],
  ['2027-12-24', 'Christmas Day (observed)'],
  ['2027-12-31', "New Year's Day 2028 (observed)"],
] as const;

export const demoCalendar: BusinessCalendar = {
  timeZone: 'America/New_York',
  week: { mon: officeHours, tue: officeHours, wed: officeHours, thu: officeHours, fri: officeHours, sat: [], sun: [] },
  holidays: holidays.map(([date, name]) => ({ date, name })),
};

const waitingOnCustomer = { pauseEvents: ['question.waiting-on-customer'], resumeEvents: ['question.customer-replied'] };

const firstResponse = (channel: string, label: string, minutes: number, promise: string): ServiceLevelDefinitionInput => ({
  key: `question.first-response.${channel}`,
  name: `First response to a question — ${label}`,
  description: promise,
  subjectType: 'question',
  targetBusinessMinutes: minutes,
  startEvent: 'question.asked',
  stopEvents: ['question.answered'],
  ...waitingOnCustomer,
  attributeMatch: { channel },
  ownerRole: 'coordinator',
});

const development = (size: 'small' | 'medium' | 'large', days: number, scope: string): ServiceLevelDefinitionInput => ({
  key: `development.${size}`,
  name: `Development time — ${size} project`,
  description: `${scope} Counted from the agreed start of development to delivery of the reviewed courseware, in ${days} working days; time spent waiting for a partner's review is part of the plan agreed at kick-off.`,
  subjectType: 'development-project',
  targetBusinessMinutes: days * WORKING_DAY,
  startEvent: 'project.started',
  stopEvents: ['project.delivered'],
  attributeMatch: { size },
  ownerRole: 'consultant',
});

export const demoServiceLevels: ServiceLevelDefinitionInput[] = [
  firstResponse('web', 'web form', 480, 'A question asked on the web form gets a first response from a person within 8 working hours. When we need details from you, the clock waits for your reply.'),
  firstResponse('email', 'e-mail', WORKING_DAY, 'An e-mail to learning@northwind.example gets a first response from a person within one working day.'),
  firstResponse('phone', 'phone message', 240, 'A message left on our line gets a call back within 4 working hours; calls we answer live are answered on the spot.'),
  {
    key: 'training-request.triage',
    name: 'Triage of a training request',
    description: 'Within 3 working days of a request, a named consultant owns it and you know the next step — usually a conversation about the performance problem before any talk of a course.',
    subjectType: 'training-request',
    targetBusinessMinutes: 3 * WORKING_DAY,
    startEvent: 'training-request.submitted',
    stopEvents: ['training-request.triaged'],
    ownerRole: 'consultant',
  },
  {
    key: 'certificate.sent',
    name: 'Certificate of completion sent',
    description: 'Your certificate, with a reminder of the course objectives, reaches you within 2 working days of completing a course.',
    subjectType: 'enrolment',
    targetBusinessMinutes: 2 * WORKING_DAY,
    startEvent: 'enrolment.completed',
    stopEvents: ['certificate.sent'],
    ownerRole: 'coordinator',
  },
  development('small', 10, 'A small project — a job aid, a short e-learning module or a revision of up to half a day of classroom material.'),
  development('medium', 30, 'A medium project — a new course of up to two days, or a blended programme built on existing material.'),
  development('large', 60, 'A large project — a curriculum or a new course of more than two days, with a pilot.'),
  {
    key: 'feedback.acknowledged',
    name: 'Feedback or complaint acknowledged',
    description: 'Within one working day you hear from us that your feedback arrived and who is looking into it. Adverse feedback is welcome; it is how we improve.',
    subjectType: 'feedback',
    targetBusinessMinutes: WORKING_DAY,
    startEvent: 'feedback.received',
    stopEvents: ['feedback.acknowledged', 'feedback.resolved'],
    ownerRole: 'unit_lead',
  },
  {
    key: 'feedback.resolved',
    name: 'Feedback or complaint resolved',
    description: 'Within 10 working days we have investigated, told you what we found and what we changed (or why not), and asked whether that closes it for you.',
    subjectType: 'feedback',
    targetBusinessMinutes: 10 * WORKING_DAY,
    startEvent: 'feedback.received',
    stopEvents: ['feedback.resolved'],
    ownerRole: 'unit_lead',
  },
  {
    key: 'problem-report.answered',
    name: 'Courseware problem report answered',
    description: 'A problem or question reported about a course gets an answer within 2 working days: what we will fix, when, and a workaround meanwhile.',
    subjectType: 'problem-report',
    targetBusinessMinutes: 2 * WORKING_DAY,
    startEvent: 'problem-report.received',
    stopEvents: ['problem-report.answered'],
    ownerRole: 'consultant',
  },
];

export const demoCharter: CharterDraftInput = {
  changeSummary: 'First published charter.',
  calendar: demoCalendar,
  serviceLevels: demoServiceLevels,
  content: {
    introduction: [
      'Learning & Performance exists to help the people of Northwind Utilities do their work well, safely and with confidence — and to help the business units they work in get the results they need from them.',
      'You are not our market; you are our partners. We do not measure ourselves by how many courses we run or how many seats we fill. We measure ourselves by whether the people we train can do what the course promised, whether you would recommend us to a colleague, and whether we kept the promises in this charter.',
      'Sometimes the honest answer to a request is that training will not solve the problem. When that is the case we will say so, explain why, and help you find what will.',
    ].join('\n\n'),
    productsAndServices: [
      { name: 'Performance consulting', description: 'Before anything is built we look at the performance gap with you: what people do now, what they should do, and why the gap exists — skills, unclear roles or procedures, tools, feedback and incentives, or something else. The result is a recommendation, which may be no training at all.' },
      { name: 'Classroom and virtual courses', description: 'Technical, safety, customer-care and leadership courses delivered by our instructors or by trusted external instructors who follow our delivery methodology. Listings show objectives, audience, prerequisites, format and dates.' },
      { name: 'E-learning and job aids', description: 'Short modules and job aids for tasks people do rarely or need at the moment of work, built to our style guide and tested with the people who will use them.' },
      { name: 'Custom development', description: 'New courseware designed with subject-matter experts and customer partners from your unit, who review and sign off each stage of our design model.' },
      { name: 'Customer-experience workshops', description: 'A facilitated session with your team that maps your customers\u2019 moments of truth and harvests improvement opportunities — training and otherwise — in your own language.' },
      { name: 'Support after the event', description: 'A certificate and a reminder of the course objectives, a follow-up with learners and their supervisors, and practice labs, coaching or job aids where objectives were not met. We stay until the objectives are met or we agree on a better route.' },
    ],
    requestHandling: [
      { requestType: 'Questions', description: 'Ask on the web form, by e-mail or by phone. A coordinator answers or routes the question to the person who can, and tells you who that is.', triagedBy: 'coordinator', decidedBy: 'coordinator', who: 'The training coordinator on duty.' },
      { requestType: 'Training requests', description: 'Describe the performance problem, who is affected and the outcome you need. A consultant triages it, talks with you and with some of the people affected, and recommends the interventions that fit — which you accept or decline.', triagedBy: 'consultant', decidedBy: 'unit_lead', who: 'A performance consultant triages; the head of Learning & Performance agrees the recommendation with you.' },
      { requestType: 'Enrolments', description: 'Apply in a few clicks; your supervisor nominates or approves where the course asks for it. The coordinator checks fit with the audience and prerequisites and suggests a better offering when there is one.', triagedBy: 'coordinator', decidedBy: 'coordinator', who: 'The training coordinator, with your supervisor.' },
      { requestType: 'Feedback and complaints', description: 'Named or anonymous, through the feedback form or to any of us. We acknowledge it, investigate, respond, and check with you that the loop is closed.', triagedBy: 'unit_lead', decidedBy: 'unit_lead', who: 'The head of Learning & Performance.' },
      { requestType: 'Courseware problem reports', description: 'Report an error or a question about any course. The instructional designer who owns the course answers, fixes it within the service level and records the revision.', triagedBy: 'consultant', decidedBy: 'consultant', who: 'The course\u2019s instructional designer.' },
    ],
    partnership: {
      summary: 'Every project has a partner from the business unit it serves, and subject-matter experts who help with the task analysis. We build with you, not for you, and we come back after the event to see whether it worked.',
      steps: [
        { title: 'Agree the problem', description: 'We write the performance-gap statement together and weigh its causes with evidence from your unit.' },
        { title: 'Hear both voices', description: 'We ask what you, the sponsor, want, and what the people who do the work face; where they differ we reconcile them with you.' },
        { title: 'Review every stage', description: 'Your partner and experts review and sign off the analysis, design, drafts and pilot; nothing moves on without them.' },
        { title: 'Measure together', description: 'After the event we ask learners and supervisors, objective by objective, whether it was met, and agree what support follows where it was not.' },
      ],
    },
    closing: 'This charter is published to the whole organization and versioned: when we change a promise, the new version says what changed, and everything already under way is judged by the promise that was in force when it began. Tell us where we fall short — learning@northwind.example, +1 617 555 0142.',
  },
};

/**
 * Publishes the demo charter as version 1 when there is no charter yet; does nothing otherwise.
 * Runs in the caller's transaction when given one, so the demo loads whole or not at all.
 */
export async function seedDemoCharter(db: DbOrTx, clock: Clock = systemClock, publishedBy: string | null = null): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ n: count() }).from(charterVersions);
    if ((existing?.n ?? 0) > 0) return false;
    await saveCharterDraft(tx, clock, publishedBy, demoCharter);
    await publishCharterDraft(tx, clock, publishedBy);
    return true;
  });
}
