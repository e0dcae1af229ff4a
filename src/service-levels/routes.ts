import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import type { Access } from '../platform/auth/actor';
import { complianceReport } from './compliance-report';
import { complianceCsv } from './compliance-csv';
import { complianceQuery, complianceReportView } from './compliance-schemas';
import { complianceRoles } from './compliance-staff';

const tags = ['service-levels'];

const access = { roles: complianceRoles } satisfies Access;

export async function serviceLevelRoutes(app: App, deps: Deps): Promise<void> {
  const { db, clock } = deps;

  app.get(
    '/service-levels/compliance',
    {
      config: { access },
      schema: { tags, summary: 'Service-level compliance per period and business unit, with every breach and its cause', querystring: complianceQuery, response: { 200: complianceReportView } },
    },
    async (request) => complianceReport(db, { ...request.query, now: clock.now() }),
  );

  app.get(
    '/service-levels/compliance.csv',
    {
      config: { access },
      schema: { tags, summary: 'The compliance report as CSV: figures per service level and business unit, then the breaches', querystring: complianceQuery, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const report = await complianceReport(db, { ...request.query, now: clock.now() });
      const name = `compliance-${report.from}-to-${report.to}.csv`;
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(complianceCsv(report));
    },
  );
}
