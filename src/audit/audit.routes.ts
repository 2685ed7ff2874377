import type { AppInstance, RouteOptions } from '../http/types.js';

/** Scaffold: this feature's routes arrive with issue 13. */
export function auditRoutes(app: AppInstance, options: RouteOptions): void {
  void app;
  void options;
  // Routes are registered here.
}
