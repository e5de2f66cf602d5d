import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addWhy, closeAnalysis, problemOf, readAnalysis, reopenAnalysis } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitFor,
  waitForServerSnapshot,
} from '../fixtures/server';

describe('a closed analysis is read-only, enforced by the server', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    data.cleanup();
  });

  it('refuses a raw Yjs write to a closed analysis; it reaches nobody; reopening lets edits through', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Closed', problem: 'Why?' });
    const ada = connectClient(server.url, id, 'Ada');
    const bob = connectClient(server.url, id, 'Bob');
    clients.push(ada, bob);
    await Promise.all([ada.synced, bob.synced]);
    const closed = closeAnalysis(
      ada.doc,
      { overrideReason: 'Duplicate of another analysis' },
      ada.origin,
    );
    expect(closed).toEqual({ ok: true, overridden: true });
    await waitForServerSnapshot<{ status: string }>(
      server.url,
      id,
      (s) => s.status === 'closed',
      'closed',
    );

    // Mallory bypasses the commands and writes straight into the Yjs document.
    const mallory = connectClient(server.url, id, 'Mallory');
    clients.push(mallory);
    await mallory.synced;
    const closedBy = new Promise<{ code: number; reason: string }>((resolve) =>
      mallory.provider.once('connection-close', (event: { code: number; reason: string } | null) =>
        resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' }),
      ),
    );
    problemOf(mallory.doc).insert(0, 'HACKED ');
    expect(await closedBy).toEqual({
      code: 4409,
      reason: 'This analysis is closed; reopen it to make changes.',
    });
    mallory.provider.disconnect();

    await new Promise((r) => setTimeout(r, 100));
    expect(readAnalysis(bob.doc).problem).toBe('Why?');
    const onServer = await (await fetch(`${server.url}/api/analyses/${id}`)).json();
    expect(onServer.problem).toBe('Why?');

    expect(addWhy(bob.doc, { parentId: null, text: 'x' }, bob.origin)).toEqual({
      ok: false,
      reason: 'This analysis is closed; reopen it to make changes.',
    });

    expect(reopenAnalysis(bob.doc, bob.origin)).toEqual({ ok: true });
    await waitFor(() => readAnalysis(ada.doc).status === 'draft', 'reopen at Ada');
    const added = addWhy(ada.doc, { parentId: null, text: 'After reopening' }, ada.origin);
    if (!added.ok) throw new Error(added.reason);
    await waitFor(() => readAnalysis(bob.doc).whys[added.id] !== undefined, 'the new why at Bob');
    expect(readAnalysis(bob.doc)).toMatchObject({
      status: 'draft',
      signedOffBy: null,
      closeOverride: null,
    });
  });
});
