import { CreateMemberUserBody, UserList, UserResponse } from '../accounts/accounts.schemas.js';
import { createMemberUser, listMembers } from '../accounts/users.service.js';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { addRegistrantCode, listRegistrantCodes, suggestCode, updateRegistrantCode } from './registrant-codes.service.js';
import { registrantListingRoutes } from './registrant-listings.routes.js';
import {
  AddRegistrantCodeBody,
  CodeSuggestionResponse,
  CreateRegistrantBody,
  RegistrantCodeList,
  RegistrantCodeResponse,
  RegistrantListQuery,
  RegistrantPage,
  RegistrantResponse,
  UpdateRegistrantBody,
  UpdateRegistrantCodeBody,
} from './registrants.schemas.js';
import { createRegistrant, getRegistrant, searchRegistrants, updateRegistrant } from './registrants.service.js';

const tags = ['registrants'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registrantsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  registrantListingRoutes(app, { ctx });
  app.get('/registrants', { schema: { tags, summary: 'Search registrants (staff)', querystring: RegistrantListQuery, response: { 200: RegistrantPage, ...errors } } }, (request) =>
    searchRegistrants(ctx, requireActor(request), request.query),
  );

  app.post(
    '/registrants',
    { schema: { tags, summary: 'Create a registrant (staff)', body: CreateRegistrantBody, response: { 201: RegistrantResponse, ...errors } } },
    async (request, reply) => reply.code(201).send(await createRegistrant(ctx, requireActor(request), request.body)),
  );

  app.get('/registrants/:id', { schema: { tags, summary: 'One registrant (staff, or its own members)', params: IdParams, response: { 200: RegistrantResponse, ...errors } } }, (request) =>
    getRegistrant(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/registrants/:id',
    { schema: { tags, summary: 'Edit or suspend a registrant (staff)', params: IdParams, body: UpdateRegistrantBody, response: { 200: RegistrantResponse, ...errors } } },
    (request) => updateRegistrant(ctx, requireActor(request), request.params.id, request.body),
  );

  app.get('/registrants/:id/codes', { schema: { tags, summary: "A registrant's codes", params: IdParams, response: { 200: RegistrantCodeList, ...errors } } }, (request) =>
    listRegistrantCodes(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/registrants/:id/codes',
    {
      schema: {
        tags,
        summary: 'Allocate a registrant code (staff); omit `code` for the suggested one',
        params: IdParams,
        body: AddRegistrantCodeBody,
        response: { 201: RegistrantCodeResponse, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await addRegistrantCode(ctx, requireActor(request), request.params.id, request.body.code, request.body.allocatedYear)),
  );

  app.patch(
    '/registrant-codes/:id',
    {
      schema: {
        tags,
        summary: 'Correct the year a registrant or pool code was allocated (administrator)',
        params: IdParams,
        body: UpdateRegistrantCodeBody,
        response: { 200: RegistrantCodeResponse, ...errors },
      },
    },
    (request) => updateRegistrantCode(ctx, requireActor(request), request.params.id, request.body),
  );

  app.get('/registrants/:id/users', { schema: { tags, summary: "A registrant's user accounts", params: IdParams, response: { 200: UserList, ...errors } } }, (request) =>
    listMembers(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/registrants/:id/users',
    { schema: { tags, summary: 'Create a user for a registrant (staff)', params: IdParams, body: CreateMemberUserBody, response: { 201: UserResponse, ...errors } } },
    async (request, reply) => reply.code(201).send(await createMemberUser(ctx, requireActor(request), request.params.id, request.body)),
  );

  app.get('/registrant-codes/suggestion', { schema: { tags, summary: 'The next free registrant code (staff)', response: { 200: CodeSuggestionResponse, ...errors } } }, (request) =>
    suggestCode(ctx, requireActor(request)),
  );
}
