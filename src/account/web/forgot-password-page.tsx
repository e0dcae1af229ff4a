import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { resetRequestInput } from '../account-schemas';
import { post } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useZodForm } from '../../app/web/hooks/use-zod-form';

export function ForgotPasswordPage() {
  const form = useZodForm({ email: '' });
  const request = useMutation({
    mutationFn: (input: { email: string }) => post<{ message: string }>('/password-resets', input),
    onError: (error) => form.applyProblem(error),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(resetRequestInput);
    if (input) request.mutate(input);
  };

  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
      <PageHeader title="Reset your password" description="Enter your work e-mail and we will send you a link to choose a new password." />
      {request.isSuccess ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconMailCheck aria-hidden />} title="Check your e-mail" role="status">
            {request.data?.message ?? 'If this address belongs to someone in Stride, a reset link is on its way.'} The link works for a limited time.
          </Alert>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/sign-in">
              Back to sign in
            </Anchor>
          </Text>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate ref={form.formRef}>
          <Stack gap="md">
            {request.error && <ErrorAlert error={request.error} formFields={['email']} />}
            <TextInput label="E-mail" type="email" autoComplete="username" autoFocus {...form.textProps('email')} />
            <Button type="submit" loading={request.isPending} fullWidth>
              Send reset link
            </Button>
            <Text size="sm" ta="center">
              <Anchor component={Link} to="/sign-in">
                Back to sign in
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
