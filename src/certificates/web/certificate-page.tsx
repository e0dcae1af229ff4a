import { Alert, Anchor, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleX, IconFileTypePdf } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { FullPageLoader } from '../../app/web/components/full-page-loader';
import { PageHeader } from '../../app/web/components/page-header';
import { useZodForm } from '../../app/web/hooks/use-zod-form';
import { revokeInput } from '../certificate-schemas';
import { formatCompletedOn } from '../certificate-format';
import { certificatePdfUrl, useCertificate, useRevokeCertificate, type CertificateView } from './certificate-api';
import { CertificateFacts } from './certificate-facts';

/** A coordinator withdraws a certificate issued in error; the reason stays on record, not on the public page. */
function RevokeForm({ certificate }: { certificate: CertificateView }) {
  const revoke = useRevokeCertificate(certificate.id);
  const form = useZodForm({ reason: '' });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate(revokeInput);
    if (!input) return;
    revoke.mutate(input, {
      onSuccess: () => notifications.show({ color: 'teal', title: 'Withdrawn', message: 'The certificate now verifies as withdrawn.' }),
      onError: (error) => form.applyProblem(error),
    });
  };
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="revoke-heading">
      <form onSubmit={onSubmit} noValidate ref={form.formRef} aria-labelledby="revoke-heading">
        <Stack gap="sm">
          <Title order={2} size="h5" id="revoke-heading">
            Withdraw this certificate
          </Title>
          <Text size="sm">Only for a certificate issued in error (attendance recorded for the wrong person, say). Whoever checks its code will see it as withdrawn. This cannot be undone.</Text>
          {revoke.error && <ErrorAlert error={revoke.error} formFields={['reason']} title="Not withdrawn" />}
          <Textarea label="Reason" description="Kept on record for the training unit; not shown on the public verification page." autosize minRows={2} maxLength={1000} required {...form.textProps('reason')} />
          <Group justify="flex-end">
            <Button type="submit" color="red.9" variant="outline" loading={revoke.isPending}>
              Withdraw the certificate
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** A certificate of completion (AF-2) for the learner, their supervisor and coordinators: the PDF, how others check it, and withdrawal. */
export function CertificatePage() {
  const id = useParams().id ?? '';
  const certificate = useCertificate(id);
  if (certificate.isLoading) return <FullPageLoader label="Loading the certificate" />;
  if (certificate.error || !certificate.data) return <ErrorAlert error={certificate.error} title="This certificate cannot be shown" />;
  const c = certificate.data;
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader
        title="Certificate of completion"
        description={`${c.learnerName} · ${c.courseTitle}`}
        actions={
          <Button component="a" href={certificatePdfUrl(c.id)} target="_blank" rel="noopener" leftSection={<IconFileTypePdf aria-hidden size={18} />}>
            Open the PDF
          </Button>
        }
      />
      {c.revoked && (
        <Alert color="red" variant="light" icon={<IconCircleX aria-hidden />} title="Withdrawn">
          <Text size="sm">
            Withdrawn on {formatCompletedOn(c.revoked.at.slice(0, 10))}
            {c.revoked.by ? ` by ${c.revoked.by.name}` : ''}: “{c.revoked.reason}”
          </Text>
        </Alert>
      )}
      <Card withBorder radius="md" padding="md">
        <Stack gap="md">
          <CertificateFacts view={c} />
          <Text size="sm">
            Anyone can check it, without signing in, by scanning the QR code or at{' '}
            <Anchor component={Link} to={`/verify/${c.code}`} underline="always">
              {c.verificationUrl}
            </Anchor>
            .
          </Text>
        </Stack>
      </Card>
      {c.canRevoke && <RevokeForm certificate={c} />}
    </Stack>
  );
}
