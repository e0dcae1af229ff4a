import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { accountRoutes } from '../account/routes';
import { peopleRoutes } from '../people/routes';
import { adminRoutes } from '../admin/routes';
import { charterRoutes } from '../charter/routes';
import { serviceLevelRoutes } from '../service-levels/routes';
import { questionRoutes } from '../questions/routes';

/** Every capability's API, mounted under /api/v1. A new capability adds one line here. */
export async function registerRoutes(app: App, deps: Deps): Promise<void> {
  await accountRoutes(app, deps);
  await peopleRoutes(app, deps);
  await adminRoutes(app, deps);
  await charterRoutes(app, deps);
  await serviceLevelRoutes(app, deps);
  await questionRoutes(app, deps);
}
