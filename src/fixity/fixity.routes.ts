import { requireActor } from '../http/auth.js';
import type { AppInstance, RouteOptions } from '../http/types.js';
import { ErrorResponse } from '../shared/common.schemas.js';
import { FixityRunDetail, FixityRunPage, FixityRunQuery, FixityRunResponse, RunIdParams } from './fixity.schemas.js';
import { getFixityRun, listFixityRuns, startFixityRun, stopFixityRuns } from './fixity.service.js';

const tags = ['fixity'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** 保存檢核: the agency starts a fixity run over every stored object and watches its progress and failures. */
export function fixityRoutes(app: AppInstance, { ctx }: RouteOptions): void {
  // A run going on in the background stops (and records why) before the database closes.
  app.addHook('onClose', async () => {
    await stopFixityRuns();
  });

  app.post(
    '/fixity/runs',
    {
      config: { staff: true },
      schema: { tags, summary: 'Start a fixity run in the background (agency); 409 while one is running', response: { 202: FixityRunResponse, ...errors } },
    },
    async (request, reply) => reply.code(202).send(await startFixityRun(ctx, requireActor(request))),
  );

  app.get(
    '/fixity/runs',
    { config: { staff: true }, schema: { tags, summary: 'Fixity runs, latest first (agency)', querystring: FixityRunQuery, response: { 200: FixityRunPage, ...errors } } },
    (request) => listFixityRuns(ctx, requireActor(request), request.query),
  );

  app.get(
    '/fixity/runs/:runId',
    {
      config: { staff: true },
      schema: {
        tags,
        summary: 'One fixity run: counters, progress, failed and missing objects with what holds each (agency)',
        params: RunIdParams,
        response: { 200: FixityRunDetail, ...errors },
      },
    },
    (request) => getFixityRun(ctx, requireActor(request), request.params.runId),
  );
}
