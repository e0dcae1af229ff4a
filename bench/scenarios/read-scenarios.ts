import { headersFor, type Fixtures } from '../lib/fixtures';
import type { HttpRequest } from '../lib/load';

// The read scenarios of issue 10, each a request picked at random per call (a word from the
// courses' own titles, another course, another learner), with its target and its concurrency.

export type ReadScenario = { key: string; label: string; connections: number; targetP95: number; next(): HttpRequest };

const any = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export function readScenarios(f: Fixtures, connections: { search: number; pages: number; dashboard: number }): ReadScenario[] {
  const learner = () => headersFor(any(f.learnerCookies));
  const period = `from=${day(-364)}&to=${day(0)}`;
  return [
    {
      key: 'search', label: 'Catalog search (random words from course titles)', connections: connections.search, targetP95: 50,
      next: () => ({ path: `/api/v1/courses?q=${encodeURIComponent(Math.random() < 0.3 ? `${any(f.words)} ${any(f.words)}` : any(f.words))}`, headers: learner() }),
    },
    { key: 'course', label: 'Course page with upcoming sessions', connections: connections.pages, targetP95: 20, next: () => ({ path: `/api/v1/courses/${any(f.courseIds)}`, headers: learner() }) },
    { key: 'learning', label: 'My learning (a learner with enrolments)', connections: connections.pages, targetP95: 20, next: () => ({ path: '/api/v1/enrolments/mine', headers: learner() }) },
    { key: 'dashboard-org', label: 'Value dashboard, whole organization (12 months)', connections: connections.dashboard, targetP95: 300, next: () => ({ path: `/api/v1/value/dashboard?${period}`, headers: headersFor(f.adminCookie) }) },
    {
      key: 'dashboard-unit', label: 'Value dashboard, one business unit (12 months)', connections: connections.dashboard, targetP95: 300,
      next: () => ({ path: `/api/v1/value/dashboard?${period}&businessUnitId=${f.unitId}`, headers: headersFor(f.adminCookie) }),
    },
  ];
}
