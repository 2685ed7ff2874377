import type { Actor } from '../accounts/actor.js';

/** 保存檢核 is the agency's: administrators and officers start runs and read their results. */
export const mayRunFixity = (actor: Actor): actor is Extract<Actor, { kind: 'staff' }> => actor.kind === 'staff';
