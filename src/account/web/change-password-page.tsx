import { Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { changePasswordInput } from '../account-schemas';
import { post } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { useActor } from '../../app/web/hooks/use-session';
import { useZodForm } from '../../app/web/hooks/use-zod-form';

const empty = { currentPassword: '', newPassword: '', repeat: '' };

export function ChangePasswordPage() {
  const actor = useActor();
  const form = useZodForm(empty);
  const change = useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => post<void>('/account/password', input),
    onSuccess: () => {
      form.reset(empty);
      notifications.show({ color: 'teal', title: 'Password changed', message: 'Use your new password the next time you sign in.' });
    },
    onError: (error) => form.applyProblem(error),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(changePasswordInput, { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword });
    if (!input) return;
    if (form.values.repeat !== form.values.newPassword) {
      form.setErrors({ repeat: 'The two passwords are not the same.' });
      return;
    }
    change.mutate(input);
  };

  return (
    <>
      <PageHeader title="Change password" description="Choose a new password of at least 10 characters. You stay signed in on this device." />
      <Paper withBorder p="lg" radius="md" maw={520}>
        <form onSubmit={onSubmit} noValidate ref={form.formRef}>
          <Stack gap="md">
            {change.error && <ErrorAlert error={change.error} formFields={['currentPassword', 'newPassword']} title="Your password was not changed" />}
            <input type="hidden" name="username" autoComplete="username" value={actor.email} readOnly />
            <PasswordInput label="Current password" autoComplete="current-password" {...form.textProps('currentPassword')} />
            <PasswordInput label="New password" autoComplete="new-password" description="At least 10 characters." {...form.textProps('newPassword')} />
            <PasswordInput label="Repeat new password" autoComplete="new-password" {...form.textProps('repeat')} />
            <Group>
              <Button type="submit" loading={change.isPending}>
                Change password
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
