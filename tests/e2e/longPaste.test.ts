import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWhyUnder, openRoom, whyTexts, type Person, type Room } from '../fixtures/room';

const PROBLEM = 'Why are the customers angry?';

/** A paste far longer than a why may be keeps the first 5,000 characters, and says so. */
describe('a long paste into a why', () => {
  let room: Room;
  let ada: Person;
  let bob: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada, bob] = await room.joinAll(['Ada', 'Bob']);
  });
  afterAll(() => room?.close());

  it('keeps what fits and tells what was cut', async () => {
    await addWhyUnder(ada.page, PROBLEM, '');
    const pasted = 'The log says the nightly job timed out. '.repeat(500);
    expect(pasted).toHaveLength(20_000);
    // What a paste does to a text box: the whole clipboard text goes in as one input.
    await ada.page.keyboard.insertText(pasted);

    const notice = ada.page.getByRole('alert');
    await expect
      .poll(() => notice.textContent())
      .toContain('Only the first 5,000 characters fit; 15,000 were cut.');
    const box = ada.page.getByRole('textbox', { name: 'Why text' });
    expect(await box.inputValue()).toBe(pasted.slice(0, 5_000));
    for (const page of [ada.page, bob.page]) {
      await expect.poll(() => whyTexts(page)).toEqual([pasted.slice(0, 5_000)]);
    }

    // The notice stays while typing goes on, so it cannot be missed.
    await ada.page.keyboard.press('Backspace');
    await expect.poll(() => whyTexts(ada.page)).toEqual([pasted.slice(0, 4_999)]);
    expect(await notice.textContent()).toContain('15,000 were cut');
    expect([...ada.errors, ...bob.errors]).toEqual([]);
  });
});
