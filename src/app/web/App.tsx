import { lazy, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './components/require-auth';
import { RequireRole } from './components/require-role';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { questionStaffRoles } from '../../questions/question-staff';

// Each page is its own chunk; the frame (layouts, session, footer) loads first.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const SignInPage = page(() => import('../../account/web/sign-in-page'), 'SignInPage');
const ForgotPasswordPage = page(() => import('../../account/web/forgot-password-page'), 'ForgotPasswordPage');
const ResetPasswordPage = page(() => import('../../account/web/reset-password-page'), 'ResetPasswordPage');
const ChangePasswordPage = page(() => import('../../account/web/change-password-page'), 'ChangePasswordPage');
const HomePage = page(() => import('./home-page'), 'HomePage');
const NotFoundPage = page(() => import('./not-found-page'), 'NotFoundPage');
const PeopleDirectoryPage = page(() => import('../../people/web/people-directory-page'), 'PeopleDirectoryPage');
const PersonDetailPage = page(() => import('../../people/web/person-detail-page'), 'PersonDetailPage');
const NewPersonPage = page(() => import('../../people/web/new-person-page'), 'NewPersonPage');
const OrgChartPage = page(() => import('../../people/web/org-chart-page'), 'OrgChartPage');
const PeopleImportPage = page(() => import('../../people/web/people-import-page'), 'PeopleImportPage');
const CharterPage = page(() => import('../../charter/web/charter-page'), 'CharterPage');
const CharterVersionsPage = page(() => import('../../charter/web/charter-versions-page'), 'CharterVersionsPage');
const CharterVersionPage = page(() => import('../../charter/web/charter-version-page'), 'CharterVersionPage');
const CharterEditPage = page(() => import('../../charter/web/edit/charter-edit-page'), 'CharterEditPage');
const QuestionsPage = page(() => import('../../questions/web/questions-page'), 'QuestionsPage');
const AskQuestionPage = page(() => import('../../questions/web/ask-question-page'), 'AskQuestionPage');
const LogQuestionPage = page(() => import('../../questions/web/log-question-page'), 'LogQuestionPage');
const QuestionPage = page(() => import('../../questions/web/question-page'), 'QuestionPage');
const OutboxPage = page(() => import('../../admin/web/outbox-page'), 'OutboxPage');
const OutboxMessagePage = page(() => import('../../admin/web/outbox-message-page'), 'OutboxMessagePage');
const AuditLogPage = page(() => import('../../admin/web/audit-log-page'), 'AuditLogPage');
const UnitSettingsPage = page(() => import('../../admin/web/unit-settings-page'), 'UnitSettingsPage');

const adminOnly = (element: ReactNode) => <RequireRole roles={['admin']}>{element}</RequireRole>;

/**
 * Routes:
 *   /sign-in, /forgot-password, /reset-password?token=   (public)
 *   /, /account/password, /people, /people/new, /people/:id, /org-chart?root=
 *   /charter, /charter/versions, /charter/versions/:version, /charter/edit (unit lead, admin)
 *   /questions?status=&channel=&assignee=, /questions/ask, /questions/log (question staff), /questions/:id
 *   /admin/import, /admin/outbox, /admin/outbox/:id, /admin/audit, /admin/settings   (admin)
 */
export function App() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
      </Route>
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/account/password" element={<ChangePasswordPage />} />
        <Route path="/people" element={<PeopleDirectoryPage />} />
        <Route path="/people/new" element={adminOnly(<NewPersonPage />)} />
        <Route path="/people/:id" element={<PersonDetailPage />} />
        <Route path="/org-chart" element={<OrgChartPage />} />
        <Route path="/charter" element={<CharterPage />} />
        <Route path="/charter/versions" element={<CharterVersionsPage />} />
        <Route path="/charter/versions/:version" element={<CharterVersionPage />} />
        <Route path="/charter/edit" element={<CharterEditPage />} />
        <Route path="/questions" element={<QuestionsPage />} />
        <Route path="/questions/ask" element={<AskQuestionPage />} />
        <Route path="/questions/log" element={<RequireRole roles={[...questionStaffRoles]}><LogQuestionPage /></RequireRole>} />
        <Route path="/questions/:id" element={<QuestionPage />} />
        <Route path="/admin/import" element={adminOnly(<PeopleImportPage />)} />
        <Route path="/admin/outbox" element={adminOnly(<OutboxPage />)} />
        <Route path="/admin/outbox/:id" element={adminOnly(<OutboxMessagePage />)} />
        <Route path="/admin/audit" element={adminOnly(<AuditLogPage />)} />
        <Route path="/admin/settings" element={adminOnly(<UnitSettingsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
