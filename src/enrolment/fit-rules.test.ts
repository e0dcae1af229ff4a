import { describe, expect, it } from 'vitest';
import { checkFit, introductoryBy, reasonKind, type FitFacts } from './fit-rules';
import type { FitRule } from './audience-values';

// CA-4 the fit check's rules as a table: the facts of one application, and the rules it raises.

const care = { id: '00000000-0000-4000-8000-00000000000c', name: 'Customer Care' };
const finance = { id: '00000000-0000-4000-8000-00000000000f', name: 'Finance' };

const answered = { reason: 'Complaints about the new tariff take me twice as long as they should.', priorExperience: 'some', selfRatedLevel: 2, meetsPrerequisites: 'yes' } as const;

/** A good fit: a Customer Care agent with a real reason, on a Customer Care course, nothing pending. */
function facts(overrides: { person?: Partial<FitFacts['person']>; course?: Partial<FitFacts['course']>; answers?: Partial<NonNullable<FitFacts['answers']>> | null } & Partial<Omit<FitFacts, 'person' | 'course' | 'answers'>> = {}): FitFacts {
  const { person, course, answers, ...rest } = overrides;
  return {
    person: { name: 'Lena Learner', unit: care, ...person },
    course: { code: 'CC-210', title: 'Handling Customer Complaints', prerequisites: 'Three months on the phones.', audienceUnits: [care], ...course },
    approvalMode: 'none',
    awaitingSupervisor: false,
    answers: answers === null ? null : { ...answered, ...answers },
    expectations: null,
    ...rest,
  };
}

const rules = (f: FitFacts): FitRule[] => checkFit(f).map((flag) => flag.rule);

