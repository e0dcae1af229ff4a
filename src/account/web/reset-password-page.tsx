import { Anchor, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { resetConfirmInput } from '../account-schemas';
import { post } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useZodForm } from '../../app/web/hooks/use-zod-form';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const form = useZodForm({ password: '', repeat: '' });

  const confirm = useMutation({
    mutationFn: (input: { token: string; password: string }) => post<void>('/password-resets/confirm', input),
    onSuccess: () => {
      notifications.show({ color: 'teal', title: 'Password changed', message: 'Sign in with your new password.' });
      navigate('/sign-in', { replace: true });
    },
    onError: (error) => form.applyProblem(error),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(resetConfirmInput, { token, password: form.values.password });
    if (!input) return;
    if (form.values.repeat !== form.values.password) {
      form.setErrors({ repeat: 'The two passwords are not the same.' });
      return;
    }
    confirm.mutate(input);
  };

  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
      <PageHeader title="Choose a new password" description="Use at least 10 characters. A short sentence is easy to remember and hard to guess." />
      {!token ? (
        <Stack gap="md">
          <ErrorAlert error={new Error('This page needs the link from your reset e-mail. Ask for a new link if yours is lost.')} title="No reset link" />
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/forgot-password">
              Ask for a new reset link
            </Anchor>
          </Text>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate ref={form.formRef}>
          <Stack gap="md">
            {(confirm.error || form.errors._form) && (
              <ErrorAlert
                error={confirm.error ?? new Error(form.errors._form)}
                formFields={['password']}
                title="The password was not changed"
              />
            )}
            <input type="hidden" name="username" autoComplete="username" />
            <PasswordInput label="New password" autoComplete="new-password" autoFocus {...form.textProps('password')} />
            <PasswordInput label="Repeat new password" autoComplete="new-password" {...form.textProps('repeat')} />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              Save new password
            </Button>
            <Text size="sm" ta="center">
              <Anchor component={Link} to="/forgot-password">
                Ask for a new reset link
              </Anchor>
            </Text>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
