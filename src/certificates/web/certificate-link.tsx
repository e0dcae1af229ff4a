import { Anchor, Group, Text } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { Link } from 'react-router';
import { certificatePdfUrl, useEnrolmentCertificate } from './certificate-api';

/** On a completed enrolment's card (My learning): the certificate, or word that it is on its way. */
export function CertificateLink({ enrolmentId }: { enrolmentId: string }) {
  const certificate = useEnrolmentCertificate(enrolmentId);
  if (certificate.isLoading) return null;
  if (!certificate.data) {
    return (
      <Text size="sm" c="gray.8">
        Certificate: on its way by e-mail.
      </Text>
    );
  }
  const c = certificate.data;
  return (
    <Group gap="xs" wrap="wrap">
      <IconCertificate aria-hidden size={18} />
      <Anchor href={certificatePdfUrl(c.id)} target="_blank" rel="noopener" size="sm" underline="always">
        Certificate (PDF)
      </Anchor>
      <Anchor component={Link} to={`/certificates/${c.id}`} size="sm" underline="always">
        {c.status === 'withdrawn' ? 'Withdrawn: details' : 'Details and verification'}
      </Anchor>
    </Group>
  );
}
