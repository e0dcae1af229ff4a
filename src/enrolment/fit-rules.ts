import type { ApprovalMode } from '../catalog/catalog-values';
import type { FitRule, PrerequisiteAnswer, PriorExperience } from './audience-values';

// The fit check of the pre-event audience analysis (CA-4): right people, right class, right
// reasons. Pure: the facts in, the flags out, so the rules read as a table and are tested as one
// (fit-rules.test.ts). A flag never blocks anything; it tells the coordinator (and a supervisor
// deciding) what to talk about. Decision 016 says why each rule is what it is.

export type FitFacts = {
  person: { name: string; unit: { id: string; name: string } | null };
  course: { code: string; title: string; prerequisites: string; audienceUnits: { id: string; name: string }[] };
  approvalMode: ApprovalMode;
  /** Still waiting for the supervisor's yes: their expectations may come with it, so none yet is no flag. */
  awaitingSupervisor: boolean;
  answers: { reason: string | null; priorExperience: PriorExperience; selfRatedLevel: number; meetsPrerequisites: PrerequisiteAnswer | null } | null;
  expectations: string | null;
};

export type FitFlag = { rule: FitRule; explanation: string; details: Record<string, unknown> };

// The course's level is not modelled: a course is introductory when its title says so, or when its
// code ends in 101 (CC-101, SEC-101), the catalog's habit for a first course. The description is
// not read: "no basics needed" would count.
const introductoryWords = /\b(introduction|introductory|intro|basics?|fundamentals|beginners?|getting started|essentials|primer)\b/i;
const introductoryCode = /(^|\D)101$/;

/** Why the course counts as introductory, in words, or null. */
export function introductoryBy(course: { code: string; title: string }): string | null {
  const word = course.title.match(introductoryWords)?.[0];
  if (word) return `“${word}” in its title`;
  return introductoryCode.test(course.code.trim()) ? `its code ${course.code}` : null;
}

// A reason is "missing" when it says nothing ("n/a", "-"), and "obligation" when everything it says
// is that someone requires it ("Mandatory.", "My manager told me to attend"): every word is an
// obligation or filler, and at least one is an obligation. One word of substance ("… for the new
// tariff") makes it a reason. English only; another language reads as a reason.
const saysNothing = /^(n\/?a|none|no|nothing|no reason|nil|tbd|x+|-+|\.+|\?+)$/i;
const obligations = new Set([
  'mandatory', 'required', 'requirement', 'compulsory', 'obligatory', 'obliged', 'told', 'asked', 'sent', 'instructed', 'must', 'forced', 'wants', 'wanted', 'have', 'has', 'had', 'need', 'needs', 'needed',
]);
const filler = new Set([
  'i', 'm', 's', 't', 'im', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'he', 'she', 'they', 'them', 'him', 'her', 'it', 'its', 'a', 'an', 'the', 'this', 'that', 'to', 'by', 'for', 'of', 'on', 'in', 'at', 'as', 'per', 'from', 'and', 'or', 'so', 'just',
  'was', 'were', 'am', 'is', 'are', 'be', 'been', 'being', 'do', 'did', 'go', 'take', 'attend', 'attending', 'come', 'coming', 'said', 'says', 'because', 'since', 'all', 'everyone', 'every', 'whole',
  'course', 'training', 'session', 'class', 'module', 'manager', 'boss', 'supervisor', 'lead', 'leader', 'team', 'hr', 'company', 'policy', 'role', 'job', 'department', 'employee', 'employees', 'staff', 'management', 'apparently', 'yes',
]);

export function reasonKind(reason: string | null | undefined): 'missing' | 'obligation' | 'given' {
  const text = (reason ?? '').trim();
  if (!text || saysNothing.test(text) || !/\p{L}/u.test(text)) return 'missing';
  const words = text.toLowerCase().replace(/[’']/g, ' ').split(/[^\p{L}]+/u).filter(Boolean);
  const onlyObligation = words.every((w) => obligations.has(w) || filler.has(w)) && words.some((w) => obligations.has(w));
  return onlyObligation ? 'obligation' : 'given';
}

const listOf = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** The flags the facts raise, in the order of fitRules. */
export function checkFit(f: FitFacts): FitFlag[] {
  const flags: FitFlag[] = [];
  const who = f.person.name;
  const { answers, course } = f;
  if (!answers) flags.push({ rule: 'no_answers', explanation: `${who} has not answered the questions yet: no role, reason, experience or level to go on.`, details: {} });

  const units = course.audienceUnits;
  if (units.length > 0 && !units.some((u) => u.id === f.person.unit?.id)) {
    const names = units.map((u) => u.name).sort();
    flags.push({
      rule: 'unit_outside_audience',
      explanation: `${who} works in ${f.person.unit?.name ?? 'no business unit'}; the course is meant for ${listOf(names)}.`,
      details: { unit: f.person.unit, audienceUnits: names },
    });
  }

  if (answers) {
    const prerequisites = course.prerequisites.trim();
    if (prerequisites && (answers.meetsPrerequisites === 'no' || answers.meetsPrerequisites === 'partly')) {
      const no = answers.meetsPrerequisites === 'no';
      flags.push({
        rule: no ? 'prerequisites_not_met' : 'prerequisites_partly_met',
        explanation: `${who} says they ${no ? 'do not meet' : 'partly meet'} the prerequisites: “${prerequisites}”`,
        details: { answer: answers.meetsPrerequisites, prerequisites },
      });
    }
    const introductory = introductoryBy(course);
    if (introductory && answers.priorExperience === 'a_lot' && answers.selfRatedLevel >= 4) {
      flags.push({
        rule: 'experienced_on_introductory',
        explanation: `${who} has a lot of experience and rates themself ${answers.selfRatedLevel} of 5, on an introductory course (${introductory}): a more advanced offering may serve them better.`,
        details: { priorExperience: answers.priorExperience, selfRatedLevel: answers.selfRatedLevel, introductory },
      });
    }
    const kind = reasonKind(answers.reason);
    if (kind === 'missing') flags.push({ rule: 'no_reason', explanation: `${who} gave no reason for coming.`, details: { reason: answers.reason } });
    if (kind === 'obligation') {
      flags.push({
        rule: 'obligation_only',
        explanation: `${who}’s only reason is that they have to come (“${answers.reason}”): worth a conversation about what they should be able to do afterwards.`,
        details: { reason: answers.reason },
      });
    }
  }

  if (f.approvalMode === 'supervisor' && !f.awaitingSupervisor && !f.expectations?.trim()) {
    flags.push({ rule: 'no_expectations', explanation: `No supervisor has said what they expect ${who} to do differently afterwards.`, details: {} });
  }
  return flags;
}
