import { roleLabels } from '../platform/auth/roles';
import type { ServiceLevelDefinition } from '../service-levels/service-level-schema';
import type { CharterChange } from './charter-view-schemas';

// How a version's service levels differ from the previous version's, one entry per service level
// (its key stays the same across versions), naming each field that moved:
// "Target for First response to a question — web form: 8 → 4 working hours".

export type ComparableServiceLevel = ServiceLevelDefinition;

/** Business minutes as people count them: "8 working hours", "25.5 working hours", "45 working minutes". */
export function workingTime(minutes: number): string {
  if (minutes < 60) return `${minutes} working minute${minutes === 1 ? '' : 's'}`;
  const h = Math.round((minutes / 60) * 100) / 100;
  return `${h} working hour${h === 1 ? '' : 's'}`;
}

const events = (list: string[]) => (list.length > 0 ? list.join(', ') : 'none');
const match = (m: Record<string, string> | undefined) =>
  m && Object.keys(m).length > 0 ? Object.entries(m).map(([k, v]) => `${k} = ${v}`).join(', ') : 'every case';

type Field = { what: string; show: (level: ComparableServiceLevel) => string };

const fields: Field[] = [
  { what: 'Target', show: (l) => workingTime(l.targetBusinessMinutes) },
  { what: 'At-risk warning', show: (l) => `at ${Math.round(l.atRiskShare * 100)}% of the target` },
  { what: 'Name', show: (l) => l.name },
  { what: 'Description', show: (l) => l.description },
  { what: 'What is measured', show: (l) => l.subjectType },
  { what: 'Start event', show: (l) => l.startEvent },
  { what: 'Stop events', show: (l) => events(l.stopEvents) },
  { what: 'Pause events', show: (l) => events(l.pauseEvents) },
  { what: 'Resume events', show: (l) => events(l.resumeEvents) },
  { what: 'Applies to', show: (l) => match(l.attributeMatch) },
  { what: 'Owner', show: (l) => roleLabels[l.ownerRole] },
];

/** "8 → 4 working hours" when both sides share their unit, "8 working hours → 45 working minutes" otherwise. */
function arrow(before: string, after: string): string {
  const unit = / working hours?$| working minutes?$/;
  const a = before.match(unit)?.[0];
  const b = after.match(unit)?.[0];
  if (a && a === b) return `${before.slice(0, -a.length)} → ${after}`;
  return `${before} → ${after}`;
}

function describeLevel(level: ComparableServiceLevel): string {
  return `${workingTime(level.targetBusinessMinutes)}, from ${level.startEvent} to ${events(level.stopEvents)} (${match(level.attributeMatch)}); owner: ${roleLabels[level.ownerRole]}`;
}

function changed(before: ComparableServiceLevel, after: ComparableServiceLevel): CharterChange | undefined {
  const moved = fields
    .map((f) => ({ what: f.what, before: f.show(before), after: f.show(after) }))
    .filter((m) => m.before !== m.after);
  const [only] = moved;
  if (!only) return undefined;
  const key = `service-level:${after.key}`;
  if (moved.length === 1) {
    return { area: 'service-level', key, change: 'changed', label: `${only.what} for ${after.name}: ${arrow(only.before, only.after)}`, before: only.before, after: only.after };
  }
  return {
    area: 'service-level',
    key,
    change: 'changed',
    label: `${after.name}: ${moved.map((m) => `${m.what.toLowerCase()} ${arrow(m.before, m.after)}`).join('; ')}`,
    before: moved.map((m) => `${m.what}: ${m.before}`).join('\n'),
    after: moved.map((m) => `${m.what}: ${m.after}`).join('\n'),
  };
}

export function compareServiceLevels(before: ComparableServiceLevel[], after: ComparableServiceLevel[]): CharterChange[] {
  const old = new Map(before.map((l) => [l.key, l]));
  const now = new Map(after.map((l) => [l.key, l]));
  const changes: CharterChange[] = [];
  for (const level of after) {
    const was = old.get(level.key);
    if (!was) {
      changes.push({ area: 'service-level', key: `service-level:${level.key}`, change: 'added', label: `Service level added: ${level.name}`, after: describeLevel(level) });
    } else {
      const change = changed(was, level);
      if (change) changes.push(change);
    }
  }
  for (const level of before) {
    if (!now.has(level.key)) {
      changes.push({ area: 'service-level', key: `service-level:${level.key}`, change: 'removed', label: `Service level removed: ${level.name}`, before: describeLevel(level) });
    }
  }
  return changes;
}
