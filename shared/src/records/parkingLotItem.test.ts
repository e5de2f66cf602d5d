import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addParkingLotItem, createAnalysis, makeOrigin } from '../index';
import { parkingLotOf } from '../schema';
import { accepts, defaultValue, newRecordMap } from './field';
import { ParkingLotItemRecord } from './parkingLotItem';
import { readRecord } from './read';

const me = makeOrigin('local', 'Ada');

describe('ParkingLotItemRecord', () => {
  it('has a default for every field that its own rule accepts', () => {
    for (const [key, field] of Object.entries(ParkingLotItemRecord.fields)) {
      expect(accepts(field, defaultValue(field)), key).toBe(true);
    }
  });

  it('reads an item written by the command as written, undamaged', () => {
    const doc = new Y.Doc();
    createAnalysis(doc, { title: 'T', problem: 'P' }, me);
    const item = addParkingLotItem(doc, { text: 'Pricing tool budget' }, me);
    if (!item.ok) throw new Error(item.reason);
    expect(readRecord(ParkingLotItemRecord, parkingLotOf(doc).get(item.id)!)).toMatchObject({
      damaged: false,
      values: { text: 'Pricing tool budget', author: 'Ada' },
    });
  });

  it('reads a malformed item with defaults', () => {
    const map = newRecordMap(ParkingLotItemRecord, { text: 'Later' });
    new Y.Doc().getMap('parkingLot').set('parking00001', map);
    map.set('author', ['Ada']);
    expect(readRecord(ParkingLotItemRecord, map)).toMatchObject({
      damaged: true,
      values: { text: 'Later', author: '' },
    });
  });
});
