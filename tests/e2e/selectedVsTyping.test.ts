import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addWhyUnder,
  expectWhys,
  nodeSaying,
  openRoom,
  type Person,
  type Room,
} from '../fixtures/room';

const PROBLEM = 'Why are the customers angry?';

/** How the why's node looks: its selection, its text box's frame and its "Editing" tag. */
async function looks(page: Page, text: string) {
  const node = await nodeSaying(page, text);
  return node.evaluate((wrapper) => {
    const card = wrapper.querySelector('.wc-node')!;
    const box = wrapper.querySelector('textarea');
    const frame = box ? getComputedStyle(box) : null;
    return {
      selected: card.classList.contains('is-selected'),
      caret: box !== null && box === document.activeElement,
      frame: frame ? frame.borderTopColor : null,
      fill: frame ? frame.backgroundColor : null,
      tag: getComputedStyle(card.querySelector('.wc-node__head')!, '::after').content,
    };
  });
}

const NONE = 'rgba(0, 0, 0, 0)';

/** A selected why and a why being typed in look different, and the keys move between the two. */
describe('selected or typing', () => {
  let room: Room;
  let ada: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada] = await room.joinAll(['Ada']);
  });
  afterAll(() => room?.close());

  it('draws the text box only while typing, and plain text in a ring once Escape is pressed', async () => {
    await addWhyUnder(ada.page, PROBLEM, 'Overcharged');
    const typing = await looks(ada.page, 'Overcharged');
    expect(typing).toMatchObject({ selected: true, caret: true, tag: '"Editing"' });
    expect(typing.frame).not.toBe(NONE);
    expect(typing.fill).not.toBe(NONE);

    await ada.page.keyboard.press('Escape');
    const selected = await looks(ada.page, 'Overcharged');
    expect(selected).toEqual({
      selected: true,
      caret: false,
      frame: NONE,
      fill: NONE,
      tag: 'none',
    });

    // F2 types in it again, at the end; Escape and Enter add a why beside it.
    await ada.page.keyboard.press('F2');
    await expect.poll(async () => (await looks(ada.page, 'Overcharged')).caret).toBe(true);
    await ada.page.keyboard.type(' twice');
    await expectWhys([ada.page], ['Overcharged twice']);
    await ada.page.keyboard.press('Escape');
    await ada.page.keyboard.press('Enter');
    await expectWhys([ada.page], ['', 'Overcharged twice']);
    expect(ada.errors).toEqual([]);
  });
});
