import { AlbumResponse } from '../catalog/catalog.schemas.js';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { requireActor } from '../http/auth.js';
import { decisionRoute } from '../http/decision-route.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { getReviewAlbum } from './review-album.service.js';
import { reviewQueue, reviewTodo } from './review-queue.service.js';
import { ApproveBody, QueuePage, QueueQuery, ReturnBody, ReviewAlbumResponse, TodoCounts } from './review.schemas.js';
import { approveAlbum, returnAlbum } from './review.service.js';
import { submitAlbum } from './submit.service.js';

const tags = ['review'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

/** 送出審核 (registrants), the review workspace, 通過 and 退回 (the agency). */
export function reviewRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.post(
    '/albums/:id/submit',
    {
      schema: { tags, summary: '送出審核: check completeness, assign pool ISRCs (individuals), submit', params: IdParams, response: { 200: AlbumResponse, ...errors } },
      config: { idempotent: true },
    },
    (request) => submitAlbum(ctx, requireActor(request), request.params.id),
  );

  decisionRoute(
    app,
    {
      path: '/albums/:id/approve',
      tags,
      summary: '通過: approve a submitted album (agency); 409 REVIEW_ALREADY_DECIDED when decided first by someone else',
      body: ApproveBody,
      response: AlbumResponse,
      errors,
    },
    (actor, id, body) => approveAlbum(ctx, actor, id, body),
  );

  decisionRoute(
    app,
    { path: '/albums/:id/return', tags, summary: '退回: return a submitted album with a reason, optionally one per track (agency)', body: ReturnBody, response: AlbumResponse, errors },
    (actor, id, body) => returnAlbum(ctx, actor, id, body),
  );

  app.get(
    '/review/queue',
    { config: { staff: true }, schema: { tags, summary: 'Albums waiting for review, oldest first, with counts (agency)', querystring: QueueQuery, response: { 200: QueuePage, ...errors } } },
    (request) => reviewQueue(ctx, requireActor(request), request.query),
  );

  app.get(
    '/review/todo',
    { config: { staff: true }, schema: { tags, summary: "The officer's 待辦事項: counts of work waiting (agency)", response: { 200: TodoCounts, ...errors } } },
    (request) => reviewTodo(ctx, requireActor(request)),
  );

  app.get(
    '/review/albums/:id',
    {
      schema: {
        tags,
        summary: 'An album for review: fields, registrant, findings, rounds and changes since the last submission (agency)',
        params: IdParams,
        response: { 200: ReviewAlbumResponse, ...errors },
      },
    },
    (request) => getReviewAlbum(ctx, requireActor(request), request.params.id),
  );
}
