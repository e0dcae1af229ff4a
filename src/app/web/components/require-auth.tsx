import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Container } from '@mantine/core';
import { useSession } from '../hooks/use-session';
import { ErrorAlert } from './error-alert';
import { FullPageLoader } from './full-page-loader';

/** Lets signed-in people through; sends everyone else to sign in, remembering where they wanted to go. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { actor, isLoading, error } = useSession();
  const location = useLocation();
  if (isLoading) return <FullPageLoader />;
  if (error && !actor) {
    return (
      <Container size="sm" py="xl" component="main">
        <ErrorAlert error={error} title="Stride cannot check who you are" />
      </Container>
    );
  }
  if (!actor) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const to = next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}

/** Only a safe, same-site path is a valid place to return to after signing in. */
export function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/sign-in')) return '/';
  return value;
}
