import { Type } from 'typebox';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { AddTrackBody, CitableList, CitableQuery, CiteTrackBody, RecordingFields, SetIsrcBody, TrackParams, TrackResponse } from './catalog.schemas.js';
import { addTrack, citeTrack, deleteTrack, getTrack, searchCitable, setTrackIsrc, updateTrack } from './tracks.service.js';

const tags = ['tracks'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function tracksRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.post(
    '/albums/:id/tracks',
    {
      schema: { tags, summary: '曲目新增 → 新增: a new recording on the album', params: IdParams, body: AddTrackBody, response: { 201: TrackResponse, ...errors } },
      config: { idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await addTrack(ctx, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/albums/:id/tracks/cite',
    {
      schema: { tags, summary: '曲目新增 → 引用: put an approved recording on the album', params: IdParams, body: CiteTrackBody, response: { 201: TrackResponse, ...errors } },
      config: { idempotent: true },
    },
    async (request, reply) => reply.code(201).send(await citeTrack(ctx, requireActor(request), request.params.id, request.body)),
  );

  app.get('/albums/:id/tracks/:trackId', { schema: { tags, summary: 'One track', params: TrackParams, response: { 200: TrackResponse, ...errors } } }, (request) =>
    getTrack(ctx, requireActor(request), request.params.id, request.params.trackId),
  );

  app.patch(
    '/albums/:id/tracks/:trackId',
    { schema: { tags, summary: '儲存修改 on the track form', params: TrackParams, body: RecordingFields, response: { 200: TrackResponse, ...errors } } },
    (request) => updateTrack(ctx, requireActor(request), request.params.id, request.params.trackId, request.body),
  );

  app.put(
    '/albums/:id/tracks/:trackId/isrc',
    { schema: { tags, summary: "Set a company track's ISRC (own code, next available, or foreign)", params: TrackParams, body: SetIsrcBody, response: { 200: TrackResponse, ...errors } } },
    (request) => setTrackIsrc(ctx, requireActor(request), request.params.id, request.params.trackId, request.body.isrc),
  );

  app.delete(
    '/albums/:id/tracks/:trackId',
    { schema: { tags, summary: 'Remove a track from a draft', params: TrackParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await deleteTrack(ctx, requireActor(request), request.params.id, request.params.trackId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/recordings/citable',
    { schema: { tags, summary: "Approved recordings to cite: own by title/ISRC, anyone's by exact ISRC", querystring: CitableQuery, response: { 200: CitableList, ...errors } } },
    (request) => searchCitable(ctx, requireActor(request), request.query),
  );
}
