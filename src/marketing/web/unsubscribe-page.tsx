import { Alert, Anchor, Button, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconLinkOff } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { describeError } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { isNotFound, useUnsubscribe, useUnsubscribeLink } from './marketing-api';

const signInToChoose = (
  <Anchor component={Link} underline="always" to={`/sign-in?next=${encodeURIComponent('/account/interests')}`}>
    Sign in to choose your interests
  </Anchor>
);

/**
 * The page behind the unsubscribe link in every digest (CA-6): says whose digest it stops and stops
 * it with one button, without signing in. Opening it changes nothing (a mail scanner that follows
 * links unsubscribes nobody); mail clients use the one-click address in the headers instead.
 */
export function UnsubscribePage() {
  const token = useParams().token ?? '';
  const link = useUnsubscribeLink(token);
  const unsubscribe = useUnsubscribe(token);

  if (link.isLoading) return <FullPageLoader label="Reading the link" />;
  if (link.error) {
    return (
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        <PageHeader title="This link does not work" />
        <Stack gap="md">
          {isNotFound(link.error) ? (
            <Alert color="red" variant="light" icon={<IconLinkOff aria-hidden />} role="alert">
              {describeError(link.error)}
            </Alert>
          ) : (
            <ErrorAlert error={link.error} />
          )}
          <Text size="sm">{signInToChoose}, or write to the training unit at the address below.</Text>
        </Stack>
      </Paper>
    );
  }
  const view = link.data!;
  const about = view.interests.length > 0 ? ` about ${view.interests.join(', ')}` : '';

  if (!view.subscribed) {
    return (
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        <PageHeader title="You are unsubscribed" />
        <Stack gap="md">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" title="No more digests">
            Stride will not send the digest to {view.email} again.
          </Alert>
          <Text size="sm">Changed your mind? {signInToChoose} and start it again.</Text>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
      <PageHeader title="Unsubscribe from the digest" />
      <Stack gap="md">
        <Text>
          This stops the {view.frequency} digest of new and upcoming courses{about}, sent to {view.email}.
        </Text>
        {unsubscribe.error && <ErrorAlert error={unsubscribe.error} title="Not unsubscribed" />}
        <Button color="red" onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending} fullWidth>
          Unsubscribe
        </Button>
        <Text size="sm" c="gray.7">
          No sign-in needed. To change your interests or how often the digest comes instead, sign in and open{' '}
          <Anchor component={Link} underline="always" to="/account/interests">
            My interests
          </Anchor>
          .
        </Text>
      </Stack>
    </Paper>
  );
}
