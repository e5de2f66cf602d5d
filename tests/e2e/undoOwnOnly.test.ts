import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWhyUnder,
  expectWhys,
  openNode,
  openRoom,
  type Person,
  type Room,
} from '../fixtures/room';

const PROBLEM = 'Why are the customers angry?';

/**
 * Ada's Ctrl+Z takes back Ada's last change only: Bob's words, typed into Ada's why and into a
 * why of his own in between, stay on every screen.
 */
describe('undo takes back only my own change', () => {
  let room: Room;
  let ada: Person;
  let bob: Person;
  let carol: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada, bob, carol] = await room.joinAll(['Ada', 'Bob', 'Carol']);
  });
  afterAll(() => room?.close());

  it('never removes what someone else typed', async () => {
    const everyone = [ada.page, bob.page, carol.page];
    await addWhyUnder(ada.page, PROBLEM, 'Overcharged');
    await expectWhys(everyone, ['Overcharged']);

    // Bob adds a why of his own, then types into Ada's.
    await addWhyUnder(bob.page, PROBLEM, 'Late delivery');
    await openNode(bob.page, 'Overcharged');
    await bob.page.keyboard.press('Control+Home');
    await bob.page.keyboard.type('Badly ', { delay: 5 });
    await expectWhys(everyone, ['Badly Overcharged', 'Late delivery']);

    // Ada adds to her why, then takes that back with the keyboard.
    await openNode(ada.page, 'Badly Overcharged');
    await ada.page.keyboard.press('Control+End');
    await ada.page.keyboard.type(' twice', { delay: 5 });
    await expectWhys(everyone, ['Badly Overcharged twice', 'Late delivery']);
    await ada.page.keyboard.press('Control+z');

    await expectWhys(everyone, ['Badly Overcharged', 'Late delivery']);
    expect([...ada.errors, ...bob.errors, ...carol.errors]).toEqual([]);
  });
});
