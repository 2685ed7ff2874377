/** Page of one track in the app; `new` opens the form for a new track. */
export function trackPagePath(albumId: string, trackId: string): string {
  return `/albums/${encodeURIComponent(albumId)}/tracks/${trackId === 'new' ? 'new' : encodeURIComponent(trackId)}`;
}

/** API path of a track of an album. */
export function trackApiPath(albumId: string, trackId: string, suffix = ''): string {
  return `/albums/${encodeURIComponent(albumId)}/tracks/${encodeURIComponent(trackId)}${suffix}`;
}
