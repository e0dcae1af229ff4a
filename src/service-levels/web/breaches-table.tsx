import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PaginationBar } from '../../app/web/components/pagination-bar';
import { ScrollTable } from '../../app/web/components/scroll-table';
import { plural } from '../../app/web/format';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { questionStaffRoles } from '../../questions/question-staff';
import type { ComplianceBreach, ComplianceReport } from './compliance-api';
import { businessTime, instantFormat } from './compliance-format';

export const BREACHES_PAGE_SIZE = 20;

type Props = {
  report: ComplianceReport;
  workingDay: number;
  page: number;
  onPage: (page: number) => void;
};

/**
 * A subject is named by its reference (Q-000123) when its capability gives one. Questions link to
 * their page for those who handle questions (a leader reads the report but not the unit's
 * questions); other subjects are named by type until they have pages of their own.
 */
function Subject({ breach, linkQuestions }: { breach: ComplianceBreach; linkQuestions: boolean }) {
  const name = breach.subjectReference ?? `${breach.subjectType} ${breach.subjectId.slice(0, 8)}`;
  if (breach.subjectType === 'question') {
    const label = `Question ${breach.subjectReference ?? breach.subjectId.slice(0, 8)}`;
    if (!linkQuestions) return <Text size="sm">{label}</Text>;
    return (
      <Anchor component={Link} to={`/questions/${encodeURIComponent(breach.subjectId)}`} size="sm" fw={600}>
        {label}
      </Anchor>
    );
  }
  return <Text size="sm">{name}</Text>;
}

function pausedInWords(breach: ComplianceBreach, workingDay: number): string {
  if (breach.pausedBusinessMinutes >= 0.5) return businessTime(breach.pausedBusinessMinutes, workingDay);
  return breach.paused ? 'Paused outside working time' : 'Not paused';
}

/**
 * Every breach of the period with its cause, paged on screen. On paper every row is printed: the
 * rows of other pages are rendered too, hidden on screen only (compliance-print.css).
 */
export function BreachesTable({ report, workingDay, page, onPage }: Props) {
  const linkQuestions = hasRole(useActor(), ...questionStaffRoles);
  const names = new Map(report.serviceLevels.map((l) => [l.key, l.name]));
  const at = instantFormat(report.timeZone);
  const total = report.breaches.length;
  const current = Math.min(page, Math.max(1, Math.ceil(total / BREACHES_PAGE_SIZE)));
  const first = (current - 1) * BREACHES_PAGE_SIZE;
  const caption = `${plural(total, 'breach', 'breaches')}; times in ${report.timeZone.replaceAll('_', ' ')} time, lateness and pauses in working time`;

  return (
    <>
      <ScrollTable minWidth={1180} label="Breaches table">
        <Table captionSide="top" verticalSpacing="sm" className="stride-compliance-breaches">
          <Table.Caption style={{ textAlign: 'left' }}>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Service level</Table.Th>
              <Table.Th scope="col">Subject</Table.Th>
              <Table.Th scope="col">Business unit</Table.Th>
              <Table.Th scope="col">Started</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Stopped</Table.Th>
              <Table.Th scope="col">Late by</Table.Th>
              <Table.Th scope="col">Cause</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">Time paused</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.breaches.map((b, i) => (
              <Table.Tr key={b.clockId} className={i < first || i >= first + BREACHES_PAGE_SIZE ? 'stride-print-only' : undefined} style={{ verticalAlign: 'top' }}>
                <Table.Td>{names.get(b.serviceLevelKey) ?? b.serviceLevelKey}</Table.Td>
                <Table.Td>
                  <Subject breach={b} linkQuestions={linkQuestions} />
                </Table.Td>
                <Table.Td>{b.businessUnit.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{at(b.startedAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{at(b.dueAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {b.stoppedAt ? (
                    at(b.stoppedAt)
                  ) : (
                    <Text span size="sm" fw={600} c="red.8">
                      Still running
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{businessTime(b.lateBusinessMinutes, workingDay)}</Table.Td>
                <Table.Td>{b.cause}</Table.Td>
                <Table.Td>
                  {b.owner?.name ?? (
                    <Text span size="sm" c="gray.7">
                      No owner
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{pausedInWords(b, workingDay)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {total > BREACHES_PAGE_SIZE && (
        <div className="stride-no-print">
          <PaginationBar page={current} pageSize={BREACHES_PAGE_SIZE} total={total} onChange={onPage} noun="breaches" />
        </div>
      )}
    </>
  );
}
