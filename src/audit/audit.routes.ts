import type { AppInstance, RouteOptions } from '../http/types.js';

/** Scaffold: this feature's routes arrive with issue 13. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- scaffold, filled in by issue 13
export function auditRoutes(_app: AppInstance, _options: RouteOptions): void {
  // Routes are registered here.
}
