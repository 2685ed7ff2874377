import { Type } from 'typebox';
import type { AppInstance } from './types.js';

export function healthRoutes(app: AppInstance, options: { ping: () => Promise<void> }): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and database check',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('ok') }), 503: Type.Object({ status: Type.Literal('unavailable'), database: Type.String() }) },
      },
      config: { public: true },
    },
    async (request, reply) => {
      try {
        await options.ping();
        return { status: 'ok' as const, database: 'ok' as const };
      } catch (err) {
        request.log.error({ err }, 'health check: database unreachable');
        return reply.code(503).send({ status: 'unavailable' as const, database: 'unreachable' });
      }
    },
  );
}
