import { AddRegistrantCodeBody, RegistrantCodeResponse } from '../registrants/registrants.schemas.js';
import { addPoolCode } from '../registrants/registrant-codes.service.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { AgencyResponse, SettingsResponse } from './settings.schemas.js';
import { getAgency, getSettings } from './settings.service.js';
import { AgencySettingsResponse, UpdateAgencySettingsBody } from './agency-settings.schemas.js';
import { getAgencySettings, updateAgencySettings } from './agency-settings.service.js';

const tags = ['settings'];

export function settingsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/agency',
    {
      schema: { tags: ['reference'], summary: "The agency's country prefix, time zone, current year and contact details (public)", response: { 200: AgencyResponse } },
      config: { public: true },
    },
    () => getAgency(ctx),
  );

  app.get('/settings', { config: { staff: true }, schema: { tags, summary: 'Agency settings (staff)', response: { 200: SettingsResponse, 403: ErrorResponse } } }, (request) =>
    getSettings(ctx, requireActor(request)),
  );

  app.post(
    '/settings/pool-codes',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: "Add one of the agency's pool codes for individuals (administrator)",
        body: AddRegistrantCodeBody,
        response: { 201: RegistrantCodeResponse, 400: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.code(201).send(await addPoolCode(ctx, requireActor(request), request.body.code, request.body.allocatedYear)),
  );

  app.get(
    '/settings/agency',
    {
      schema: {
        tags,
        summary: 'Settings officers follow: deposit copies by registrant kind, overdue days, the public ISRC search (staff)',
        response: { 200: AgencySettingsResponse, 403: ErrorResponse },
      },
      config: { staff: true },
    },
    (request) => getAgencySettings(ctx, requireActor(request)),
  );

  app.put(
    '/settings/agency',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: 'Change deposit copies, overdue days or the public ISRC search settings (administrator; audited)',
        body: UpdateAgencySettingsBody,
        response: { 200: AgencySettingsResponse, 400: ErrorResponse, 403: ErrorResponse },
      },
    },
    (request) => updateAgencySettings(ctx, requireActor(request), request.body),
  );
}
