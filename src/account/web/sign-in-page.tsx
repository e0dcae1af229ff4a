import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { signInInput } from '../account-schemas';
import { post } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { safeNext } from '../../app/web/components/require-auth';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { useSession, useSetSession, type SessionResponse } from '../../app/web/hooks/use-session';
import { useZodForm } from '../../app/web/hooks/use-zod-form';

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { actor, isLoading } = useSession();
  const setSession = useSetSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const form = useZodForm({ email: '', password: '' });

  const signIn = useMutation({
    mutationFn: (input: { email: string; password: string }) => post<SessionResponse>('/session', input),
    onSuccess: (data) => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'unit' && q.queryKey[0] !== 'session' });
      setSession(data.actor);
      navigate(next, { replace: true });
    },
    onError: (error) => form.applyProblem(error),
  });

  if (isLoading) return <FullPageLoader />;
  if (actor && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(signInInput);
    if (input) signIn.mutate(input);
  };

  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
      <PageHeader title="Sign in to Stride" description="Use your work e-mail and your Stride password." />
      <form onSubmit={onSubmit} noValidate ref={form.formRef}>
        <Stack gap="md">
          {signIn.error && <ErrorAlert error={signIn.error} formFields={['email', 'password']} title="You are not signed in" />}
          <TextInput label="E-mail" type="email" autoComplete="username" autoFocus {...form.textProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" {...form.textProps('password')} />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/forgot-password">
              Forgot your password?
            </Anchor>
          </Text>
          <Text size="sm" ta="center">
            No account?{' '}
            <Anchor component={Link} to="/ask">
              Ask the training unit a question
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
