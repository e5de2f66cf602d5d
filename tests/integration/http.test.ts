import { mkdirSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '@whychain/server';
import { startTestServer, tempDataDir } from '../fixtures/server';

/**
 * The HTTP layer on Fastify: schemas that validate and describe every route, the built client
 * served with validators and compression, and errors that say what is wrong.
 */
describe('the HTTP API and the client files', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const appJs = `console.log(${JSON.stringify('Whychain '.repeat(400))});`;

  beforeAll(async () => {
    data = tempDataDir();
    const clientDir = join(data.dir, 'client');
    mkdirSync(join(clientDir, 'assets'), { recursive: true });
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Whychain</title>');
    writeFileSync(join(clientDir, 'assets', 'app-1234.js'), appJs);
    server = await startTestServer(join(data.dir, 'db'), { clientDir });
  });
  afterAll(async () => {
    await server.close();
    data.cleanup();
  });

  const post = (body: unknown) =>
    fetch(`${server.url}/api/analyses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('publishes an OpenAPI document made from the route schemas', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses: object }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/analyses', '/api/analyses/{id}', '/healthz']),
    );
    const create = doc.paths['/api/analyses']!.post!;
    expect(JSON.stringify(create.requestBody)).toContain('"maxLength":200');
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400']));
  });

  it('names the field that is wrong and stores nothing', async () => {
    const cases: [unknown, string, string, string?][] = [
      [{ title: 5 }, 'Title must be text.', 'wrong_type', 'title'],
      [{}, 'Title is required.', 'required', 'title'],
      [{ title: 'Refunds', problem: ['x'] }, 'Problem must be text.', 'wrong_type', 'problem'],
      [[1], 'The body must be an object.', 'wrong_type'],
      [{ title: '   ' }, 'Title is required.', 'required', 'title'],
      [{ title: 'Refunds', owner: 'Ada' }, 'Owner is not a known field.', 'unknown_field', 'owner'],
      [
        { title: 'x'.repeat(201) },
        'Title is too long (201 characters, at most 200).',
        'too_long',
        'title',
      ],
      [
        '{"title":"x","__proto__":{"admin":true}}',
        'Malformed JSON: Object contains forbidden prototype property',
        'malformed_json',
      ],
    ];
    for (const [body, error, code, field] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toEqual(field ? { error, code, field } : { error, code });
    }
    const list = (await (await fetch(`${server.url}/api/analyses`)).json()) as {
      analyses: unknown[];
    };
    expect(list.analyses).toEqual([]);
  });

  it('answers a method a route lacks with 405 and the methods it has', async () => {
    const res = await fetch(`${server.url}/api/analyses`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(await res.json()).toEqual({
      error: 'DELETE is not allowed on /api/analyses; use GET or POST.',
      code: 'method_not_allowed',
    });
  });

  /** A plain GET with node:http: the bytes and headers as sent (fetch would undo the gzip). */
  const rawGet = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        get(`${server.url}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        }).on('error', reject);
      },
    );

  it('serves the client compressed, with validators, and the app for client routes', async () => {
    const asset = await rawGet('/assets/app-1234.js', { 'accept-encoding': 'gzip' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(asset.body).toString()).toBe(appJs);
    expect(asset.body.byteLength).toBeLessThan(appJs.length / 4);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = asset.headers.etag;
    expect(etag).toBeTruthy();

    const again = await rawGet('/assets/app-1234.js', { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);

    const home = await rawGet('/');
    expect(home.status).toBe(200);
    expect(home.body.toString()).toContain('<title>Whychain</title>');

    const route = await rawGet('/a/abc123');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('<title>Whychain</title>');
    expect(route.headers['cache-control']).toBe('no-cache');

    const missingApi = await fetch(`${server.url}/api/nothing-here`);
    expect(missingApi.status).toBe(404);
    expect(await missingApi.json()).toEqual({
      error: 'No API route GET /api/nothing-here.',
      code: 'not_found',
    });
    const docs = await rawGet('/api/docs/');
    expect(docs.status).toBe(200);
    expect(docs.body.toString()).toContain('swagger');
  });
});
