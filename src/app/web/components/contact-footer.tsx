import { Anchor, Box, Flex, Skeleton, Stack, Text } from '@mantine/core';
import { IconClock, IconMail, IconMapPin, IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useUnit } from '../hooks/use-unit';

function Item({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Flex gap={6} wrap="nowrap" align="center" component="li">
      <Box c="gray.7" style={{ display: 'flex' }} aria-hidden>
        {icon}
      </Box>
      <Text size="sm" c="gray.8">
        {children}
      </Text>
    </Flex>
  );
}

/** CA-7: how to reach the training unit, on every page. */
export function ContactFooter({ offsetForNavbar = false }: { offsetForNavbar?: boolean }) {
  const unit = useUnit();
  return (
    <Box
      component="footer"
      py="lg"
      bg="gray.0"
      style={{
        borderTop: '1px solid var(--mantine-color-gray-3)',
        paddingInlineEnd: 'var(--mantine-spacing-md)',
        // Beside the fixed navbar on wide screens, so nothing hides under it.
        paddingInlineStart: offsetForNavbar ? 'calc(var(--app-shell-navbar-offset, 0rem) + var(--mantine-spacing-md))' : 'var(--mantine-spacing-md)',
      }}
    >
      {unit.isPending ? (
        <Stack gap={6} aria-label="Loading contact details" role="status">
          <Skeleton height={14} width={260} />
          <Skeleton height={14} width={420} />
        </Stack>
      ) : unit.data ? (
        <Stack gap={6}>
          <Text size="sm" fw={700} c="gray.9">
            {unit.data.unitName} · {unit.data.organizationName}
          </Text>
          <Flex gap="lg" rowGap={6} wrap="wrap" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label="Contact details">
            <Item icon={<IconMail size={16} />}>
              <Anchor href={`mailto:${unit.data.contactEmail}`} size="sm" c="teal.9" underline="always">
                {unit.data.contactEmail}
              </Anchor>
            </Item>
            <Item icon={<IconPhone size={16} />}>
              <Anchor href={`tel:${unit.data.contactPhone.replace(/[^\d+]/g, '')}`} size="sm" c="teal.9" underline="always">
                {unit.data.contactPhone}
              </Anchor>
            </Item>
            <Item icon={<IconMapPin size={16} />}>{unit.data.location}</Item>
            <Item icon={<IconClock size={16} />}>{unit.data.officeHours}</Item>
          </Flex>
        </Stack>
      ) : (
        <Text size="sm" c="gray.8">
          The training unit&apos;s contact details cannot be loaded right now.
        </Text>
      )}
    </Box>
  );
}
