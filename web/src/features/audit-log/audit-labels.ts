/** Actions and object types the audit log viewer names in words; others show their code. */
export const KNOWN_ACTIONS = [
  'album.create',
  'album.update',
  'album.delete',
  'album.submit',
  'album.approve',
  'album.return',
  'album.cover.upload',
  'album.cover.remove',
  'track.create',
  'track.cite',
  'track.update',
  'track.isrc',
  'track.delete',
  'track.uncite',
  'trackAudio.upload',
  'trackAudio.delete',
  'isrc.allocate',
  'isrc.claim',
  'registrant.create',
  'registrant.update',
  'registrant-code.create',
  'registrant-code.update',
  'pool-code.create',
  'pool-code.update',
  'user.create',
  'user.update',
  'user.password.change',
  'user.password.reset',
  'user.password.changeFailed',
  'user.locale.change',
  'user.role.change',
  'auth.login',
  'auth.logout',
  'auth.loginFailed',
  'auth.lockout',
  'api_token.create',
  'api_token.revoke',
  'application.submit',
  'application.approve',
  'application.reject',
  'changeRequest.create',
  'changeRequest.attach',
  'changeRequest.withdraw',
  'changeRequest.approve',
  'changeRequest.reject',
  'deposit.sent',
  'deposit.received',
  'deposit.event.delete',
  'deposit.audio',
  'fixity.start',
  'settings.agency.update',
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

/** A known action (its locale key is `actions.<action>`: i18next reads the dots as nesting). */
export function knownAction(action: string): KnownAction | undefined {
  return KNOWN_ACTIONS.find((a) => a === action);
}

export const KNOWN_ENTITY_TYPES = [
  'album',
  'recording',
  'registrant',
  'registrant_code',
  'user',
  'changeRequest',
  'registrant_application',
  'agency_settings',
  'api_token',
] as const;
export type KnownEntityType = (typeof KNOWN_ENTITY_TYPES)[number];

export function knownEntityType(type: string): KnownEntityType | undefined {
  return KNOWN_ENTITY_TYPES.find((t) => t === type);
}

/** Where an object of the entry can be opened, for the types that have a page. */
export function entityPath(type: string, id: string): string | undefined {
  if (type === 'album') {
    return `/review/${encodeURIComponent(id)}`;
  }
  if (type === 'registrant') {
    return `/admin/registrants/${encodeURIComponent(id)}`;
  }
  if (type === 'changeRequest') {
    return `/admin/change-requests/${encodeURIComponent(id)}`;
  }
  if (type === 'registrant_application') {
    return `/admin/applications/${encodeURIComponent(id)}`;
  }
  return undefined;
}
