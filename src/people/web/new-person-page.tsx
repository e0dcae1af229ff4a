import { Card } from '@mantine/core';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../app/web/components/page-header';
import { emptyPerson, PersonForm } from './person-form';

export function NewPersonPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Add a person"
        description="For someone not yet in the HR export. The next import matches them by employee id and keeps them up to date."
      />
      <Card withBorder radius="md" padding="lg" maw={640}>
        <PersonForm initial={emptyPerson} onSaved={(saved) => navigate(`/people/${saved.id}`)} />
      </Card>
    </>
  );
}
