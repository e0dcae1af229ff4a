import { Anchor, Badge, Button, Card, Group, Modal, Select, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { formatDate } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { PersonSelect } from '../../people/web/person-select';
import { useCatalog } from '../../catalog/web/catalog-api';
import { isApiProblem } from '../../app/web/api';
import type { BoardCardView } from '../development-schemas';
import { projectStarterRoles } from '../development-staff';
import { projectSizes, type ProjectSize } from '../development-values';
import { useBoard, useCreateProject } from './development-api';

const RELEASED = 'Released';

function ProjectCard({ card }: { card: BoardCardView }) {
  return (
    <Card withBorder padding="sm" component="li">
      <Anchor component={Link} to={`/development/${card.id}`} fw={600} c="teal.9">
        {card.title}
      </Anchor>
      <Text size="sm">Owner: {card.stage?.owner.name ?? card.owner.name}</Text>
      {card.stage && (
        <Group gap={6}>
          <Text size="sm">Due {formatDate(`${card.stage.dueOn}T12:00:00Z`)}</Text>
          {card.stage.late && (
            <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              Late
            </Badge>
          )}
        </Group>
      )}
      <Text size="xs" c="gray.8">
        {card.size} project
      </Text>
    </Card>
  );
}

function NewProjectModal({ onClose }: { onClose: () => void }) {
  const actor = useActor();
  const navigate = useNavigate();
  const create = useCreateProject();
  const courses = useCatalog({ pageSize: 100, page: 1 });
  const [title, setTitle] = useState('');
  const [size, setSize] = useState<ProjectSize | null>('medium');
  const [ownerId, setOwnerId] = useState<string | null>(actor?.id ?? null);
  const [courseId, setCourseId] = useState<string | null>(null);
  const errors = Object.fromEntries((isApiProblem(create.error) ? create.error.errors : []).map((e) => [e.field, e.message]));
  const submit = () =>
    create.mutate({ title, size: (size ?? '') as ProjectSize, ownerId: ownerId ?? '', courseId }, { onSuccess: (project) => navigate(`/development/${project.id}`) });
  return (
    <Modal opened onClose={onClose} title="Start a development project">
      <Stack>
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} maxLength={200} />
        <Select label="Size" description="Chooses the charter’s development service level." data={projectSizes.map((s) => ({ value: s, label: s }))} value={size} onChange={(v) => setSize(v as ProjectSize | null)} error={errors.size} />
        <PersonSelect label="Owner" description="Who runs the project." placeholder="Choose a person" value={ownerId} initialLabel={actor?.name} onChange={setOwnerId} error={errors.ownerId} />
        <Select
          label="Course it updates"
          description="Leave empty for a new course."
          clearable
          searchable
          data={(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.code})` }))}
          value={courseId}
          onChange={setCourseId}
          error={errors.courseId}
        />
        <ErrorAlert error={create.error} formFields={['title', 'size', 'ownerId', 'courseId']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            Start the project
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The development board (DV-1): every project in the column of its current stage, released ones last. */
export function DevelopmentBoardPage() {
  const actor = useActor();
  const board = useBoard();
  const [creating, setCreating] = useState(false);
  const columnOf = (card: BoardCardView) => (card.stage ? card.stage.name : RELEASED);
  return (
    <>
      <PageHeader
        title="Development"
        description="Courseware in development, by stage of the design model: who owns each stage, when it is due, and what is late."
        actions={hasRole(actor, ...projectStarterRoles) ? <Button onClick={() => setCreating(true)}>Start a project</Button> : undefined}
      />
      {creating && <NewProjectModal onClose={() => setCreating(false)} />}
      {board.isPending && <Skeleton height={240} aria-label="Loading the board" />}
      {board.isError && <ErrorAlert error={board.error} title="The board cannot be shown" />}
      {board.data && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(board.data.columns.length, 6) }} spacing="md">
          {board.data.columns.map((column) => {
            const cards = board.data.cards.filter((c) => columnOf(c) === column && (c.stage || c.state === 'delivered'));
            const id = `column-${column.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
            return (
              <Card key={column} withBorder bg="gray.0" padding="sm" component="section" aria-labelledby={id}>
                <Title order={2} size="h5" id={id} mb="xs">
                  {column} <Text span c="gray.8" size="sm">({cards.length})</Text>
                </Title>
                <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
                  {cards.map((card) => (
                    <ProjectCard key={card.id} card={card} />
                  ))}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </>
  );
}
