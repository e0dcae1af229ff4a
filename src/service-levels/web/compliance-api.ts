import { useQuery } from '@tanstack/react-query';
import { API_BASE, get, withQuery } from '../../app/web/api';
import type { ComplianceBreach, ComplianceFigures, ComplianceQuery, ComplianceReport, ComplianceServiceLevel } from '../compliance-schemas';

// The page reads the same schemas the server answers with (compliance-schemas.ts).
export type { ComplianceBreach, ComplianceFigures, ComplianceQuery, ComplianceReport, ComplianceServiceLevel };

export const complianceKeys = {
  report: (query: ComplianceQuery) => ['service-levels', 'compliance', query] as const,
};

/** The report for a valid query; nothing is asked while the form still shows an error (null). */
export function useComplianceReport(query: ComplianceQuery | null) {
  return useQuery({
    queryKey: complianceKeys.report(query ?? { from: '', to: '' }),
    queryFn: ({ signal }) => get<ComplianceReport>('/service-levels/compliance', query ?? undefined, signal),
    enabled: query !== null,
  });
}

/** The same report as a CSV download, for the same filters. */
export function complianceCsvHref(query: ComplianceQuery): string {
  return withQuery(`${API_BASE}/service-levels/compliance.csv`, query);
}
