import { afterEach, describe, expect, it } from 'vitest';
import {
  addWhy,
  deleteWhy,
  editWhyText,
  readAnalysis,
  type AnalysisSnapshot,
} from '@whychain/shared';
import type { RunningServer } from '@whychain/server';
import { connectClient, waitConverged, type TestClient } from '../fixtures/client';
import {
  createAnalysisOver,
  startTestServer,
  tempDataDir,
  waitFor,
  waitForServerSnapshot,
} from '../fixtures/server';

/**
 * Found by the sync fuzz test: an edit that lands in a part someone deleted meanwhile changes
 * nothing on the server (the deleted part is garbage collected there), yet it moves the writer's
 * clock. It must still be passed on, or everything the writer does next waits, at every other
 * client and in storage, for a change that never comes.
 */
describe('an edit to a why someone deleted meanwhile', () => {
  let data: ReturnType<typeof tempDataDir>;
  let server: RunningServer;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    data.cleanup();
  });

  it('does not hold back what its writer does next', async () => {
    data = tempDataDir();
    server = await startTestServer(data.dir);
    const id = await createAnalysisOver(server.url, { title: 'Deleted', problem: 'Why?' });
    const ada = connectClient(server.url, id, 'Ada');
    const bob = connectClient(server.url, id, 'Bob');
    clients.push(ada, bob);
    await Promise.all([ada.synced, bob.synced]);
    const doomed = addWhy(ada.doc, { parentId: null, text: 'A guess' }, ada.origin);
    if (!doomed.ok) throw new Error(doomed.reason);
    await waitFor(() => readAnalysis(bob.doc).whys[doomed.id] !== undefined, 'the why at Bob');

    // Bob types in the why while his connection is down; Ada deletes it meanwhile.
    bob.provider.disconnect();
    editWhyText(bob.doc, { whyId: doomed.id, text: 'A guess, and Bob’s note' }, bob.origin);
    expect(deleteWhy(ada.doc, { whyId: doomed.id }, ada.origin).ok).toBe(true);
    await waitForServerSnapshot<AnalysisSnapshot>(
      server.url,
      id,
      (s) => s.whys[doomed.id] === undefined,
      'the delete on the server',
    );
    bob.provider.connect();
    await waitFor(() => bob.provider.synced, 'Bob back in sync');

    const next = addWhy(bob.doc, { parentId: null, text: 'Bob’s next answer' }, bob.origin);
    if (!next.ok) throw new Error(next.reason);
    await waitFor(
      () => readAnalysis(ada.doc).whys[next.id] !== undefined,
      'Bob’s next answer at Ada',
    );
    await waitConverged([ada, bob]);
    expect(ada.doc.store.pendingStructs).toBeNull();

    // And it is stored: a restart (with everyone gone) still has it.
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    server = await startTestServer(data.dir);
    const stored = (await (
      await fetch(`${server.url}/api/analyses/${id}`)
    ).json()) as AnalysisSnapshot;
    expect(stored.whys[next.id]?.text).toBe('Bob’s next answer');
    expect(stored.whys[doomed.id]).toBeUndefined();
  });
});
