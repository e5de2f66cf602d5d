import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addWhy, closeAnalysis, problemOf, readAnalysis, reopenAnalysis } from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, watchRefusals, type TestClient } from '../fixtures/client';
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
    const seen = watchRefusals(mallory.provider);
    problemOf(mallory.doc).insert(0, 'HACKED ');
    await waitFor(() => seen.refused.length > 0, 'the refusal');
    expect(seen.refused[0]).toBe('This analysis is closed; reopen it to make changes.');
    // Refused, not thrown out: the socket stays open.
    expect(mallory.provider.wsconnected).toBe(true);
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

  it('keeps a refused person in the room; what they kept goes through once someone reopens', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Closed', problem: 'Why?' });
    const ada = connectClient(server.url, id, 'Ada');
    const bob = connectClient(server.url, id, 'Bob');
    clients.push(ada, bob);
    await Promise.all([ada.synced, bob.synced]);
    const seen = watchRefusals(bob.provider);
    closeAnalysis(ada.doc, { overrideReason: 'Done for now' }, ada.origin);
    await waitFor(() => readAnalysis(bob.doc).status === 'closed', 'the close at Bob');

    // Bob types into the problem while it is closed (as an offline copy would have): refused.
    bob.doc.transact(() => problemOf(bob.doc).insert(4, ' (kept by Bob)'), bob.origin);
    await waitFor(() => seen.refused.length > 0, 'the refusal');
    expect(bob.provider.wsconnected).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(readAnalysis(ada.doc).problem).toBe('Why?');

    // Bob still follows the room: Ada reopens and adds a why; Bob sees both at once.
    expect(reopenAnalysis(ada.doc, ada.origin)).toEqual({ ok: true });
    const added = addWhy(ada.doc, { parentId: null, text: 'After reopening' }, ada.origin);
    if (!added.ok) throw new Error(added.reason);
    await waitFor(() => readAnalysis(bob.doc).whys[added.id] !== undefined, 'the why at Bob');
    // And what Bob kept reaches Ada, without Bob reconnecting, and he is told it is accepted.
    await waitFor(() => readAnalysis(ada.doc).problem === 'Why? (kept by Bob)', 'Bob’s kept edit');
    await waitFor(() => seen.accepted > 0, 'the acceptance');
    expect(bob.provider.wsconnected).toBe(true);
    const onServer = await waitForServerSnapshot<{ problem: string }>(
      server.url,
      id,
      (s) => s.problem === 'Why? (kept by Bob)',
      'the kept edit on the server',
    );
    expect(onServer.problem).toBe('Why? (kept by Bob)');
  });

  it('lets a refused person reopen with what they kept, in one go', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Closed', problem: 'Why?' });
    const ada = connectClient(server.url, id, 'Ada');
    const bob = connectClient(server.url, id, 'Bob');
    clients.push(ada, bob);
    await Promise.all([ada.synced, bob.synced]);
    const seen = watchRefusals(bob.provider);
    closeAnalysis(ada.doc, { overrideReason: 'Done for now' }, ada.origin);
    await waitFor(() => readAnalysis(bob.doc).status === 'closed', 'the close at Bob');
    bob.doc.transact(() => problemOf(bob.doc).insert(4, '!'), bob.origin);
    await waitFor(() => seen.refused.length > 0, 'the refusal');

    // Bob's reopen builds on his refused edit: the server asks him for everything and takes it.
    expect(reopenAnalysis(bob.doc, bob.origin)).toEqual({ ok: true });
    await waitFor(() => readAnalysis(ada.doc).status === 'draft', 'the reopen at Ada');
    await waitFor(() => readAnalysis(ada.doc).problem === 'Why?!', 'the kept edit at Ada');
    expect(bob.provider.wsconnected).toBe(true);
  });
});
