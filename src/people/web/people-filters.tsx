import { Box, Grid, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { roleLabels, roles, type Role } from '../../platform/auth/roles';
import { useBusinessUnits } from './people-api';

type Props = {
  search: string;
  onSearch: (value: string) => void;
  unitId: string | null;
  onUnit: (value: string | null) => void;
  role: Role | null;
  onRole: (value: Role | null) => void;
};

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

export function PeopleFilters({ search, onSearch, unitId, onUnit, role, onRole }: Props) {
  const units = useBusinessUnits();
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.peopleCount.toLocaleString('en')})` }));
  return (
    <Box component="form" role="search" aria-label="Filter people" mb="md" onSubmit={(e) => e.preventDefault()}>
    <Grid gutter="sm">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <TextInput
          label="Search people"
          placeholder="Name, e-mail, job title or employee id"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => onSearch(e.currentTarget.value)}
          type="search"
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <Select
          label="Business unit"
          placeholder={units.isPending ? 'Loading units…' : 'All units'}
          data={unitOptions}
          value={unitId}
          onChange={onUnit}
          searchable
          clearable
          nothingFoundMessage="No unit matches"
          limit={100}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
        <Select label="Role" placeholder="Any role" data={roleOptions} value={role} onChange={(v) => onRole((v as Role | null) ?? null)} clearable />
      </Grid.Col>
    </Grid>
    </Box>
  );
}
