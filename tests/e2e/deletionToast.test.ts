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
const TOP = 'Because the form is old';
const BRANCH = [TOP, 'Nobody owns the form', 'Ownership was never assigned', 'Old prices on it'];

/**
 * Ada deletes a why with three answers below it: a toast says so and offers Undo, Bob is told
 * who removed what, and Ada's Undo brings the whole branch back on both screens.
 */
describe('deleting a branch', () => {
  let room: Room;
  let ada: Person;
  let bob: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada, bob] = await room.joinAll(['Ada', 'Bob']);
  });
  afterAll(() => room?.close());

  it('shows a toast whose Undo brings all of it back, on every screen', async () => {
    await addWhyUnder(ada.page, PROBLEM, TOP);
    await addWhyUnder(ada.page, TOP, BRANCH[1]!);
    await addWhyUnder(ada.page, BRANCH[1]!, BRANCH[2]!);
    await addWhyUnder(ada.page, TOP, BRANCH[3]!);
    await expectWhys([ada.page, bob.page], BRANCH);

    // From the keyboard: leave the text box (the why stays selected), then Delete.
    await openNode(ada.page, TOP);
    await ada.page.keyboard.press('Escape');
    await ada.page.keyboard.press('Delete');
    await expectWhys([ada.page, bob.page], []);

    const toast = ada.page
      .getByRole('status')
      .filter({ hasText: `Deleted '${TOP}' and 3 answers below it` });
    await toast.waitFor();
    const told = bob.page
      .getByRole('status')
      .filter({ hasText: `Ada removed '${TOP}' and 3 answers below it` });
    await told.waitFor();
    expect(await told.getByRole('button', { name: 'Undo' }).count()).toBe(0);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await expectWhys([ada.page, bob.page], BRANCH);
    await toast.waitFor({ state: 'detached' });
    expect([...ada.errors, ...bob.errors]).toEqual([]);
  });
});
