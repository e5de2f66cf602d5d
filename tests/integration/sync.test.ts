import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addWhy,
  editProblem,
  editWhyText,
  readAnalysis,
  setRootCause,
  type WhyId,
} from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, type TestClient } from '../fixtures/client';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

describe('two clients editing one analysis through the server', () => {
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

  function join(id: string, name: string): TestClient {
    const client = connectClient(server.url, id, name);
    clients.push(client);
    return client;
  }

  it('shows each edit of one client in the other', async () => {
    const id = await createAnalysisOver(server.url, {
      title: 'Angry customers',
      problem: 'Why are the customers angry?',
    });
    const ada = join(id, 'Ada');
    const bob = join(id, 'Bob');
    await Promise.all([ada.synced, bob.synced]);
    expect(readAnalysis(bob.doc).problem).toBe('Why are the customers angry?');

    const first = addWhy(ada.doc, { parentId: null, text: 'Overcharged' }, ada.origin);
    if (!first.ok) throw new Error(first.reason);
    await waitFor(() => readAnalysis(bob.doc).order.length === 1, 'the why at Bob');
    expect(readAnalysis(bob.doc).whys[first.id]).toMatchObject({ text: 'Overcharged', depth: 1 });

    const second = addWhy(bob.doc, { parentId: first.id, text: 'Form wrong' }, bob.origin);
    if (!second.ok) throw new Error(second.reason);
    setRootCause(bob.doc, { whyId: second.id, rootCause: true }, bob.origin);
    await waitFor(
      () => readAnalysis(ada.doc).whys[second.id]?.rootCause === true,
      'root cause at Ada',
    );
    expect(readAnalysis(ada.doc).whys[second.id]).toMatchObject({
      parentId: first.id,
      depth: 2,
      createdBy: 'Bob',
    });
  });

  it('merges concurrent typing in the same why character by character', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Merge', problem: 'p' });
    const ada = join(id, 'Ada');
    const bob = join(id, 'Bob');
    await Promise.all([ada.synced, bob.synced]);
    const why = addWhy(ada.doc, { parentId: null, text: 'the form' }, ada.origin);
    if (!why.ok) throw new Error(why.reason);
    const whyId: WhyId = why.id;
    await waitFor(() => readAnalysis(bob.doc).whys[whyId] !== undefined, 'the why at Bob');

    editWhyText(ada.doc, { whyId, text: 'Because the form' }, ada.origin);
    editWhyText(bob.doc, { whyId, text: 'the form is wrong' }, bob.origin);
    editProblem(bob.doc, { text: 'p!' }, bob.origin);
    const expected = 'Because the form is wrong';
    await waitFor(
      () =>
        readAnalysis(ada.doc).whys[whyId]?.text === expected &&
        readAnalysis(bob.doc).whys[whyId]?.text === expected,
      'both edits at both clients',
    );
    expect(readAnalysis(ada.doc).problem).toBe('p!');
  });

  it('shares presence: each client sees who else is in the room', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Presence', problem: 'p' });
    const ada = join(id, 'Ada');
    const bob = join(id, 'Bob');
    await Promise.all([ada.synced, bob.synced]);
    const names = (c: TestClient) =>
      [...c.provider.awareness.getStates().values()]
        .map((s) => (s as { user?: { name: string } }).user?.name)
        .sort();
    await waitFor(() => names(ada).length === 2, 'Bob in Ada’s room');
    expect(names(ada)).toEqual(['Ada', 'Bob']);

    bob.destroy();
    await waitFor(() => names(ada).length === 1, 'Bob gone from Ada’s room');
    expect(names(ada)).toEqual(['Ada']);
  });

  it('sends the stored document to a client that joins later, and unloads it when all leave', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Late joiner', problem: 'p' });
    const ada = join(id, 'Ada');
    await ada.synced;
    for (let i = 0; i < 20; i++) addWhy(ada.doc, { parentId: null, text: `why ${i}` }, ada.origin);
    await waitFor(() => server.hub.loadedCount === 1, 'room loaded');
    const carl = join(id, 'Carl');
    await carl.synced;
    await waitFor(() => readAnalysis(carl.doc).order.length === 20, 'all whys at Carl');

    ada.destroy();
    carl.destroy();
    await waitFor(() => server.hub.loadedCount === 0, 'room unloaded');
    const res = await fetch(`${server.url}/api/analyses/${id}`);
    const body = (await res.json()) as { order: string[] };
    expect(body.order).toHaveLength(20);
  });
});
