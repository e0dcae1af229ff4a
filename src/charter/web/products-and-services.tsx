import { Card, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBriefcase } from '@tabler/icons-react';
import type { CharterContent } from './charter-api';
import { CharterSection } from './charter-section';

/** What the unit offers, one card each. */
export function ProductsAndServices({ offerings }: { offerings: CharterContent['productsAndServices'] }) {
  return (
    <CharterSection id="products" title="Products and services" lead="What we offer the people and business units of the organization.">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {offerings.map((offering) => (
          <Card key={offering.name} component="li" withBorder radius="md" padding="lg" className="stride-charter-card">
            <Group gap="sm" wrap="nowrap" align="center" mb="xs">
              <ThemeIcon variant="light" radius="md" size={36} aria-hidden>
                <IconBriefcase size={20} />
              </ThemeIcon>
              <Title order={3} size="h5">
                {offering.name}
              </Title>
            </Group>
            <Text size="sm" c="gray.8">
              {offering.description}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </CharterSection>
  );
}
