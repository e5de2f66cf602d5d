import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOf } from '@whychain/shared';
import { connectClient, watchRefusals, type TestClient } from '../fixtures/client';
import {
  addWhyUnder,
  closeInEditor,
  expectWhys,
  nodeSaying,
  openRoom,
  statusOf,
  type Person,
  type Room,
} from '../fixtures/room';
import { waitFor, waitForServerSnapshot } from '../fixtures/server';

const PROBLEM = 'Why are the customers angry?';
const CLOSED = 'This analysis is closed; reopen it to make changes.';
/** The editor's read-only banner and the server's reason both end this way. */
const REOPEN_TO_CHANGE = /reopen it to make changes/i;

/**
 * Once the analysis is closed nobody can change it: no browser offers to, and a client that
 * writes straight into the Yjs document is cut off by the server without anyone seeing its text.
 */
describe('a closed analysis', () => {
  let room: Room;
  let people: readonly Person[];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    people = await room.joinAll(['Ada', 'Bob', 'Carol']);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await room?.close();
  });

  it('cannot be changed from any browser, nor by a raw Yjs client', async () => {
    const pages = people.map((person) => person.page);
    await addWhyUnder(pages[0]!, PROBLEM, 'Overcharged');
    await expectWhys(pages, ['Overcharged']);

    // Ada, the facilitator, closes it from the editor.
    await closeInEditor(pages[0]!, 'Handled in another analysis');

    for (const page of pages) {
      await page.getByText(REOPEN_TO_CHANGE).first().waitFor();
      for (const text of [PROBLEM, 'Overcharged']) {
        await (await nodeSaying(page, text)).click();
        for (const name of ['Why text', 'Problem statement']) {
          for (const box of await page.getByRole('textbox', { name }).all()) {
            expect(await box.isEditable()).toBe(false);
          }
        }
        for (const button of await page.getByRole('button', { name: 'Add why' }).all()) {
          expect(await button.isEnabled()).toBe(false);
        }
      }
    }

    // Mallory bypasses the editor and writes into the document directly.
    const mallory = connectClient(room.server.url, room.analysisId, 'Mallory');
    clients.push(mallory);
    await mallory.synced;
    const seen = watchRefusals(mallory.provider);
    problemOf(mallory.doc).insert(0, 'HACKED ');
    await waitFor(() => seen.refused.length > 0, 'the refusal');
    // Refused with the reason, and left in the room (the server no longer drops the socket).
    expect(seen.refused[0]).toBe(CLOSED);
    expect(mallory.provider.wsconnected).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const page of pages) {
      expect(await page.getByText('HACKED').count()).toBe(0);
      expect(await statusOf(page, 'connected').count()).toBe(1);
    }
    const onServer = await waitForServerSnapshot<{ problem: string; status: string }>(
      room.server.url,
      room.analysisId,
      (snapshot) => snapshot.status === 'closed',
      'the closed analysis on the server',
    );
    expect(onServer.problem).toBe(PROBLEM);
    expect(people.flatMap((person) => person.errors)).toEqual([]);
  });
});
