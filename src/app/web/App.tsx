import { lazy, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './components/require-auth';
import { RequireRole } from './components/require-role';
import { AppLayout } from './layout/app-layout';
import { PublicLayout } from './layout/public-layout';
import { questionStaffRoles } from '../../questions/question-staff';
import { complianceRoles } from '../../service-levels/compliance-staff';
import { supportStaffRoles } from '../../support/support-staff';
import { portfolioReaderRoles, requestStaffRoles } from '../../requests/request-staff';
import { developmentStaffRoles } from '../../development/development-staff';
import { catalogEditorRoles } from '../../catalog/catalog-editors';
import { enrolmentStaffRoles } from '../../enrolment/enrolment-staff';
import { standardCheckerRoles, standardEditorRoles } from '../../standards/standard-editors';
import { feedbackStaffRoles } from '../../feedback/feedback-staff';
import { ValuePage } from '../../value/web/value-page';
import { MeasureRecordsPage } from '../../value/web/measure-records-page';
import { valueReaderRoles } from '../../value/value-readers';

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
const GuestQuestionPage = page(() => import('../../questions/web/guest-question-page'), 'GuestQuestionPage');
const InterestsPage = page(() => import('../../marketing/web/interests-page'), 'InterestsPage');
const UnsubscribePage = page(() => import('../../marketing/web/unsubscribe-page'), 'UnsubscribePage');
const LogQuestionPage = page(() => import('../../questions/web/log-question-page'), 'LogQuestionPage');
const QuestionPage = page(() => import('../../questions/web/question-page'), 'QuestionPage');
const CatalogPage = page(() => import('../../catalog/web/catalog-page'), 'CatalogPage');
const CoursePage = page(() => import('../../catalog/web/course-page'), 'CoursePage');
const NewCoursePage = page(() => import('../../catalog/web/course-edit-page'), 'NewCoursePage');
const EditCoursePage = page(() => import('../../catalog/web/course-edit-page'), 'EditCoursePage');
const CourseRevisionsPage = page(() => import('../../catalog/web/course-revisions-page'), 'CourseRevisionsPage');
const NewSessionPage = page(() => import('../../catalog/web/session-edit-page'), 'NewSessionPage');
const EditSessionPage = page(() => import('../../catalog/web/session-edit-page'), 'EditSessionPage');
const MyLearningPage = page(() => import('../../enrolment/web/my-learning-page'), 'MyLearningPage');
const TeamLearningPage = page(() => import('../../enrolment/web/team-learning-page'), 'TeamLearningPage');
const RosterPage = page(() => import('../../enrolment/web/roster-page'), 'RosterPage');
const CompletionsPage = page(() => import('../../enrolment/web/completions-page'), 'CompletionsPage');
const ApprovalPage = page(() => import('../../enrolment/web/approval-page'), 'ApprovalPage');
const VerifyCertificatePage = page(() => import('../../certificates/web/verify-page'), 'VerifyCertificatePage');
const CertificatePage = page(() => import('../../certificates/web/certificate-page'), 'CertificatePage');
const RetentionPlansPage = page(() => import('../../retention/web/retention-plans-page'), 'RetentionPlansPage');
const RetentionPlanPage = page(() => import('../../retention/web/retention-plan-page'), 'RetentionPlanPage');
const RetentionPlanPrintPage = page(() => import('../../retention/web/retention-plan-print-page'), 'RetentionPlanPrintPage');
const CompliancePage = page(() => import('../../service-levels/web/compliance-page'), 'CompliancePage');
const OutboxPage = page(() => import('../../admin/web/outbox-page'), 'OutboxPage');
const OutboxMessagePage = page(() => import('../../admin/web/outbox-message-page'), 'OutboxMessagePage');
const AuditLogPage = page(() => import('../../admin/web/audit-log-page'), 'AuditLogPage');
const UnitSettingsPage = page(() => import('../../admin/web/unit-settings-page'), 'UnitSettingsPage');
const FollowUpLinkPage = page(() => import('../../follow-up/web/follow-up-link-page'), 'FollowUpLinkPage');
const MyFollowUpsPage = page(() => import('../../follow-up/web/my-follow-ups-page'), 'MyFollowUpsPage');
const FollowUpPage = page(() => import('../../follow-up/web/my-follow-ups-page'), 'FollowUpPage');
const SessionFollowUpsPage = page(() => import('../../follow-up/web/session-follow-ups-page'), 'SessionFollowUpsPage');
const EffectivenessListPage = page(() => import('../../effectiveness/web/effectiveness-list-page'), 'EffectivenessListPage');
const CourseEffectivenessPage = page(() => import('../../effectiveness/web/course-effectiveness-page'), 'CourseEffectivenessPage');
const SessionEffectivenessPage = page(() => import('../../effectiveness/web/session-effectiveness-page'), 'SessionEffectivenessPage');
const SupportQueuePage = page(() => import('../../support/web/support-queue-page'), 'SupportQueuePage');
const SupportCasePage = page(() => import('../../support/web/support-case-page'), 'SupportCasePage');
const MyRequestsPage = page(() => import('../../requests/web/request-lists'), 'MyRequestsPage');
const RequestQueuePage = page(() => import('../../requests/web/request-lists'), 'RequestQueuePage');
const RequestFormPage = page(() => import('../../requests/web/request-form-page'), 'RequestFormPage');
const RequestPage = page(() => import('../../requests/web/request-page'), 'RequestPage');
const ExplanationPrintPage = page(() => import('../../requests/web/explanation-print-page'), 'ExplanationPrintPage');
const SurveyLinkPage = page(() => import('../../requests/web/survey-link-page'), 'SurveyLinkPage');
const PortfolioPage = page(() => import('../../requests/web/portfolio-page'), 'PortfolioPage');
const GoalsPage = page(() => import('../../requests/web/goals-page'), 'GoalsPage');
const DevelopmentBoardPage = page(() => import('../../development/web/board-page'), 'DevelopmentBoardPage');
const ProjectPage = page(() => import('../../development/web/project-page'), 'ProjectPage');
const ProblemQueuePage = page(() => import('../../development/web/problem-report-pages'), 'ProblemQueuePage');
const MyProblemReportsPage = page(() => import('../../development/web/problem-report-pages'), 'MyProblemReportsPage');
const ProblemReportPage = page(() => import('../../development/web/problem-report-pages'), 'ProblemReportPage');
const StandardsPage = page(() => import('../../standards/web/standards-page'), 'StandardsPage');
const StandardPage = page(() => import('../../standards/web/standard-page'), 'StandardPage');
const StandardEditPage = page(() => import('../../standards/web/standard-edit-page'), 'StandardEditPage');
const StandardsCheckPage = page(() => import('../../standards/web/check-page'), 'CheckPage');
const SendFeedbackPage = page(() => import('../../feedback/web/send-feedback-page'), 'SendFeedbackPage');
const FollowFeedbackPage = page(() => import('../../feedback/web/follow-feedback-page'), 'FollowFeedbackPage');
const FeedbackQueuePage = page(() => import('../../feedback/web/feedback-queue-page'), 'FeedbackQueuePage');
const FeedbackPage = page(() => import('../../feedback/web/feedback-page'), 'FeedbackPage');
const SuggestionsPage = page(() => import('../../suggestions/web/suggestions-page'), 'SuggestionsPage');
const SuggestionPage = page(() => import('../../suggestions/web/suggestion-page'), 'SuggestionPage');
const RecognitionPage = page(() => import('../../recognition/web/recognition-page'), 'RecognitionPage');
const WorkshopsPage = page(() => import('../../workshops/web/workshops-page'), 'WorkshopsPage');
const WorkshopPage = page(() => import('../../workshops/web/workshop-page'), 'WorkshopPage');
const WorkshopReportPage = page(() => import('../../workshops/web/workshop-report-page'), 'WorkshopReportPage');
const GlossaryPage = page(() => import('../../glossary/web/glossary-page'), 'GlossaryPage');

const adminOnly = (element: ReactNode) => <RequireRole roles={['admin']}>{element}</RequireRole>;
const catalogEditorsOnly = (element: ReactNode) => <RequireRole roles={[...catalogEditorRoles]}>{element}</RequireRole>;

/**
 * Routes:
 *   /sign-in, /forgot-password, /reset-password?token=, /ask (a question without an account), /unsubscribe/:token (the digest),
 *   /approvals/:token?decision= (a supervisor's mailed approval link)   (public)
 *   /verify/:code (a certificate's verification, behind its QR code)  (public)
 *   /follow-up/:token (a mailed follow-up form, AF-4)  (public)
 *   /request-survey/:token (a request's mailed questionnaire, RQ-4)  (public)
 *   /follow-ups, /follow-ups/:id (my follow-ups, AF-4), /course-sessions/:id/follow-ups (coordinators, the instructor: AF-4 answers)
 *   /, /account/password, /account/interests, /people, /people/new, /people/:id, /org-chart?root=
 *   /charter, /charter/versions, /charter/versions/:version, /charter/edit (unit lead, admin)
 *   /questions?status=&channel=&assignee=, /questions/ask, /questions/log (question staff), /questions/:id
 *   /catalog?q=&format=&unit=&language=&interest=&from=&to=&status=, /catalog/courses/:id
 *   /catalog/courses/new, /catalog/courses/:id/edit, /catalog/courses/:id/revisions?revision=,
 *   /catalog/courses/:id/sessions/new, /catalog/sessions/:id/edit   (catalog editors)
 *   /retention-plans, /retention-plans/:id, /retention-plans/:id/print (AF-6: the learner, their supervisor, staff)
 *   /my-learning, /team-learning?person=, /catalog/sessions/:id/roster (coordinators and the session's instructor)
 *   /catalog/courses/:id/completions (coordinators: e-learning completions, AF-1)
 *   /service-levels/compliance?period=&from=&to=&unit=&level=   (unit staff, leaders)
 *   /admin/import, /admin/outbox, /admin/outbox/:id, /admin/audit, /admin/settings   (admin)
 *   /development (the board: staff all projects, partners theirs), /development/:id, /problem-reports (staff),
 *   /problem-reports/mine, /problem-reports/:id (DV-1, DV-2, DV-4)
 *   /standards, /standards/:kind, /standards/:kind/versions/:version, /standards/:kind/edit (unit lead, admin),
 *   /standards/check/:subjectType/:subjectId (coordinators, consultants, unit lead, admin: ST-1, ST-2)
 *   /feedback/send (anyone), /feedback/follow/:token (the sender's private link)  (public, FB-1)
 *   /feedback/new, /feedback/:id (the unit; a named sender their own), /feedback?status=&category= (the unit's queue and trend)
 *   /suggestions?view=, /suggestions/:id (FB-2), /recognition (FB-4)
 *   /workshops, /workshops/:id, /workshops/:id/report (CX-1..4: staff and participants), /glossary?q=&origin= (FB-3: everyone)
 *   /requests/portfolio?period=&from=&to=, /requests/goals (RQ-7: request staff, leaders)
 *   /effectiveness?from=&to= (coordinators), /courses/:id/effectiveness?from=&to=, /course-sessions/:id/effectiveness (coordinators, the instructor: AF-7)
 */
export function App() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/ask" element={<GuestQuestionPage />} />
        <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
        <Route path="/approvals/:token" element={<ApprovalPage />} />
        <Route path="/follow-up/:token" element={<FollowUpLinkPage />} />
        <Route path="/request-survey/:token" element={<SurveyLinkPage />} />
        <Route path="/verify/:code" element={<VerifyCertificatePage />} />
        <Route path="/feedback/send" element={<SendFeedbackPage />} />
        <Route path="/feedback/follow/:token" element={<FollowFeedbackPage />} />
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
        <Route path="/account/interests" element={<InterestsPage />} />
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
        <Route path="/catalog" element={<CatalogPage />} />
        <Route path="/catalog/courses/new" element={catalogEditorsOnly(<NewCoursePage />)} />
        <Route path="/catalog/courses/:id" element={<CoursePage />} />
        <Route path="/catalog/courses/:id/edit" element={catalogEditorsOnly(<EditCoursePage />)} />
        <Route path="/catalog/courses/:id/revisions" element={catalogEditorsOnly(<CourseRevisionsPage />)} />
        <Route path="/catalog/courses/:id/sessions/new" element={catalogEditorsOnly(<NewSessionPage />)} />
        <Route path="/catalog/sessions/:id/edit" element={catalogEditorsOnly(<EditSessionPage />)} />
        <Route path="/catalog/sessions/:id/roster" element={<RosterPage />} />
        <Route path="/catalog/courses/:id/completions" element={catalogEditorsOnly(<CompletionsPage />)} />
        <Route path="/my-learning" element={<MyLearningPage />} />
        <Route path="/certificates/:id" element={<CertificatePage />} />
        <Route path="/team-learning" element={<TeamLearningPage />} />
        <Route path="/follow-ups" element={<MyFollowUpsPage />} />
        <Route path="/follow-ups/:id" element={<FollowUpPage />} />
        <Route path="/course-sessions/:id/follow-ups" element={<SessionFollowUpsPage />} />
        <Route path="/retention-plans" element={<RetentionPlansPage />} />
        <Route path="/retention-plans/:id" element={<RetentionPlanPage />} />
        <Route path="/retention-plans/:id/print" element={<RetentionPlanPrintPage />} />
        <Route path="/service-levels/compliance" element={<RequireRole roles={[...complianceRoles]}><CompliancePage /></RequireRole>} />
        <Route path="/support" element={<RequireRole roles={[...supportStaffRoles]}><SupportQueuePage /></RequireRole>} />
        <Route path="/support/:id" element={<SupportCasePage />} />
        <Route path="/requests" element={<RequireRole roles={[...requestStaffRoles]}><RequestQueuePage /></RequireRole>} />
        <Route path="/requests/mine" element={<MyRequestsPage />} />
        <Route path="/requests/portfolio" element={<RequireRole roles={[...portfolioReaderRoles]}><PortfolioPage /></RequireRole>} />
        <Route path="/requests/goals" element={<RequireRole roles={[...portfolioReaderRoles]}><GoalsPage /></RequireRole>} />
        <Route path="/requests/new" element={<RequestFormPage />} />
        <Route path="/requests/:id/edit" element={<RequestFormPage />} />
        <Route path="/requests/:id/explanation" element={<ExplanationPrintPage />} />
        <Route path="/requests/:id" element={<RequestPage />} />
        <Route path="/admin/import" element={adminOnly(<PeopleImportPage />)} />
        <Route path="/admin/outbox" element={adminOnly(<OutboxPage />)} />
        <Route path="/admin/outbox/:id" element={adminOnly(<OutboxMessagePage />)} />
        <Route path="/admin/audit" element={adminOnly(<AuditLogPage />)} />
        <Route path="/admin/settings" element={adminOnly(<UnitSettingsPage />)} />
        <Route path="/effectiveness" element={<RequireRole roles={[...enrolmentStaffRoles]}><EffectivenessListPage /></RequireRole>} />
        <Route path="/courses/:id/effectiveness" element={<CourseEffectivenessPage />} />
        <Route path="/course-sessions/:id/effectiveness" element={<SessionEffectivenessPage />} />
        <Route path="/development" element={<DevelopmentBoardPage />} />
        <Route path="/development/:id" element={<ProjectPage />} />
        <Route path="/problem-reports" element={<RequireRole roles={[...developmentStaffRoles]}><ProblemQueuePage /></RequireRole>} />
        <Route path="/problem-reports/mine" element={<MyProblemReportsPage />} />
        <Route path="/problem-reports/:id" element={<ProblemReportPage />} />
        <Route path="/standards" element={<StandardsPage />} />
        <Route path="/standards/:kind" element={<StandardPage />} />
        <Route path="/standards/:kind/versions/:version" element={<StandardPage />} />
        <Route path="/standards/:kind/edit" element={<RequireRole roles={[...standardEditorRoles]}><StandardEditPage /></RequireRole>} />
        <Route path="/standards/check/:subjectType/:subjectId" element={<RequireRole roles={[...standardCheckerRoles]}><StandardsCheckPage /></RequireRole>} />
        <Route path="/feedback" element={<RequireRole roles={[...feedbackStaffRoles]}><FeedbackQueuePage /></RequireRole>} />
        <Route path="/feedback/new" element={<SendFeedbackPage />} />
        <Route path="/feedback/:id" element={<FeedbackPage />} />
        <Route path="/suggestions" element={<SuggestionsPage />} />
        <Route path="/suggestions/:id" element={<SuggestionPage />} />
        <Route path="/recognition" element={<RecognitionPage />} />
        <Route path="/value" element={<RequireRole roles={[...valueReaderRoles]}><ValuePage /></RequireRole>} />
        <Route path="/value/measures/:key" element={<RequireRole roles={[...valueReaderRoles]}><MeasureRecordsPage /></RequireRole>} />
        <Route path="/workshops" element={<WorkshopsPage />} />
        <Route path="/workshops/:id" element={<WorkshopPage />} />
        <Route path="/workshops/:id/report" element={<WorkshopReportPage />} />
        <Route path="/glossary" element={<GlossaryPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
