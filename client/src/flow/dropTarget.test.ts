import { describe, expect, it } from 'vitest';
import { dropTarget } from './dropTarget';

describe('dropTarget', () => {
  const boxes = [
    { id: 'problem', x: 0, y: 0, width: 300, height: 100 },
    { id: 'a', x: 0, y: 200, width: 200, height: 80 },
    { id: 'b', x: 250, y: 200, width: 200, height: 80 },
  ];

  it('finds the node under the point', () => {
    expect(dropTarget(boxes, { x: 10, y: 10 }, 'b')).toBe('problem');
    expect(dropTarget(boxes, { x: 300, y: 250 }, 'a')).toBe('b');
  });

  it('finds nothing over empty canvas, and never the dragged node itself', () => {
    expect(dropTarget(boxes, { x: 220, y: 250 }, 'a')).toBeNull();
    expect(dropTarget(boxes, { x: 100, y: 250 }, 'a')).toBeNull();
  });
});
