import { csvDocument, csvRow } from '../platform/csv/csv';
import type { PortfolioRow, PortfolioView } from './portfolio-schemas';

// The portfolio as CSV (VA-3's rule: every table exports): the goal table, then the business-unit
// table, each row with its share of decisions that ended without training.

const share = (r: PortfolioRow) => (r.decided ? Math.round((r.nonTraining / r.decided) * 1000) / 10 : null);
const header = ['Requests submitted', 'Decisions accepted', 'Of which without training', 'Without training (%)', 'Hours'];
const cells = (r: PortfolioRow) => [r.requests, r.decided, r.nonTraining, share(r), Math.round(r.hours * 100) / 100];

export function portfolioCsv(view: PortfolioView): string {
  return csvDocument([
    csvRow(['Portfolio', `${view.from} to ${view.to}`]),
    '',
    csvRow(['Strategic goal', 'Current', ...header]),
    ...view.byGoal.map((g) => csvRow([g.name, g.active ? 'yes' : 'retired', ...cells(g)])),
    '',
    csvRow(['Business unit', 'Prime segment', ...header]),
    ...view.byUnit.map((u) => csvRow([u.name, u.prime ? 'yes' : 'no', ...cells(u)])),
    '',
    csvRow(['All requests', '', ...cells({ id: null, name: '', ...view.totals })]),
  ]);
}