describe('CA-4 the fit rules', () => {
  it.each<[string, FitFacts, FitRule[]]>([
    ['a good fit raises nothing', facts(), []],
    ['no answers: flagged, and the rules that need answers stay quiet', facts({ answers: null }), ['no_answers']],
    ['no answers still checks the unit', facts({ answers: null, person: { unit: finance } }), ['no_answers', 'unit_outside_audience']],
    ['a business unit the course is not meant for', facts({ person: { unit: finance } }), ['unit_outside_audience']],
    ['no business unit at all, on a course for named units', facts({ person: { unit: null } }), ['unit_outside_audience']],
    ['a course for everyone (no units) takes any unit', facts({ person: { unit: finance }, course: { audienceUnits: [] } }), []],
    ['one of several audience units', facts({ person: { unit: finance }, course: { audienceUnits: [care, finance] } }), []],
    ['prerequisites not met', facts({ answers: { meetsPrerequisites: 'no' } }), ['prerequisites_not_met']],
    ['prerequisites partly met', facts({ answers: { meetsPrerequisites: 'partly' } }), ['prerequisites_partly_met']],
    ['"no" to prerequisites the course does not have is no flag', facts({ course: { prerequisites: '  ' }, answers: { meetsPrerequisites: 'no' } }), []],
    ['a lot of experience, level 4, on a 101', facts({ course: { code: 'CC-101' }, answers: { priorExperience: 'a_lot', selfRatedLevel: 4 } }), ['experienced_on_introductory']],
    ['a lot of experience, level 5, on "… Basics …"', facts({ course: { title: 'Budgeting Basics for Team Managers', code: 'FIN-300' }, answers: { priorExperience: 'a_lot', selfRatedLevel: 5 } }), ['experienced_on_introductory']],
    ['a lot of experience but level 3 on a 101: no flag', facts({ course: { code: 'CC-101' }, answers: { priorExperience: 'a_lot', selfRatedLevel: 3 } }), []],
    ['level 5 with only some experience on a 101: no flag', facts({ course: { code: 'CC-101' }, answers: { priorExperience: 'some', selfRatedLevel: 5 } }), []],
    ['a lot of experience, level 5, on an advanced course: no flag', facts({ course: { code: 'CC-201', title: 'Calming Difficult Calls' }, answers: { priorExperience: 'a_lot', selfRatedLevel: 5 } }), []],
    ['a reason that says nothing', facts({ answers: { reason: 'n/a' } }), ['no_reason']],
    ['an empty reason', facts({ answers: { reason: '' } }), ['no_reason']],
    ['"Mandatory."', facts({ answers: { reason: 'Mandatory.' } }), ['obligation_only']],
    ['"My manager told me to attend"', facts({ answers: { reason: 'My manager told me to attend' } }), ['obligation_only']],
    ['"It’s required for my role"', facts({ answers: { reason: 'It’s required for my role' } }), ['obligation_only']],
    ['"Required for the new tariff rollout" is a reason', facts({ answers: { reason: 'Required for the new tariff rollout' } }), []],
    ['supervisor-approved, approved without expectations', facts({ approvalMode: 'supervisor' }), ['no_expectations']],
    ['supervisor-approved, still waiting for the supervisor: not yet', facts({ approvalMode: 'supervisor', awaitingSupervisor: true }), []],
    ['supervisor-approved, with expectations', facts({ approvalMode: 'supervisor', expectations: 'Close complaints in one call.' }), []],
    ['expectations of blanks are none', facts({ approvalMode: 'supervisor', expectations: '   ' }), ['no_expectations']],
    ['coordinator-approved sessions ask no supervisor', facts({ approvalMode: 'coordinator' }), []],
    [
      'everything at once, in the rules’ order',
      facts({
        person: { unit: finance },
        course: { code: 'FIN-101' },
        approvalMode: 'supervisor',
        answers: { reason: 'Told to.', priorExperience: 'a_lot', selfRatedLevel: 5, meetsPrerequisites: 'partly' },
      }),
      ['unit_outside_audience', 'prerequisites_partly_met', 'experienced_on_introductory', 'obligation_only', 'no_expectations'],
    ],
  ])('CA-4 %s', (_title, input, expected) => {
    expect(rules(input)).toEqual(expected);
  });

  it('CA-4 each flag explains itself in a sentence that names the person and what was found', () => {
    const [unit, prerequisites, level, reason] = checkFit(
      facts({ person: { unit: finance }, course: { code: 'CC-101' }, answers: { reason: 'Mandatory', priorExperience: 'a_lot', selfRatedLevel: 5, meetsPrerequisites: 'no' } }),
    );
    expect(unit).toMatchObject({ rule: 'unit_outside_audience', explanation: 'Lena Learner works in Finance; the course is meant for Customer Care.', details: { unit: finance, audienceUnits: ['Customer Care'] } });
    expect(prerequisites!.explanation).toBe('Lena Learner says they do not meet the prerequisites: “Three months on the phones.”');
    expect(level!.explanation).toMatch(/rates themself 5 of 5, on an introductory course \(its code CC-101\)/);
    expect(reason!.explanation).toMatch(/only reason is that they have to come \(“Mandatory”\)/);
  });

  it.each<[string, string, string | null]>([
    ['CC-101', 'Handling Customer Complaints', 'its code CC-101'],
    ['101', 'Anything', 'its code 101'],
    ['CC-1010', 'Handling Customer Complaints', null],
    ['FIN-300', 'Budgeting Basics for Team Managers', '“Basics” in its title'],
    ['X-1', 'An Introduction to Grid Maps', '“Introduction” in its title'],
    ['X-2', 'Excel Fundamentals', '“Fundamentals” in its title'],
    ['X-3', 'Getting started with Stride', '“Getting started” in its title'],
    ['CC-201', 'Calming Difficult Calls', null],
    ['X-4', 'Basically advanced', null],
  ])('CA-4 introductory: %s “%s”', (code, title, expected) => {
    expect(introductoryBy({ code, title })).toBe(expected);
  });

  it.each<[string | null, 'missing' | 'obligation' | 'given']>([
    [null, 'missing'],
    ['   ', 'missing'],
    ['-', 'missing'],
    ['N/A', 'missing'],
    ['...', 'missing'],
    ['123', 'missing'],
    ['Required', 'obligation'],
    ['compulsory for all staff', 'obligation'],
    ['I was asked to attend by my boss.', 'obligation'],
    ['HR says it is mandatory', 'obligation'],
    ['I have to', 'obligation'],
    ['My supervisor wants me to go', 'obligation'],
    ['Told to attend, and I want better replies for angry customers', 'given'],
    ['I need to handle escalations better', 'given'],
    ['Quero melhorar as respostas por escrito.', 'given'],
    ['Because', 'given'],
  ])('CA-4 reason %j reads as %s', (reason, kind) => {
    expect(reasonKind(reason)).toBe(kind);
  });
});
