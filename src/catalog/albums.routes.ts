import { Type } from 'typebox';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { AlbumFields, AlbumListQuery, AlbumPage, AlbumResponse, CreateAlbumBody, VocabulariesResponse } from './catalog.schemas.js';
import { createAlbum, deleteAlbum, getAlbum, listAlbums, updateAlbum } from './albums.service.js';
import { listVocabularies } from './vocabularies.service.js';

const tags = ['albums'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function albumsRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/vocabularies',
    {
      schema: { tags: ['reference'], summary: 'Controlled vocabularies of the album and track forms (zh-TW and English labels)', response: { 200: VocabulariesResponse } },
      config: { public: true },
    },
    () => listVocabularies(),
  );

  app.get(
    '/albums',
    { schema: { tags, summary: '待辦事項 / 所有專輯 / 審核中專輯: paged, sorted, searched', querystring: AlbumListQuery, response: { 200: AlbumPage, ...errors } } },
    (request) => listAlbums(ctx, requireActor(request), request.query),
  );

  app.post(
    '/albums',
    { schema: { tags, summary: '專輯新增: a new draft album', body: CreateAlbumBody, response: { 201: AlbumResponse, ...errors } }, config: { idempotent: true } },
    async (request, reply) => reply.code(201).send(await createAlbum(ctx, requireActor(request), request.body)),
  );

  app.get('/albums/:id', { schema: { tags, summary: 'An album with its tracks', params: IdParams, response: { 200: AlbumResponse, ...errors } } }, (request) =>
    getAlbum(ctx, requireActor(request), request.params.id),
  );

  app.patch(
    '/albums/:id',
    { schema: { tags, summary: '儲存修改: save album fields (drafts may be incomplete)', params: IdParams, body: AlbumFields, response: { 200: AlbumResponse, ...errors } } },
    (request) => updateAlbum(ctx, requireActor(request), request.params.id, request.body),
  );

  app.delete('/albums/:id', { schema: { tags, summary: 'Delete a draft album without tracks', params: IdParams, response: { 204: Type.Null(), ...errors } } }, async (request, reply) => {
    await deleteAlbum(ctx, requireActor(request), request.params.id);
    return reply.code(204).send(null);
  });
}
