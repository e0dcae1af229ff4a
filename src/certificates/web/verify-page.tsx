import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiProblem } from '../../app/web/api';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { UnitContactCard } from '../../app/web/components/unit-contact-card';
import { formatCompletedOn } from '../certificate-format';
import { useVerification } from './certificate-api';
import { CertificateFacts } from './certificate-facts';

/** Another code, as typed from the paper: dashes, spaces and case do not matter. */
function CheckAnotherCode({ initial }: { initial: string }) {
  const [code, setCode] = useState(initial);
  const navigate = useNavigate();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) navigate(`/verify/${encodeURIComponent(code.trim())}`);
  };
  return (
    <form onSubmit={onSubmit} aria-label="Check a code">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label="Code on the certificate" description="12 letters and digits, for example ACDE-FG23-4567" value={code} onChange={(e) => setCode(e.currentTarget.value)} style={{ flex: '1 1 14rem' }} maxLength={64} />
        <Button type="submit" variant="default">
          Check
        </Button>
      </Group>
    </form>
  );
}

/**
 * The page the QR code on a certificate opens (AF-2), for whoever holds the paper: no sign-in, no
 * app around it. It confirms or denies, and shows only what the certificate itself shows.
 */
export function VerifyCertificatePage() {
  const code = useParams().code ?? '';
  const check = useVerification(code);

  if (check.isLoading) return <FullPageLoader label="Checking the certificate" />;
  const missing = isApiProblem(check.error) && check.error.status === 404;
  const view = check.data;
  return (
    <Stack gap="lg">
      <Paper withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="md">
        {view?.status === 'valid' && (
          <>
            <PageHeader title="Certificate confirmed" />
            <Stack gap="md">
              <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" title="This certificate is genuine">
                <Text size="sm">It was issued by the training unit below, and says what follows.</Text>
              </Alert>
              <CertificateFacts view={view} />
            </Stack>
          </>
        )}
        {view?.status === 'withdrawn' && (
          <>
            <PageHeader title="Certificate withdrawn" />
            <Stack gap="md">
              <Alert color="red" variant="light" icon={<IconCircleX aria-hidden />} role="alert" title="This certificate is no longer valid">
                <Text size="sm">
                  The training unit withdrew it{view.withdrawnOn ? ` on ${formatCompletedOn(view.withdrawnOn)}` : ''}. It does not confirm a completion; ask the training unit below if you need to know more.
                </Text>
              </Alert>
              <CertificateFacts view={view} />
            </Stack>
          </>
        )}
        {missing && (
          <>
            <PageHeader title="Certificate not found" />
            <Stack gap="md">
              <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title="No certificate has this code">
                <Text size="sm">Check the code printed under the QR code on the certificate and type it again, or ask the training unit below.</Text>
              </Alert>
              <CheckAnotherCode initial={code} />
            </Stack>
          </>
        )}
        {!!check.error && !missing && (
          <>
            <PageHeader title="The certificate cannot be checked right now" />
            <ErrorAlert error={check.error} />
          </>
        )}
      </Paper>
      <UnitContactCard />
    </Stack>
  );
}
