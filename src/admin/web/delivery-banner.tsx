import { Alert, Code } from '@mantine/core';
import { IconMailPause } from '@tabler/icons-react';

/** Shown while no SMTP server is configured: mail is kept, not lost. */
export function DeliveryBanner() {
  return (
    <Alert color="yellow" variant="light" icon={<IconMailPause aria-hidden />} title="E-mail delivery is not configured" mb="md">
      Mail stays in the outbox until <Code>SMTP_URL</Code> is set. Nothing is lost: once delivery is configured, pending messages are sent.
    </Alert>
  );
}
