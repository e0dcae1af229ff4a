import { parse } from 'csv-parse/sync';
import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor';
import type { DbOrTx } from '../platform/db/database';
import { AppError, type FieldError } from '../platform/http/app-error';
import { describeNotText } from '../platform/http/uploaded-text';
import { people } from '../people/schema';
import { completeSelfPaced, liveCourseEnrolments, lockSelfPacedCourse } from './complete-self-paced';
import { unitToday } from '../platform/settings/unit-today';
import { writeEnrolment, type EnrolmentDeps } from './enrolment-context';
import { completionDate } from './record-completion';

// E-learning completions from the LMS's export (AF-1): a CSV with a header, one line per person
// (`email` or `employee_id`, and `completed_on`). Every line is checked before anything is
// written; one bad line and nothing is applied, each problem named by its line (`lines.7.email`,
// counting the header as line 1, as a spreadsheet does). A dry run answers the same preview and
// writes nothing.

export const MAX_COMPLETION_LINES = 5000;

export const importCompletionsInput = z.object({
  csv: z.string().min(1, 'Paste the CSV or choose the file.').max(2_000_000, 'The CSV is too large (2,000,000 characters at most); split it.'),
  dryRun: z.boolean().default(false),
});
export type ImportCompletionsInput = z.infer<typeof importCompletionsInput>;

const outcomes = ['complete', 'already_completed', 'invalid'] as const;
export const importCompletionsView = z.object({
  dryRun: z.boolean(),
  applied: z.boolean(),
  lines: z.array(
    z.object({
      line: z.number().int(),
      person: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
      completedOn: z.string(),
      outcome: z.enum(outcomes),
      problem: z.string().nullable(),
    }),
  ),
  toComplete: z.number().int(),
  alreadyCompleted: z.number().int(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type ImportCompletionsView = z.infer<typeof importCompletionsView>;
type Line = ImportCompletionsView['lines'][number];

type Parsed = { line: number; email: string; employeeId: string; completedOn: string };

function parseLines(csv: string): Parsed[] {
  const refuse = (message: string, field = 'csv') => AppError.invalid([{ field, message }], 'The completions were not imported:');
  const notText = describeNotText(csv, 'CSV');
  if (notText) throw refuse(notText);
  let records: { record: string[]; info: { records: number; empty_lines: number } }[];
  try {
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as never;
  } catch (e) {
    throw refuse(`This is not a readable CSV: ${(e as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw refuse('The CSV is empty.');
  const names = header.record.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const col = (name: string) => names.indexOf(name);
  if (col('completed_on') < 0 || (col('email') < 0 && col('employee_id') < 0)) {
    throw refuse('The first line must name the columns: email or employee_id, and completed_on (for example: email,completed_on).', 'csv.header');
  }
  if (data.length === 0) throw refuse('The CSV has a header but no lines.');
  if (data.length > MAX_COMPLETION_LINES) throw refuse(`At most ${MAX_COMPLETION_LINES.toLocaleString('en')} lines per import; split the file.`);
  const cell = (record: string[], name: string) => (col(name) < 0 ? '' : (record[col(name)] ?? '').trim());
  return data.map(({ record, info }) => ({ line: info.records + info.empty_lines, email: cell(record, 'email').toLowerCase(), employeeId: cell(record, 'employee_id'), completedOn: cell(record, 'completed_on') }));
}

async function findPeople(tx: DbOrTx, lines: Parsed[]) {
  const emails = [...new Set(lines.map((l) => l.email).filter(Boolean))];
  const ids = [...new Set(lines.map((l) => l.employeeId).filter(Boolean))];
  const select = { id: people.id, name: people.name, email: people.email, employeeId: people.employeeId };
  const byEmail = emails.length ? await tx.select(select).from(people).where(inArray(sql`lower(${people.email})`, emails)) : [];
  const byEmployeeId = ids.length ? await tx.select(select).from(people).where(inArray(people.employeeId, ids)) : [];
  return { byEmail: new Map(byEmail.map((p) => [p.email.toLowerCase(), p])), byEmployeeId: new Map(byEmployeeId.map((p) => [p.employeeId, p])) };
}

export async function importCompletions(deps: EnrolmentDeps, actor: Actor, courseId: string, input: ImportCompletionsInput): Promise<ImportCompletionsView> {
  const now = deps.clock.now();
  return writeEnrolment(deps.db, async (tx) => {
    const course = await lockSelfPacedCourse(tx, actor, courseId);
    const parsed = parseLines(input.csv);
    const unit = await unitToday(tx, now);
    const { today } = unit;
    const found = await findPeople(tx, parsed);
    const resolved = parsed.map((l) => (l.email ? found.byEmail.get(l.email) : found.byEmployeeId.get(l.employeeId)));
    const live = await liveCourseEnrolments(tx, course.id, [...new Set(resolved.filter((p) => !!p).map((p) => p.id))]);
    const errors: FieldError[] = [];
    const firstLineOf = new Map<string, number>();
    const lines: Line[] = parsed.map((l, i) => {
      const person = resolved[i];
      const key = l.email ? 'email' : 'employee_id';
      const problem = (field: string, message: string): Line => {
        errors.push({ field: `lines.${l.line}.${field}`, message: `Line ${l.line}: ${message}`, row: l.line });
        return { line: l.line, person: person ? { id: person.id, name: person.name, email: person.email } : null, completedOn: l.completedOn, outcome: 'invalid', problem: message };
      };
      if (!l.email && !l.employeeId) return problem(key, 'give the person’s email or employee_id.');
      if (!person) return problem(key, `nobody has the ${l.email ? `email ${l.email}` : `employee_id ${l.employeeId}`}.`);
      const date = completionDate.safeParse(l.completedOn);
      if (!date.success) return problem('completed_on', `“${l.completedOn}” is not a date; write it as YYYY-MM-DD.`);
      if (l.completedOn > today) return problem('completed_on', `${l.completedOn} has not come yet (today is ${today}).`);
      const first = firstLineOf.get(person.id);
      if (first !== undefined) return problem(key, `${person.name} is already on line ${first}; list each person once.`);
      firstLineOf.set(person.id, l.line);
      const ref = { id: person.id, name: person.name, email: person.email };
      if (live.get(person.id)?.state === 'completed') {
        const line = problem(key, `${person.name} already completed this course; remove the line.`);
        return { ...line, outcome: 'already_completed' };
      }
      return { line: l.line, person: ref, completedOn: l.completedOn, outcome: 'complete', problem: null };
    });
    const view = (applied: boolean): ImportCompletionsView => ({
      dryRun: input.dryRun,
      applied,
      lines,
      toComplete: lines.filter((l) => l.outcome === 'complete').length,
      alreadyCompleted: lines.filter((l) => l.outcome === 'already_completed').length,
      errors: errors.map(({ field, message }) => ({ field, message })),
    });
    if (input.dryRun) return view(false);
    if (errors.length) throw AppError.invalid(errors, `Nothing was imported: ${errors.length === 1 ? 'one line needs' : `${errors.length} lines need`} attention.`);
    const change = { now, actorId: actor.id };
    for (const l of lines) await completeSelfPaced(tx, deps.clock, change, course, l.person!, l.completedOn, unit, live.get(l.person!.id), 'imported');
    return view(true);
  });
}
