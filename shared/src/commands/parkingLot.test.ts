import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addParkingLotItem,
  createAnalysis,
  makeOrigin,
  readAnalysis,
  removeParkingLotItem,
} from '../index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');

/** Waits for the clock to move on, so records made before and after get different times. */
function nextMillisecond(): void {
  const now = Date.now();
  while (Date.now() === now) {
    // spin: readAnalysis lists by creation time, and ties are broken by random id
  }
}

function fresh(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Customers were overcharged' }, ada);
  return doc;
}

describe('addParkingLotItem', () => {
  it('sets a trimmed point aside with its author and time, oldest first', () => {
    const doc = fresh();
    const before = Date.now();
    const first = addParkingLotItem(doc, { text: '  Refund policy is unclear ' }, bob);
    nextMillisecond();
    const second = addParkingLotItem(doc, { text: 'New till supplier?' }, ada);
    const after = Date.now();
    if (!first.ok || !second.ok) throw new Error('expected ok');
    const items = readAnalysis(doc).parkingLot;
    expect(items).toMatchObject([
      { id: first.id, text: 'Refund policy is unclear', author: 'Bob' },
      { id: second.id, text: 'New till supplier?', author: 'Ada' },
    ]);
    for (const item of items) {
      expect(item.createdAt).toBeGreaterThanOrEqual(before);
      expect(item.createdAt).toBeLessThanOrEqual(after);
    }
  });

  it.each([
    ['an empty point', '', 'A parking lot item cannot be empty.'],
    ['a blank point', '   ', 'A parking lot item cannot be empty.'],
    [
      'a point over the limit',
      'x'.repeat(5001),
      'Parking lot item is too long (5001 characters, at most 5000).',
    ],
    ['a point that is not text', undefined, 'Parking lot item must be text.'],
  ])('refuses %s and adds nothing', (_, text, reason) => {
    const doc = fresh();
    expect(addParkingLotItem(doc, { text: text as string }, ada)).toEqual({ ok: false, reason });
    expect(readAnalysis(doc).parkingLot).toEqual([]);
  });
});

describe('removeParkingLotItem', () => {
  it('takes one point off and leaves the others', () => {
    const doc = fresh();
    const first = addParkingLotItem(doc, { text: 'Refund policy' }, ada);
    nextMillisecond();
    addParkingLotItem(doc, { text: 'Till supplier' }, ada);
    if (!first.ok) throw new Error(first.reason);
    expect(removeParkingLotItem(doc, { id: first.id }, bob)).toEqual({ ok: true });
    expect(readAnalysis(doc).parkingLot.map((i) => i.text)).toEqual(['Till supplier']);
  });

  it('refuses a point that is not there, or no longer there', () => {
    const doc = fresh();
    const added = addParkingLotItem(doc, { text: 'Refund policy' }, ada);
    if (!added.ok) throw new Error(added.reason);
    const notThere = { ok: false, reason: 'This item is no longer in the parking lot.' };
    expect(removeParkingLotItem(doc, { id: 'nosuchitem01' }, ada)).toEqual(notThere);
    expect(removeParkingLotItem(doc, { id: added.id }, ada)).toEqual({ ok: true });
    expect(removeParkingLotItem(doc, { id: added.id }, ada)).toEqual(notThere);
    expect(readAnalysis(doc).parkingLot).toEqual([]);
  });
});
