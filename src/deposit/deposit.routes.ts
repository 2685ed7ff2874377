import { Type } from 'typebox';
import { ErrorResponse, IdParams } from '../shared/common.schemas.js';
import type { ExportFormat } from '../export/table.js';
import { localeFromAcceptLanguage } from '../shared/locale.js';
import { requireActor } from '../http/auth.js';
import { decisionRoute } from '../http/decision-route.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { exportDepositOverview, depositOverview } from './deposit-overview.service.js';
import { AlbumDepositResponse, CorrectEventBody, DeclareSentBody, OverviewExportQuery, OverviewPage, OverviewQuery, RecordReceivedBody } from './deposit.schemas.js';
import { correctEvent, declareSent, getAlbumDeposit, recordReceived } from './deposit.service.js';

const tags = ['deposit'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** 送存: registrants declare copies sent, officers record copies received and watch the overview. */
export function depositRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  app.get(
    '/albums/:id/deposits',
    {
      schema: {
        tags,
        summary: "An album's deposit: status, copies required and received, events (its members, or staff)",
        params: IdParams,
        response: { 200: AlbumDepositResponse, ...errors },
      },
    },
    (request) => getAlbumDeposit(ctx, requireActor(request), request.params.id),
  );

  decisionRoute(
    app,
    {
      path: '/albums/:id/deposits/sent',
      tags,
      summary: 'Declare copies sent (registrant, own approved physical album)',
      body: DeclareSentBody,
      response: AlbumDepositResponse,
      errors,
      created: true,
    },
    (actor, id, body) => declareSent(ctx, actor, id, body),
  );

  decisionRoute(
    app,
    {
      path: '/albums/:id/deposits/received',
      tags,
      summary: "Record copies received (agency); the album's deposit status follows",
      body: RecordReceivedBody,
      response: AlbumDepositResponse,
      errors,
      created: true,
    },
    (actor, id, body) => recordReceived(ctx, actor, id, body),
  );

  decisionRoute(
    app,
    {
      path: '/albums/:id/deposits/corrections',
      tags,
      summary: 'Correct a mistaken deposit event: remove it with a reason (agency; audited, status recomputed)',
      body: CorrectEventBody,
      response: AlbumDepositResponse,
      errors,
    },
    (actor, id, body) => correctEvent(ctx, actor, id, body),
  );

  app.get(
    '/deposits/overview',
    {
      schema: {
        tags,
        summary: 'Approved albums not yet deposited (physical: copies; digital: audio), oldest first, overdue flagged (agency)',
        querystring: OverviewQuery,
        response: { 200: OverviewPage, ...errors },
      },
      config: { staff: true },
    },
    (request) => depositOverview(ctx, requireActor(request), request.query),
  );

  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    app.get(
      `/deposits/overview.${format}`,
      {
        config: { staff: true },
        schema: {
          tags,
          summary: `The deposit overview as ${format === 'csv' ? 'CSV (UTF-8)' : 'an Excel workbook'}, headers by Accept-Language (agency)`,
          querystring: OverviewExportQuery,
          produces: [format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          response: { 200: Type.Unsafe<string | Buffer>({ type: 'string', format: 'binary', description: 'The file' }), 400: ErrorResponse, 403: ErrorResponse },
        },
      },
      async (request, reply) => {
        const file = await exportDepositOverview(ctx, requireActor(request), request.query, format, localeFromAcceptLanguage(request.headers['accept-language']));
        return reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.body);
      },
    );
  }
}
