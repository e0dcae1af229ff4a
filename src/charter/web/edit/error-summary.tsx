import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CharterDraft } from '../../charter-schema';
import { getIn, type DraftErrors } from './use-draft-form';

const words: Record<string, string> = {
  content: '',
  introduction: 'Introduction',
  productsAndServices: 'Products and services',
  requestHandling: 'How requests are handled',
  partnership: 'Partnership',
  summary: 'summary',
  steps: 'steps',
  closing: 'Closing words',
  calendar: 'Calendar',
  timeZone: 'time zone',
  week: 'working week',
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
  holidays: 'holidays',
  serviceLevels: 'Service levels',
  targetBusinessMinutes: 'target',
  atRiskShare: 'at-risk share',
  ownerRole: 'owner',
  changeSummary: 'Summary of changes',
};

/** "Service levels › First response — web form › target", "Calendar › Monday › period 1 › end". */
export function describeField(path: string, values: CharterDraft): string {
  const parts = path.split('.');
  const out: string[] = [];
  parts.forEach((part, i) => {
    if (/^\d+$/.test(part)) {
      const parent = parts.slice(0, i + 1).join('.');
      if (parts[i - 1] === 'serviceLevels') {
        const name = getIn(values, `${parent}.name`);
        out.push(typeof name === 'string' && name ? name : `#${Number(part) + 1}`);
      } else if (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].includes(parts[i - 1] ?? '')) out.push(`period ${Number(part) + 1}`);
      else out.push(`#${Number(part) + 1}`);
      return;
    }
    const word = words[part] ?? part.replace(/([A-Z])/g, ' $1').toLowerCase();
    if (word) out.push(word);
  });
  return out.join(' › ');
}

/** Every problem at once above the form; each also shows next to its input. */
export function ErrorSummary({ errors, values, title }: { errors: DraftErrors; values: CharterDraft; title: string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">
        {entries.length === 1 ? 'One thing needs attention' : `${entries.length} things need attention`} before the charter can be saved. Nothing was published.
      </Text>
      <List size="sm" mt="xs" spacing={2}>
        {entries.map(([path, message]) => (
          <List.Item key={path}>
            <Text span fw={600} size="sm">
              {describeField(path, values)}
            </Text>
            : {message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
