import { AlbumResponse } from '../catalog/catalog.schemas.js';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ReturnBody } from './review.schemas.js';
import { approveAlbum, returnAlbum } from './review.service.js';
import { submitAlbum } from './submit.service.js';

const tags = ['review'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** 送出審核 (registrants), 通過 and 退回 (the agency). */
export function reviewRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.post(
    '/albums/:id/submit',
    { schema: { tags, summary: '送出審核: check completeness, assign pool ISRCs (individuals), submit', params: IdParams, response: { 200: AlbumResponse, ...errors } } },
    (request) => submitAlbum(ctx, requireActor(request), request.params.id),
  );

  app.post('/albums/:id/approve', { schema: { tags, summary: 'Approve a submitted album (agency)', params: IdParams, response: { 200: AlbumResponse, ...errors } } }, (request) =>
    approveAlbum(ctx, requireActor(request), request.params.id),
  );

  app.post(
    '/albums/:id/return',
    { schema: { tags, summary: 'Return a submitted album with a reason (agency)', params: IdParams, body: ReturnBody, response: { 200: AlbumResponse, ...errors } } },
    (request) => returnAlbum(ctx, requireActor(request), request.params.id, request.body.reason),
  );
}
