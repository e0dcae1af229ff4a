import { NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconClipboardList, IconInbox, IconBulb, IconHeartHandshake, IconMessageReport, IconMessages, IconBook, IconBook2, IconPresentationAnalytics, IconChartBar, IconChartPie, IconFileImport, IconFileText, IconHierarchy2, IconHistory, IconHome, IconLifebuoy, IconListCheck, IconMail, IconMessageCircleQuestion, IconMessageQuestion, IconRoute, IconSchool, IconSettings, IconTargetArrow, IconUsers, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { IconBug, IconChecklist, IconTools } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { hasRole, useSession } from '../hooks/use-session';
import { staffRoles } from '../../../platform/auth/roles';
import { complianceRoles } from '../../../service-levels/compliance-staff';
import { supportStaffRoles } from '../../../support/support-staff';
import { portfolioReaderRoles, requestStaffRoles } from '../../../requests/request-staff';
import { developmentStaffRoles } from '../../../development/development-staff';
import { useShowsTeamLearning } from '../../../enrolment/web/use-my-team';
import { enrolmentStaffRoles } from '../../../enrolment/enrolment-staff';
import { feedbackStaffRoles } from '../../../feedback/feedback-staff';
import { valueReaderRoles } from '../../../value/value-readers';

type Item = { to: string; label: string; icon: Icon; exact?: boolean };

const everyone: Item[] = [
  { to: '/', label: 'Home', icon: IconHome, exact: true },
  { to: '/catalog', label: 'Catalog', icon: IconBook },
  { to: '/my-learning', label: 'My learning', icon: IconSchool },
  { to: '/follow-ups', label: 'Follow-ups', icon: IconMessageCircleQuestion },
  { to: '/retention-plans', label: 'Retention plans', icon: IconListCheck },
  { to: '/people', label: 'People', icon: IconUsers },
  { to: '/org-chart', label: 'Org chart', icon: IconHierarchy2 },
  { to: '/charter', label: 'Charter', icon: IconFileText },
  { to: '/standards', label: 'Standards', icon: IconChecklist },
  { to: '/questions', label: 'Questions', icon: IconMessageQuestion },
  { to: '/requests/mine', label: 'My requests', icon: IconInbox },
  { to: '/feedback/new', label: 'Send feedback', icon: IconMessageReport },
  { to: '/suggestions', label: 'Suggestions', icon: IconBulb },
  { to: '/recognition', label: 'Recognition', icon: IconHeartHandshake },
  { to: '/glossary', label: 'Glossary', icon: IconBook2 },
];

// Supervisors and the people who run enrolments, just after "My learning".
const teamLearning: Item = { to: '/team-learning', label: 'My team’s learning', icon: IconUsersGroup };
const withTeamLearning = (items: Item[]) => items.flatMap((item) => (item.to === '/my-learning' ? [item, teamLearning] : [item]));

// The unit's consultants: the requests queue, diagnosis before solutions (RQ-2).
const requests: Item[] = [{ to: '/requests', label: 'Requests', icon: IconClipboardList, exact: true }];

// The unit's staff and leaders: requests and effort by strategic goal and business unit (RQ-7).
const portfolio: Item[] = [{ to: '/requests/portfolio', label: 'Portfolio', icon: IconChartPie }];

// The unit's courseware developers: the development board and problem reports (DV-1, DV-4).
const development: Item[] = [
  { to: '/development', label: 'Development', icon: IconTools },
  { to: '/problem-reports', label: 'Problem reports', icon: IconBug, exact: true },
];

// The unit's coordinators: the support cases after training (AF-5).
const support: Item[] = [{ to: '/support', label: 'Support', icon: IconLifebuoy }];

// The unit's feedback handlers: the queue and its trend (FB-1).
const feedbackQueue: Item[] = [{ to: '/feedback', label: 'Feedback', icon: IconMessages, exact: true }];

// Unit staff and leaders.
const staff: Item[] = [{ to: '/service-levels/compliance', label: 'Service-level report', icon: IconChartBar }];

// The unit lead, leaders and coordinators: the value dashboard (VA-1).
const value: Item[] = [{ to: '/value', label: 'Value', icon: IconPresentationAnalytics }];

// Unit staff and leaders read the customer experience workshops (CX-1..4); participants reach theirs by link.
const workshops: Item[] = [{ to: '/workshops', label: 'Workshops', icon: IconRoute }];

// The people who run enrolments: how courses worked after the event (AF-7).
const effectiveness: Item[] = [{ to: '/effectiveness', label: 'Effectiveness', icon: IconTargetArrow }];

const admin: Item[] = [
  { to: '/admin/import', label: 'Import people', icon: IconFileImport },
  { to: '/admin/outbox', label: 'Outbox', icon: IconMail },
  { to: '/admin/audit', label: 'Audit log', icon: IconHistory },
  { to: '/admin/settings', label: 'Settings', icon: IconSettings },
];

function isActive(pathname: string, item: Item): boolean {
  if (item.exact) return pathname === item.to;
  return pathname === item.to || pathname.startsWith(`${item.to}/`);
}

function Links({ items }: { items: Item[] }) {
  const { pathname } = useLocation();
  return (
    <>
      {items.map((item) => {
        const active = isActive(pathname, item);
        return (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} stroke={1.7} aria-hidden />}
            active={active}
            aria-current={active ? 'page' : undefined}
            fw={500}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          />
        );
      })}
    </>
  );
}

/**
 * Everyone: home, the catalog, my learning (and my team's, for supervisors and coordinators), people, the org chart, the charter, the standards and questions to the unit; unit staff and leaders
 * also the service-level report; administrators also get the admin section.
 */
export function AppNavbar() {
  const { actor } = useSession();
  const team = useShowsTeamLearning(actor);
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Stack gap={2}>
        <Links items={team ? withTeamLearning(everyone) : everyone} />
        {hasRole(actor, ...valueReaderRoles) && <Links items={value} />}
        {hasRole(actor, ...complianceRoles) && <Links items={staff} />}
        {hasRole(actor, ...staffRoles) && <Links items={workshops} />}
        {hasRole(actor, ...enrolmentStaffRoles) && <Links items={effectiveness} />}
        {hasRole(actor, ...supportStaffRoles) && <Links items={support} />}
        {hasRole(actor, ...requestStaffRoles) && <Links items={requests} />}
        {hasRole(actor, ...portfolioReaderRoles) && <Links items={portfolio} />}
        {hasRole(actor, ...developmentStaffRoles) && <Links items={development} />}
        {hasRole(actor, ...feedbackStaffRoles) && <Links items={feedbackQueue} />}
        {hasRole(actor, 'admin') && (
          <>
            <Text size="xs" fw={700} tt="uppercase" c="gray.7" mt="lg" mb={4} px="sm" id="nav-admin-heading">
              Administration
            </Text>
            <div role="group" aria-labelledby="nav-admin-heading">
              <Links items={admin} />
            </div>
          </>
        )}
      </Stack>
    </ScrollArea>
  );
}
