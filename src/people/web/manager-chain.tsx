import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';

type Ref = { id: string; name: string };

/** The management chain from the top of the organization down to this person. */
export function ManagerChain({ chain, current }: { chain: Ref[]; current: string }) {
  return (
    <nav aria-label="Management chain">
      <Breadcrumbs separator={<IconChevronRight size={14} aria-hidden />} separatorMargin={4} style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to="/people" size="sm">
          People
        </Anchor>
        {chain.map((m) => (
          <Anchor key={m.id} component={Link} to={`/people/${m.id}`} size="sm">
            {m.name}
          </Anchor>
        ))}
        <Text size="sm" aria-current="page" fw={600}>
          {current}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}
