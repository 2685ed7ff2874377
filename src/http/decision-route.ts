import type { FastifySchema } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { Actor } from '../accounts/actor.js';
import { IdParams } from '../shared/common.schemas.js';
import { requireActor } from './auth.js';
import type { AppInstance } from './types.js';

export interface DecisionRoute<B extends TSchema, R extends TSchema> {
  /** `POST …/:id/…`: the object decided on is the `:id`. */
  path: `${string}/:id/${string}`;
  tags: string[];
  summary: string;
  body: B;
  /** What the decision answers: the decided object, as it is now. */
  response: R;
  /** The error responses documented beside it. */
  errors: Record<number, TSchema>;
  /**
   * 201 when the decision records something new (a deposit event); 200 otherwise. Such a route
   * also honours `Idempotency-Key` (idempotency.ts): a retried POST would record the copies twice,
   * whereas a repeated state change (approve, return …) is refused by the state itself.
   */
  created?: boolean;
}

/**
 * A decision on one object (approve, reject, return, record received …): POST with the object's
 * id and a body, answered with the object. Who may decide is the service's rule, not a route flag:
 * a member must get 404 on another registrant's object and 403 only on their own.
 */
export function decisionRoute<B extends TSchema, R extends TSchema>(
  app: AppInstance,
  route: DecisionRoute<B, R>,
  decide: (actor: Actor, id: string, body: Static<B>) => Promise<Static<R>>,
): void {
  const status = route.created === true ? 201 : 200;
  // Widened on purpose: the type provider cannot resolve a generic schema's types, so they are
  // stated here once (Fastify validates params and body against these very schemas first).
  const schema: FastifySchema = { tags: route.tags, summary: route.summary, params: IdParams, body: route.body, response: { [status]: route.response, ...route.errors } };
  app.post(route.path, { schema, config: { idempotent: route.created === true } }, async (request, reply) => {
    const { id } = request.params as IdParams;
    return reply.code(status).send(await decide(requireActor(request), id, request.body as Static<B>));
  });
}
