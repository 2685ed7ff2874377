import { describe, expect, it } from 'vitest';
import { routePattern, RouteMethods } from './route-methods.js';

describe('routePattern', () => {
  it('takes one segment for a parameter and anything for a wildcard', () => {
    const album = routePattern('/api/v1/albums/:id/tracks/:trackId');
    expect(album.test('/api/v1/albums/abc/tracks/def')).toBe(true);
    expect(album.test('/api/v1/albums/abc/tracks')).toBe(false);
    expect(album.test('/api/v1/albums/a/b/tracks/def')).toBe(false);
    expect(routePattern('/api/v1/uploads/*').test('/api/v1/uploads/x/y')).toBe(true);
    expect(routePattern('/api/v1/a.b').test('/api/v1/aXb')).toBe(false);
  });
});

describe('RouteMethods', () => {
  const routes = new RouteMethods();
  routes.add({ url: '/api/v1/albums/:id', method: 'GET' });
  routes.add({ url: '/api/v1/albums/:id', method: ['PATCH', 'DELETE'] });
  routes.add({ url: '/api/v1/albums/:id/submit', method: 'POST' });

  it('lists every method of the paths matching, with HEAD for GET and OPTIONS, sorted', () => {
    expect(routes.allowed('/api/v1/albums/42?x=1')).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH']);
    expect(routes.allowed('/api/v1/albums/42/submit')).toEqual(['OPTIONS', 'POST']);
  });

  it('is empty for a path no route has', () => {
    expect(routes.allowed('/api/v1/albums')).toEqual([]);
    expect(routes.allowed('/api/v1/albums/42/nothing')).toEqual([]);
  });
});
