import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';
import { Link } from 'react-router';

/** The "Stride" mark; links home. */
export function BrandMark({ unitName }: { unitName?: string }) {
  return (
    <UnstyledButton component={Link} to="/" aria-label={unitName ? `Stride, ${unitName}: home` : 'Stride: home'}>
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size={34} radius="md" variant="filled" aria-hidden>
          <IconStairsUp size={20} stroke={2} />
        </ThemeIcon>
        <div>
          <Text fw={800} fz={20} lh={1.1} c="teal.9" style={{ letterSpacing: '-0.01em' }}>
            Stride
          </Text>
          {unitName && (
            <Text fz="xs" c="gray.7" lh={1.2} visibleFrom="xs">
              {unitName}
            </Text>
          )}
        </div>
      </Group>
    </UnstyledButton>
  );
}
