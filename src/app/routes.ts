import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { accountRoutes } from '../account/routes';
import { peopleRoutes } from '../people/routes';
import { adminRoutes } from '../admin/routes';
import { charterRoutes } from '../charter/routes';
import { serviceLevelRoutes } from '../service-levels/routes';
import { questionRoutes } from '../questions/routes';
import { questionReferences } from '../questions/question-references';
import { registerSubjectReferences } from '../service-levels/subject-references';
import { onSessionChange } from '../catalog/session-changes';
import { followSessionChanges } from '../enrolment/follow-session-changes';
import { catalogRoutes } from '../catalog/routes';
import { enrolmentRoutes } from '../enrolment/routes';
import { marketingRoutes } from '../marketing/routes';
import { followUpRoutes } from '../follow-up/routes';
import { certificateRoutes } from '../certificates/routes';
import { effectivenessRoutes } from '../effectiveness/routes';
import { supportRoutes } from '../support/routes';
import { retentionRoutes } from '../retention/routes';
import { requestRoutes } from '../requests/routes';
import { portfolioRoutes } from '../requests/portfolio-routes';
import { developmentRoutes } from '../development/routes';
import { standardRoutes } from '../standards/routes';
import { registerCheckSubject } from '../standards/check-subjects';
import { deliverableCheckSubject } from '../development/deliverable-check-subject';
import { courseCheckSubject, sessionCheckSubject } from '../standards/catalog-check-subjects';
import { valueRoutes } from '../value/routes';
import { registerValueMeasures } from '../platform/measures/measure-registry';
import { serviceLevelMeasures } from '../service-levels/value-measures';
import { effectivenessMeasures } from '../effectiveness/value-measures';
import { supportMeasures } from '../support/value-measures';
import { retentionMeasures } from '../retention/value-measures';
import { suggestionMeasures } from '../suggestions/value-measures';
import { requestMeasures } from '../requests/value-measures';
import { developmentMeasures } from '../development/value-measures';
import { glossaryRoutes } from '../glossary/routes';
import { workshopRoutes } from '../workshops/routes';
import { feedbackRoutes } from '../feedback/routes';
import { feedbackReferences } from '../feedback/feedback-references';
import { suggestionRoutes } from '../suggestions/routes';
import { recognitionRoutes } from '../recognition/routes';

/** Every capability's API, mounted under /api/v1. A new capability adds one line here. */
export async function registerRoutes(app: App, deps: Deps): Promise<void> {
  // How reports quote the subjects of service-level clocks (Q-000123), owned by each capability.
  registerSubjectReferences('question', questionReferences, (id) => `/questions/${id}`);
  registerSubjectReferences('feedback', feedbackReferences, (id) => `/feedback/${id}`);
  // Who holds a seat hears of a session's new time, place, capacity or cancellation (CA-5).
  onSessionChange('enrolment', followSessionChanges(deps.publicUrl));
  // Courses and sessions are checked against the standards (ST-2); the catalog answers who may see them.
  registerCheckSubject('course', courseCheckSubject);
  registerCheckSubject('session', sessionCheckSubject);
  registerCheckSubject('deliverable', deliverableCheckSubject);
  // What the value dashboard counts, each measure owned by the capability whose records it counts (VA-1).
  registerValueMeasures(serviceLevelMeasures);
  registerValueMeasures(effectivenessMeasures);
  registerValueMeasures(supportMeasures);
  registerValueMeasures(retentionMeasures);
  registerValueMeasures(suggestionMeasures);
  registerValueMeasures(requestMeasures);
  registerValueMeasures(developmentMeasures);

  await accountRoutes(app, deps);
  await peopleRoutes(app, deps);
  await adminRoutes(app, deps);
  await charterRoutes(app, deps);
  await serviceLevelRoutes(app, deps);
  await questionRoutes(app, deps);
  await catalogRoutes(app, deps);
  await enrolmentRoutes(app, deps);
  await marketingRoutes(app, deps);
  await followUpRoutes(app, deps);
  await certificateRoutes(app, deps);
  await effectivenessRoutes(app, deps);
  await supportRoutes(app, deps);
  await retentionRoutes(app, deps);
  await portfolioRoutes(app, deps);
  await requestRoutes(app, deps);
  await developmentRoutes(app, deps);
  await standardRoutes(app, deps);
  await valueRoutes(app, deps);
  await glossaryRoutes(app, deps);
  await workshopRoutes(app, deps);
  await feedbackRoutes(app, deps);
  await suggestionRoutes(app, deps);
  await recognitionRoutes(app, deps);
}
