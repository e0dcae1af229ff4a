import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { OrgChartNode } from './people-api';

/** Where we are in the chart; every step up is a link. */
export function OrgChartPath({ chain, root }: { chain: OrgChartNode[]; root: OrgChartNode | null }) {
  const above = root ? chain.filter((c) => c.id !== root.id) : [];
  return (
    <nav aria-label="Org chart path">
      <Breadcrumbs separator={<IconChevronRight size={14} aria-hidden />} separatorMargin={4} style={{ flexWrap: 'wrap' }}>
        {root ? (
          <Anchor component={Link} to="/org-chart" size="sm">
            Top of the organization
          </Anchor>
        ) : (
          <Text size="sm" fw={600} aria-current="page">
            Top of the organization
          </Text>
        )}
        {above.map((n) => (
          <Anchor key={n.id} component={Link} to={`/org-chart?root=${n.id}`} size="sm">
            {n.name}
          </Anchor>
        ))}
        {root && (
          <Text size="sm" fw={600} aria-current="page">
            {root.name}
          </Text>
        )}
      </Breadcrumbs>
    </nav>
  );
}
