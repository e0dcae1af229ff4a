import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { FormErrors } from './use-catalog-form';

type Props = {
  errors: FormErrors;
  /** The words for a field's path: "Objective 3", "Ends". */
  labelOf: (path: string) => string;
  title: string;
  /** What did not happen, e.g. "Nothing was saved." */
  outcome: string;
};

/** Every problem at once above the form; each also shows beside its input. */
export function ErrorSummary({ errors, labelOf, title, outcome }: Props) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">
        {entries.length === 1 ? 'One thing needs attention.' : `${entries.length} things need attention.`} {outcome}
      </Text>
      <List size="sm" mt="xs" spacing={2}>
        {entries.map(([path, message]) => (
          <List.Item key={path}>
            <Text span fw={600} size="sm">
              {labelOf(path)}
            </Text>
            : {message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
