import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addWhy, problemOf, readAnalysis } from '@whychain/shared';
import type { AccessCheck, RunningServer } from '@whychain/server';
import { connectClient, watchRefusals, type TestClient } from '../fixtures/client';
import { createAnalysisOver, startTestServer, tempDataDir, waitFor } from '../fixtures/server';

/** Everyone may write except sockets that ask to be viewers (a stand-in until accounts exist). */
const viewersByQuery: AccessCheck = ({ request }) => {
  const role = new URL(request.url ?? '/', 'http://x').searchParams.get('role');
  return { allowed: true, canWrite: role !== 'viewer' };
};

describe('a viewer who may not write', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];
  const providers: WebsocketProvider[] = [];

  beforeEach(async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir, { access: viewersByQuery });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const p of providers.splice(0)) p.destroy();
    await server.close();
    data.cleanup();
  });

  it('syncs and follows the edits, but its own writes are refused and reach no one', async () => {
    const id = await createAnalysisOver(server.url, { title: 'Viewers', problem: 'Why?' });
    const ada = connectClient(server.url, id, 'Ada');
    clients.push(ada);
    const viewerDoc = new Y.Doc();
    const viewer = new WebsocketProvider(
      `${server.url.replace('http', 'ws')}/sync`,
      id,
      viewerDoc,
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { role: 'viewer' },
      },
    );
    providers.push(viewer);
    await Promise.all([ada.synced, new Promise((r) => viewer.once('sync', r))]);

    const added = addWhy(ada.doc, { parentId: null, text: 'Seen by the viewer' }, ada.origin);
    if (!added.ok) throw new Error(added.reason);
    await waitFor(
      () => readAnalysis(viewerDoc).whys[added.id] !== undefined,
      'the why at the viewer',
    );
    expect(viewer.wsconnected).toBe(true);

    const seen = watchRefusals(viewer);
    problemOf(viewerDoc).insert(0, 'VIEWER ');
    await waitFor(() => seen.refused.length > 0, 'the refusal');
    expect(seen.refused).toEqual(['You can view this analysis but not change it.']);
    // Still in the room: the viewer keeps following the edits.
    expect(viewer.wsconnected).toBe(true);
    const later = addWhy(ada.doc, { parentId: null, text: 'Later' }, ada.origin);
    if (!later.ok) throw new Error(later.reason);
    await waitFor(() => readAnalysis(viewerDoc).whys[later.id] !== undefined, 'the later why');
    viewer.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    expect(readAnalysis(ada.doc).problem).toBe('Why?');
  });
});
