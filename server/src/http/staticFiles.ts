import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { sendError } from './respond';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built client from `dir`. Paths without a file fall back to index.html so that
 * client-side routes (`/a/:id`) load the app.
 */
export function serveStatic(dir: string) {
  return (req: IncomingMessage, res: ServerResponse, pathname: string): void => {
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      sendError(res, 503, 'The client is not built yet: run `npm run build` (npm start does it).');
      return;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendError(res, 400, 'The address is not valid URL encoding.');
      return;
    }
    let file = normalize(join(dir, decoded));
    if (!file.startsWith(dir + sep) && file !== dir) file = index;
    if (!existsSync(file) || !statSync(file).isFile()) file = index;
    const hashed = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // A file that vanished or cannot be read (say, a rebuild emptied the folder) ends this
    // response, never the server.
    pipeline(createReadStream(file), res, () => undefined);
  };
}
