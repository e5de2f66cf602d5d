import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addWhy, editWhyText, readAnalysis, setRootCause, type WhyId } from '@whychain/shared';
import { connectClient, type TestClient } from '../fixtures/client';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitFor,
  waitForServerSnapshot,
} from '../fixtures/server';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('what is stored survives the server', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  function track(client: TestClient): TestClient {
    cleanups.push(() => client.destroy());
    return client;
  }

  it('keeps everything across a restart on the same data folder', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    let server = await startTestServer(data.dir);
    const id = await createAnalysisOver(server.url, { title: 'Restart', problem: 'Why?' });
    const ada = connectClient(server.url, id, 'Ada');
    await ada.synced;
    let parent: WhyId | null = null;
    for (const text of ['one', 'two', 'three']) {
      const r = addWhy(ada.doc, { parentId: parent, text }, ada.origin);
      if (!r.ok) throw new Error(r.reason);
      parent = r.id;
    }
    setRootCause(ada.doc, { whyId: parent!, rootCause: true }, ada.origin);
    const expected = readAnalysis(ada.doc);
    await waitForServerSnapshot<{ whys: Record<string, { rootCause: boolean }> }>(
      server.url,
      id,
      (s) => s.whys[parent!]?.rootCause === true,
      'the root cause on the server',
    );
    ada.destroy();
    await server.close();

    server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const bob = track(connectClient(server.url, id, 'Bob'));
    await bob.synced;
    expect(readAnalysis(bob.doc)).toEqual(expected);
    const listed = await (await fetch(`${server.url}/api/analyses`)).json();
    expect(listed.analyses).toEqual([
      expect.objectContaining({ id, title: 'Restart', status: 'draft' }),
    ]);
  });

  it('compacts a long update log into a snapshot without losing an edit', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    let server = await startTestServer(data.dir, { compactAfter: 50 });
    const id = await createAnalysisOver(server.url, { title: 'Compaction', problem: 'Why?' });
    const ada = track(connectClient(server.url, id, 'Ada'));
    await ada.synced;
    const why = addWhy(ada.doc, { parentId: null, text: '' }, ada.origin);
    if (!why.ok) throw new Error(why.reason);
    let text = '';
    for (let i = 0; i < 240; i++) {
      text += String.fromCharCode(97 + (i % 26));
      editWhyText(ada.doc, { whyId: why.id, text }, ada.origin);
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 2));
    }
    await waitForServerSnapshot<{ whys: Record<string, { text: string }> }>(
      server.url,
      id,
      (s) => s.whys[why.id]?.text === text,
      'the whole text on the server',
    );
    await server.hub.flush();
    const stored = await server.store.load(id);
    expect(stored!.updates.length).toBeLessThan(240);
    await server.close();

    server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const res = await fetch(`${server.url}/api/analyses/${id}`);
    const body = (await res.json()) as { whys: Record<string, { text: string }> };
    expect(body.whys[why.id]!.text).toBe(text);
  });

  it('loses nothing that was relayed when the server process is killed', async () => {
    const data = tempDataDir();
    cleanups.push(data.cleanup);
    const start = () => startServerProcess(data.dir);
    let proc = await start();
    cleanups.push(() => proc.child.kill('SIGKILL'));
    const id = await createAnalysisOver(proc.url, { title: 'Crash', problem: 'Why?' });
    const ada = connectClient(proc.url, id, 'Ada');
    const bob = connectClient(proc.url, id, 'Bob');
    await Promise.all([ada.synced, bob.synced]);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = addWhy(ada.doc, { parentId: null, text: `answer ${i}` }, ada.origin);
      if (r.ok) ids.push(r.id);
    }
    // Bob has received them all, so the server relayed them, so they were on disk.
    await waitFor(() => readAnalysis(bob.doc).order.length === 30, 'all whys at Bob');
    proc.child.kill('SIGKILL');
    await new Promise((r) => proc.child.once('exit', r));
    ada.destroy();
    bob.destroy();

    proc = await start();
    const carl = track(connectClient(proc.url, id, 'Carl'));
    await carl.synced;
    expect(readAnalysis(carl.doc).rootIds).toEqual(ids);
  });
});

/** Runs `server/src/main.ts` as its own process on a free port, like `npm start` does. */
async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SEED_SAMPLE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}${err}`)));
  });
  return { child, url };
}
