import type { AccessTable } from './access/expectations';
import { accountAccess } from './access/account';
import { adminAccess } from './access/admin';
import { peopleAccess } from './access/people';
import { charterAccess } from './access/charter';
import { serviceLevelsAccess } from './access/service-levels';
import { questionsAccess } from './access/questions';
import { catalogAccess } from './access/catalog';
import { enrolmentAccess } from './access/enrolment';
import { marketingAccess } from './access/marketing';
import { retentionAccess } from './access/retention';
import { supportAccess } from './access/support';
import { effectivenessAccess } from './access/effectiveness';
import { followUpAccess } from './access/follow-up';
import { certificatesAccess } from './access/certificates';
import { requestsAccess } from './access/requests';
import { standardsAccess } from './access/standards';
import { valueAccess } from './access/value';
import { workshopsAccess } from './access/workshops';
import { feedbackAccess } from './access/feedback';
import { suggestionsAccess } from './access/suggestions';
import { developmentAccess } from './access/development';

/**
 * The expected access for every API operation, one file per capability.
 * A new operation without an entry here fails the permissions matrix: say who
 * may call it, and why, before it ships.
 */
export const accessTable: AccessTable = {
  ...accountAccess,
  ...peopleAccess,
  ...adminAccess,
  ...charterAccess,
  ...serviceLevelsAccess,
  ...questionsAccess,
  ...catalogAccess,
  ...enrolmentAccess,
  ...marketingAccess,
  ...retentionAccess,
  ...supportAccess,
  ...effectivenessAccess,
  ...followUpAccess,
  ...certificatesAccess,
  ...requestsAccess,
  ...standardsAccess,
  ...valueAccess,
  ...workshopsAccess,
  ...feedbackAccess,
  ...suggestionsAccess,
  ...developmentAccess,
};
