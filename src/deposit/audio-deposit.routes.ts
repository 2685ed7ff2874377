import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import { audioDepositBag } from './audio-deposit-bag.service.js';
import { AudioDepositListQuery, AudioDepositPage, AudioDepositResponse, DepositIdParams } from './audio-deposit.schemas.js';
import { depositAudio, getAudioDeposit, listAudioDepositsPage } from './audio-deposit.service.js';

const tags = ['deposit'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** 影音檔送存: registrants deposit a digital album's audio; the agency lists deposits and downloads BagIt bags. */
export function audioDepositRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.post(
    '/albums/:id/audio-deposit',
    {
      schema: {
        tags,
        summary: '影音檔送存: deposit the audio of every track (registrant, own approved digital album, once)',
        params: IdParams,
        response: { 201: AudioDepositResponse, ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await depositAudio(ctx, requireActor(request), request.params.id)),
  );

  app.get(
    '/albums/:id/audio-deposit',
    {
      schema: {
        tags,
        summary: "An album's audio deposit with its files, checksums and technical data (its members, or staff); 404 when none",
        params: IdParams,
        response: { 200: AudioDepositResponse, ...errors },
      },
    },
    (request) => getAudioDeposit(ctx, requireActor(request), request.params.id),
  );

  app.get(
    '/deposits/audio',
    {
      config: { staff: true },
      schema: { tags, summary: 'Audio deposits, newest first, with their BagIt links (agency)', querystring: AudioDepositListQuery, response: { 200: AudioDepositPage, ...errors } },
    },
    (request) => listAudioDepositsPage(ctx, requireActor(request), request.query),
  );

  app.get(
    '/deposits/audio/:depositId/bag.zip',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: 'An audio deposit as a BagIt bag (RFC 8493), streamed as a zip (agency)',
        params: DepositIdParams,
        produces: ['application/zip'],
        response: { 200: Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: 'The bag, zipped' }), ...errors },
      },
    },
    async (request, reply) => {
      const bag = await audioDepositBag(ctx, requireActor(request), request.params.depositId);
      return reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${bag.fileName}"`).header('cache-control', 'no-store').send(bag.stream);
    },
  );
}
