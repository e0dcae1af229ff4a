import { Button, Paper } from '@mantine/core';
import { IconMessageQuestion, IconPhoneCall } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../app/web/components/empty-state';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { PageHeader } from '../../app/web/components/page-header';
import { TableSkeleton } from '../../app/web/components/table-skeleton';
import { plural } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { useUrlFilters } from '../../app/web/hooks/use-url-filters';
import { listQuestionsQuery } from '../question-schemas';
import { questionStaffRoles } from '../question-staff';
import { QuestionFilters } from './question-filters';
import { QuestionsTable } from './questions-table';
import { useQuestions } from './questions-api';
import { useQuestionStaff } from './use-question-staff';

/** Everyone's own questions; for the unit's staff, the whole queue with filters held in the URL. */
export function QuestionsPage() {
  const actor = useActor();
  const staff = hasRole(actor, ...questionStaffRoles);
  const { params, update } = useUrlFilters();
  // A hand-edited URL with a value the server would refuse is treated as no filter.
  const parsed = listQuestionsQuery.safeParse({
    status: params.get('status') ?? undefined,
    channel: params.get('channel') ?? undefined,
    assigneeId: params.get('assignee') ?? undefined,
  });
  const query = staff && parsed.success ? parsed.data : {};
  const filtered = Object.values(query).some(Boolean);
  const questions = useQuestions(query);
  const people = useQuestionStaff();

  return (
    <>
      <PageHeader
        title={staff ? 'Questions to the unit' : 'My questions'}
        description={
          staff
            ? 'Every question the unit has received, with its first-response clock from the charter.'
            : 'The questions you asked the training unit, and when you can expect an answer.'
        }
        actions={
          <>
            <Button component={Link} to="/questions/ask" leftSection={<IconMessageQuestion size={16} aria-hidden />}>
              Ask a question
            </Button>
            {staff && (
              <Button component={Link} to="/questions/log" variant="default" leftSection={<IconPhoneCall size={16} aria-hidden />}>
                Log a call or e-mail
              </Button>
            )}
          </>
        }
      />
      {staff && (
        <QuestionFilters status={query.status ?? null} channel={query.channel ?? null} assigneeId={query.assigneeId ?? null} staff={people.options} onChange={update} />
      )}
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {questions.isPending ? (
          <TableSkeleton label="Loading questions" rows={5} />
        ) : questions.isError ? (
          <ErrorAlert error={questions.error} title="The questions cannot be loaded" />
        ) : questions.data.length === 0 ? (
          <EmptyState
            icon={<IconMessageQuestion size={24} />}
            title={filtered ? 'No question matches these filters' : 'No questions yet'}
            action={
              filtered ? (
                <Button variant="light" onClick={() => update({ status: null, channel: null, assignee: null })}>
                  Clear filters
                </Button>
              ) : undefined
            }
          >
            {filtered ? 'Widen the status, channel or assignee.' : staff ? 'Questions asked on the web, or logged from a call or an e-mail, appear here.' : 'Ask the training unit anything; your questions and their answers appear here.'}
          </EmptyState>
        ) : (
          <QuestionsTable questions={questions.data} staff={staff} caption={`${plural(questions.data.length, 'question')}${filtered ? ' match' : ''}`} />
        )}
      </Paper>
    </>
  );
}
