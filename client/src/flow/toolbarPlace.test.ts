import { describe, expect, it } from 'vitest';
import { toolbarPlace } from './NodeActions';

const canvas = { width: 800, height: 600 };
const toolbar = { width: 300, height: 36 };
const node = (left: number, top: number) => ({ left, top, width: 240, height: 90 });

describe('toolbarPlace', () => {
  it('centres the toolbar above a node with room above it', () => {
    expect(toolbarPlace(node(280, 200), toolbar, canvas)).toEqual({ left: 250, top: 158 });
  });

  it('puts it below a node at the top edge', () => {
    expect(toolbarPlace(node(280, 10), toolbar, canvas)).toEqual({ left: 250, top: 106 });
  });

  it('moves it sideways to stay inside at the left and right edges', () => {
    expect(toolbarPlace(node(-100, 200), toolbar, canvas)!.left).toBe(4);
    expect(toolbarPlace(node(700, 200), toolbar, canvas)!.left).toBe(800 - 4 - 300);
  });

  it('lays it over a node that fills the height, rather than outside the canvas', () => {
    const tall = { left: 280, top: 20, width: 240, height: 570 };
    const place = toolbarPlace(tall, toolbar, canvas)!;
    expect(place.top).toBeGreaterThanOrEqual(4);
    expect(place.top + toolbar.height).toBeLessThanOrEqual(600 - 4);
  });

  it("leaves a node out of view to React Flow's own placing", () => {
    expect(toolbarPlace(node(-300, 200), toolbar, canvas)).toBeNull();
    expect(toolbarPlace(node(280, 700), toolbar, canvas)).toBeNull();
  });
});
