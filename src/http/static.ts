import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { AppInstance } from './types.js';

/** Serves the built web app; unknown non-API GETs get index.html so client routes work. */
export async function registerWeb(app: AppInstance, webDir: string): Promise<boolean> {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn(`web app not built (${index} missing): run "npm run build"`);
    return false;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders: (res, filePath) => {
      // Hashed asset names never change content: cache them for a year; index.html never.
      res.setHeader('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
