import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWhyUnder, openRoom, type Person, type Room } from '../fixtures/room';

const PROBLEM = 'Why are the customers angry?';

/** The canvas's pan and zoom, read from the transform React Flow puts on its viewport. */
async function view(person: Person): Promise<{ x: number; y: number; zoom: number }> {
  const style = await person.page.locator('.react-flow__viewport').getAttribute('style');
  const match = /translate\(([-\d.]+)px, ?([-\d.]+)px\) scale\(([\d.]+)\)/.exec(style ?? '');
  if (!match) throw new Error(`No transform on the canvas: ${style}`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

describe('the overview map', () => {
  let room: Room;
  let ada: Person;

  beforeAll(async () => {
    room = await openRoom({ title: 'Angry customers', problem: PROBLEM });
    [ada] = await room.joinAll(['Ada']);
  });
  afterAll(() => room?.close());

  it('draws every node, moves the view to where it is pressed, and zooms with the wheel', async () => {
    await addWhyUnder(ada.page, PROBLEM, 'Overcharged');
    await addWhyUnder(ada.page, 'Overcharged', 'The price form is wrong');
    await ada.page.keyboard.press('Escape');
    const overview = ada.page.getByRole('img', { name: 'Overview of the tree' });
    expect(await overview.locator('.wc-overview__node').count()).toBe(3);
    const box = (await overview.boundingBox())!;
    const before = await view(ada);

    // Pressing near the top left corner brings that part of the tree to the middle of the view,
    // so the tree moves right and down on screen.
    await ada.page.mouse.click(box.x + 8, box.y + 8);
    await expect.poll(async () => (await view(ada)).x).toBeGreaterThan(before.x);
    const moved = await view(ada);
    expect(moved.y).toBeGreaterThan(before.y);
    expect(moved.zoom).toBe(before.zoom);

    // Dragging on the map moves the view along, and back to where the press put it.
    await ada.page.mouse.move(box.x + 30, box.y + 40);
    await ada.page.mouse.down();
    const pressed = await view(ada);
    await ada.page.mouse.move(box.x + 90, box.y + 70, { steps: 5 });
    await expect.poll(async () => (await view(ada)).x).toBeLessThan(pressed.x);
    await ada.page.mouse.move(box.x + 30, box.y + 40, { steps: 5 });
    await ada.page.mouse.up();
    await expect.poll(() => view(ada)).toEqual(pressed);

    await ada.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await ada.page.mouse.wheel(0, -100);
    await expect.poll(async () => (await view(ada)).zoom).toBeGreaterThan(moved.zoom);
    expect(ada.errors).toEqual([]);
  });
});
