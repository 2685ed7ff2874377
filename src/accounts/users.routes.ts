import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { CreateStaffUserBody, UpdateUserBody, UserList, UserResponse } from './accounts.schemas.js';
import { createStaffUser, listStaff, updateUser } from './users.service.js';

const tags = ['users'];

export function usersRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get('/users', { schema: { tags, summary: 'Agency staff accounts (administrator)', response: { 200: UserList, 403: ErrorResponse } } }, (request) =>
    listStaff(ctx, requireActor(request)),
  );

  app.post(
    '/users',
    { schema: { tags, summary: 'Create a staff account (administrator)', body: CreateStaffUserBody, response: { 201: UserResponse, 400: ErrorResponse, 409: ErrorResponse } } },
    async (request, reply) => reply.code(201).send(await createStaffUser(ctx, requireActor(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit, suspend or reset the password of a user (staff)',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    (request) => updateUser(ctx, requireActor(request), request.params.id, request.body),
  );
}
