import { Anchor, Breadcrumbs, Card, Grid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDateTime } from '../../app/web/format';
import { useOutboxMessage } from './admin-api';
import { MessageBody } from './message-body';
import { MessageHeaders } from './message-headers';
import { OutboxStatusBadge } from './outbox-status-badge';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" fw={700} c="gray.7" tt="uppercase">
        {label}
      </Text>
      <Text component="dd" m={0} size="sm" style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

export function OutboxMessagePage() {
  const { id } = useParams();
  const message = useOutboxMessage(id);
  const crumbs = (
    <nav aria-label="Breadcrumb">
      <Breadcrumbs separator={<IconChevronRight size={14} aria-hidden />} separatorMargin={4}>
        <Anchor component={Link} to="/admin/outbox" size="sm">
          Outbox
        </Anchor>
        <Text size="sm" aria-current="page">
          Message {id}
        </Text>
      </Breadcrumbs>
    </nav>
  );

  if (message.isPending) {
    return (
      <Stack gap="md" role="status" aria-label="Loading the message">
        <Skeleton height={14} width={200} />
        <Skeleton height={32} width="60%" />
        <Skeleton height={300} />
      </Stack>
    );
  }
  if (message.isError) {
    return (
      <>
        <PageHeader above={crumbs} title="Message not available" />
        <ErrorAlert error={message.error} title="This message cannot be shown" />
      </>
    );
  }
  const m = message.data;
  return (
    <>
      <PageHeader above={crumbs} title={m.subject || '(no subject)'} description={`To ${m.to}`} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="delivery-heading">
              <Title order={2} size="h4" mb="md" id="delivery-heading">
                Delivery
              </Title>
              <Stack component="dl" gap="sm" m={0}>
                <Row label="Status">
                  <OutboxStatusBadge status={m.status} />
                </Row>
                <Row label="To">{m.to}</Row>
                <Row label="Attempts">{m.attempts}</Row>
                <Row label="Created">{formatDateTime(m.createdAt)}</Row>
                <Row label="Sent">{formatDateTime(m.sentAt)}</Row>
                {m.lastError && (
                  <Row label="Last error">
                    <Text span size="sm" c="red.9">
                      {m.lastError}
                    </Text>
                  </Row>
                )}
                <Row label="Message id">{m.messageId || '—'}</Row>
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="headers-heading">
              <Title order={2} size="h4" mb="md" id="headers-heading">
                Headers
              </Title>
              <MessageHeaders headers={m.headers} />
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="body-heading">
            <Title order={2} size="h4" mb="md" id="body-heading">
              Body
            </Title>
            <MessageBody html={m.htmlBody} text={m.textBody} />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
