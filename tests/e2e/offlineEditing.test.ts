import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWhyUnder,
  expectWhys,
  openNode,
  openRoom,
  STATUS,
  statusOf,
  whyTexts,
  type Person,
  type Room,
} from '../fixtures/room';
import { waitForServerSnapshot } from '../fixtures/server';

const PROBLEM = 'Why are the customers angry?';

/**
 * Carol's browser loses the network. She keeps working and is told her changes are kept on her
 * device; Ada and Bob keep working too. When Carol is back, all three converge with every edit.
 */
describe('editing offline', () => {
  let room: Room;
  let ada: Person;
  let bob: Person;
  let carol: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada, bob, carol] = await room.joinAll(['Ada', 'Bob', 'Carol']);
  });
  afterAll(() => room?.close());

  it('keeps every edit made offline and merges it on reconnect', async () => {
    await addWhyUnder(ada.page, PROBLEM, 'Overcharged');
    await expectWhys([ada.page, bob.page, carol.page], ['Overcharged']);

    await carol.context.setOffline(true);
    const offline = statusOf(carol.page, 'offline');
    await offline.waitFor();
    expect(await offline.textContent()).toBe(STATUS.offline);

    // Carol answers the problem and adds to Ada's why, offline.
    await addWhyUnder(carol.page, PROBLEM, 'Late delivery');
    await openNode(carol.page, 'Overcharged');
    await carol.page.keyboard.press('Control+End');
    await carol.page.keyboard.type(' again', { delay: 5 });
    // Meanwhile Ada answers her why and Bob adds to it too.
    await addWhyUnder(ada.page, 'Overcharged', 'Wrong price form');
    await openNode(bob.page, 'Overcharged');
    await bob.page.keyboard.press('Control+Home');
    await bob.page.keyboard.type('Badly ', { delay: 5 });

    await expectWhys([ada.page, bob.page], ['Badly Overcharged', 'Wrong price form']);
    expect(await whyTexts(carol.page)).toEqual(['Late delivery', 'Overcharged again']);
    expect(await offline.textContent()).toBe(STATUS.offline);

    await carol.context.setOffline(false);
    await statusOf(carol.page, 'connected').waitFor({ timeout: 10_000 });
    const merged = ['Badly Overcharged again', 'Late delivery', 'Wrong price form'];
    await expectWhys([ada.page, bob.page, carol.page], merged);
    await waitForServerSnapshot<{ whys: Record<string, { text: string }> }>(
      room.server.url,
      room.analysisId,
      (snapshot) =>
        JSON.stringify(
          Object.values(snapshot.whys)
            .map((why) => why.text)
            .sort(),
        ) === JSON.stringify(merged),
      'the merged whys on the server',
    );
    expect([...ada.errors, ...bob.errors, ...carol.errors]).toEqual([]);
  });
});
