import { Alert, Anchor, Paper, Stack, Text } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { describeError, isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { useAnswerByLink, useFollowUpLink } from './follow-up-api';
import { FollowUpForm } from './follow-up-form';

/**
 * The page behind the link in a follow-up mail (AF-4): no sign-in, the token is the credential.
 * Opening it spends nothing (mail scanners follow links); sending the answers does.
 */
export function FollowUpLinkPage() {
  const token = useParams().token ?? '';
  const link = useFollowUpLink(token);
  const answer = useAnswerByLink(token);
  if (link.isPending) return <FullPageLoader label="Reading the follow-up" />;
  if (link.isError) {
    const known = isApiProblem(link.error) && link.error.status >= 400 && link.error.status < 500 && link.error.status !== 429;
    return (
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
        <PageHeader title="This link does not work" />
        <Stack gap="md">
          {known ? (
            <Alert color="red" variant="light" icon={<IconLinkOff aria-hidden />} role="alert">
              {describeError(link.error)}
            </Alert>
          ) : (
            <ErrorAlert error={link.error} title="The follow-up cannot be read right now" />
          )}
          <Text size="sm">
            Open the link again from the mail, whole, or{' '}
            <Anchor component={Link} to="/sign-in?next=%2Ffollow-ups" underline="always">
              sign in to Stride
            </Anchor>{' '}
            to find your follow-ups.
          </Text>
          <UnitContactCard />
        </Stack>
      </Paper>
    );
  }
  return <FollowUpForm view={link.data} answer={answer} />;
}
