import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWhyUnder,
  blockSync,
  expectWhys,
  openNode,
  openRoom,
  STATUS,
  statusOf,
  whyTexts,
  type Person,
  type Room,
} from '../fixtures/room';

const PROBLEM = 'Why are the customers angry?';

/**
 * Ada opened the analysis before. When she opens it again and the sync server cannot be reached,
 * her browser shows it from its own copy at once and lets her work; once the server is reachable
 * her work and Bob's merge.
 */
describe('reopening an analysis this browser has seen', () => {
  let room: Room;
  let ada: Person;
  let bob: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada, bob] = await room.joinAll(['Ada', 'Bob']);
  });
  afterAll(() => room?.close());

  it('shows it from the cache before the server answers, then syncs', async () => {
    await addWhyUnder(ada.page, PROBLEM, 'Overcharged');
    await expectWhys([ada.page, bob.page], ['Overcharged']);

    const blocked = await blockSync(ada.page);
    await ada.page.reload();
    await ada.page.getByText(PROBLEM).first().waitFor();
    await expectWhys([ada.page], ['Overcharged']);
    // Nothing came from the server: what Ada sees is her browser's copy.
    await statusOf(ada.page, 'offline').waitFor();

    await openNode(ada.page, 'Overcharged');
    await ada.page.keyboard.press('Control+End');
    await ada.page.keyboard.type(' twice', { delay: 5 });
    await addWhyUnder(bob.page, PROBLEM, 'Late delivery');
    expect(await statusOf(ada.page, 'offline').textContent()).toBe(STATUS.offline);
    expect(await whyTexts(ada.page)).toEqual(['Overcharged twice']);

    blocked.unblock();
    await statusOf(ada.page, 'connected').waitFor({ timeout: 10_000 });
    await expectWhys([ada.page, bob.page], ['Late delivery', 'Overcharged twice']);
    expect([...ada.errors, ...bob.errors]).toEqual([]);
  });
});
