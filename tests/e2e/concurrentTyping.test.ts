import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWhyUnder,
  expectWhys,
  openNode,
  openRoom,
  whyTexts,
  type Person,
  type Room,
} from '../fixtures/room';

const PROBLEM = 'Why are the customers angry?';

/**
 * Ada and Bob type at the same moment into the same why, one at its start and one at its end;
 * Carol watches. Every keystroke of both ends up in the why, on all three screens.
 */
describe('two people typing in the same why at once', () => {
  let room: Room;
  let ada: Person;
  let bob: Person;
  let carol: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada, bob, carol] = await room.joinAll(['Ada', 'Bob', 'Carol']);
  });
  afterAll(() => room?.close());

  it('merges both texts in every context', async () => {
    await addWhyUnder(ada.page, PROBLEM, 'the price form');
    await expectWhys([ada.page, bob.page, carol.page], ['the price form']);

    // Bob opens the same why: both have the caret in it, Ada at the end, Bob at the start.
    await openNode(bob.page, 'the price form');
    await ada.page.keyboard.press('Control+End');
    await bob.page.keyboard.press('Control+Home');
    await Promise.all([
      ada.page.keyboard.type(' is last year’s', { delay: 15 }),
      bob.page.keyboard.type('Because ', { delay: 15 }),
    ]);

    await expectWhys([ada.page, bob.page, carol.page], ['Because the price form is last year’s']);
    expect([...ada.errors, ...bob.errors, ...carol.errors]).toEqual([]);
  });

  it("keeps each person's word together when both type at the end of the why", async () => {
    const everyone = [ada.page, bob.page, carol.page];
    // Both still have the caret in the why from the test above; it gets a space to type after.
    await ada.page.keyboard.press('Control+End');
    await ada.page.keyboard.type(' ');
    let expected = 'Because the price form is last year’s ';
    await expectWhys(everyone, [expected]);
    for (let attempt = 0; attempt < 10; attempt++) {
      await ada.page.keyboard.press('Control+End');
      await bob.page.keyboard.press('Control+End');
      await Promise.all([
        ada.page.keyboard.type('alpha ', { delay: 15 }),
        bob.page.keyboard.type('omega ', { delay: 15 }),
      ]);
      const length = expected.length + 12;
      for (const page of everyone) {
        await expect.poll(async () => (await whyTexts(page))[0]!.length).toBe(length);
      }
      const texts = (await Promise.all(everyone.map(whyTexts))).map(([text]) => text!);
      expect(new Set(texts).size).toBe(1);
      // Each word arrives whole, in either order, never glued as "omegaalpha  ".
      expect([`${expected}alpha omega `, `${expected}omega alpha `]).toContain(texts[0]);
      expected = texts[0]!;
    }
    expect([...ada.errors, ...bob.errors, ...carol.errors]).toEqual([]);
  });
});
