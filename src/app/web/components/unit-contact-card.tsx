import { Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useUnit } from '../hooks/use-unit';

/** The training unit's contact details as a card (CA-7). */
export function UnitContactCard() {
  const unit = useUnit();
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="unit-contact-heading">
      <Title order={2} size="h4" id="unit-contact-heading" mb="sm">
        Your training unit
      </Title>
      {unit.isPending ? (
        <Stack gap="xs" role="status" aria-label="Loading contact details">
          <Skeleton height={16} width="70%" />
          <Skeleton height={14} width="90%" />
          <Skeleton height={14} width="60%" />
        </Stack>
      ) : unit.data ? (
        <Stack gap={6}>
          <Text fw={600}>{unit.data.unitName}</Text>
          <Text size="sm" c="gray.7">
            {unit.data.organizationName}
          </Text>
          <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 12, rowGap: 6 }}>
            <Text component="dt" size="sm" fw={600}>
              E-mail
            </Text>
            <Text component="dd" size="sm" m={0}>
              <Anchor href={`mailto:${unit.data.contactEmail}`} size="sm">
                {unit.data.contactEmail}
              </Anchor>
            </Text>
            <Text component="dt" size="sm" fw={600}>
              Phone
            </Text>
            <Text component="dd" size="sm" m={0}>
              <Anchor href={`tel:${unit.data.contactPhone.replace(/[^\d+]/g, '')}`} size="sm">
                {unit.data.contactPhone}
              </Anchor>
            </Text>
            <Text component="dt" size="sm" fw={600}>
              Where
            </Text>
            <Text component="dd" size="sm" m={0}>
              {unit.data.location}
            </Text>
            <Text component="dt" size="sm" fw={600}>
              Hours
            </Text>
            <Text component="dd" size="sm" m={0}>
              {unit.data.officeHours}
            </Text>
          </dl>
        </Stack>
      ) : (
        <Text size="sm">The contact details cannot be loaded right now.</Text>
      )}
    </Card>
  );
}
