import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isApiProblem } from '../api';
import { formFieldOf } from '../hooks/use-zod-form';

type Props = {
  error: unknown;
  /** Form field names already showing their own errors; those are not repeated here. */
  formFields?: readonly string[];
  title?: string;
};

function fieldLabel(field: string): string {
  return field.replace(/^body\./, '').replace(/^query\./, '').replace(/[._]/g, ' ');
}

/** Shows an RFC 9457 problem: its detail, and the field errors no form field is showing. */
export function ErrorAlert({ error, formFields = [], title }: Props) {
  if (!error) return null;
  const problem = isApiProblem(error) ? error : null;
  const heading = title ?? problem?.title ?? 'Something went wrong';
  const detail = problem?.detail ?? (error instanceof Error ? error.message : 'An unexpected error occurred.');
  const rest = (problem?.errors ?? []).filter((e) => !formFieldOf(e.field, formFields));
  return (
    <Alert color="red" variant="light" title={heading} icon={<IconAlertTriangle aria-hidden />} role="alert">
      <Text size="sm">{detail}</Text>
      {rest.length > 0 && (
        <List size="sm" mt="xs" spacing={2}>
          {rest.map((e, i) => (
            <List.Item key={`${e.field}-${e.row ?? ''}-${i}`}>
              {e.row !== undefined ? `Row ${e.row}, ` : ''}
              <Text span fw={600} size="sm">
                {fieldLabel(e.field)}
              </Text>
              : {e.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
