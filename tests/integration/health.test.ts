import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { createAnalysisOver, startTestServer, tempDataDir } from '../fixtures/server';

interface Health {
  ok: boolean;
  storage: { writable: boolean; error?: string };
  durability: string;
  loadedAnalyses: number;
}

async function health(server: RunningServer): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${server.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Health };
}

describe('GET /healthz says whether storage accepts writes', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  async function serverIn(dir: string, options: Parameters<typeof startTestServer>[1] = {}) {
    const server = await startTestServer(dir, options);
    cleanups.push(() => server.close());
    return server;
  }

  it('answers 200 with the durability and the analyses loaded', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const server = await serverIn(data.dir);
    expect(await health(server)).toEqual({
      status: 200,
      body: { ok: true, storage: { writable: true }, durability: 'relaxed', loadedAnalyses: 0 },
    });
    const id = await createAnalysisOver(server.url, { title: 'Healthy', problem: 'Why?' });
    const ada: TestClient = connectClient(server.url, id, 'Ada');
    cleanups.push(() => ada.destroy());
    await ada.synced;
    expect((await health(server)).body.loadedAnalyses).toBe(1);

    const strictData = tempDataDir();
    cleanups.push(strictData.cleanup);
    const strict = await serverIn(strictData.dir, { durability: 'strict' });
    expect(await health(strict)).toMatchObject({ status: 200, body: { durability: 'strict' } });
  });

  it('answers 503 with the reason once the database is closed, and 200 after a clean restart', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const server = await serverIn(data.dir);
    const id = await createAnalysisOver(server.url, { title: 'Kept', problem: 'Why?' });
    await server.store.close();
    const { status, body } = await health(server);
    expect(status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.storage.writable).toBe(false);
    expect(body.storage.error).toMatch(/closed/);
    await server.close();

    const again = await serverIn(data.dir);
    expect(await health(again)).toMatchObject({ status: 200, body: { ok: true } });
    const res = await fetch(`${again.url}/api/analyses/${id}`);
    expect(((await res.json()) as { title: string }).title).toBe('Kept');
  });

  it('answers 503 while another process holds the write lock, 200 once it lets go', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const server = await serverIn(data.dir);
    // A backup tool or an sqlite3 shell in a write transaction on the same file.
    const other = new Database(join(data.dir, 'whychain.sqlite'));
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    const locked = await health(server);
    expect(locked.status).toBe(503);
    expect(locked.body).toMatchObject({ ok: false, storage: { writable: false } });
    expect(locked.body.storage.error).toMatch(/locked|busy/i);
    other.exec('ROLLBACK');
    expect(await health(server)).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('answers 503 when the data folder is gone from under the server', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const server = await serverIn(data.dir);
    expect((await health(server)).status).toBe(200);
    rmSync(data.dir, { recursive: true, force: true });
    const { status, body } = await health(server);
    expect(status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.storage).toEqual({ writable: false, error: expect.stringMatching(/ENOENT/) });
  });
});
