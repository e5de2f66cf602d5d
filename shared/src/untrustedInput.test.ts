import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addWhy,
  checkIncomingUpdate,
  closeAnalysis,
  createAnalysis,
  makeOrigin,
  readAnalysis,
  whysOf,
  actionsOf,
  type WhyId,
} from './index';

const me = makeOrigin('local', 'Ada');

/** An update holding only a filler (GC) struct of `length` for `client` from `clock` on. */
function fillerUpdate(client: number, clock: number, length: number): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 1); // one client
  encoding.writeVarUint(enc, 1); // one struct
  encoding.writeVarUint(enc, client);
  encoding.writeVarUint(enc, clock);
  encoding.writeUint8(enc, 0); // GC
  encoding.writeVarUint(enc, length);
  encoding.writeVarUint(enc, 0); // empty delete set
  return encoding.toUint8Array(enc);
}

describe('what another replica may send', () => {
  it('refuses a viewer update that only burns a writer’s clock range', () => {
    const server = new Y.Doc();
    createAnalysis(server, { title: 'T', problem: 'P' }, me);
    const writer = new Y.Doc();
    writer.clientID = 777;
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
    addWhy(writer, { parentId: null, text: 'first' }, me);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(writer, Y.encodeStateVector(server)));
    const burn = fillerUpdate(777, Y.getState(writer.store, 777), 1 << 30);
    expect(checkIncomingUpdate(server, burn, { canWrite: false })).toEqual({
      ok: false,
      reason: 'You can view this analysis but not change it.',
    });
    closeAnalysis(server, { overrideReason: 'Done' }, me);
    expect(checkIncomingUpdate(server, burn).ok).toBe(false);
  });

  it('lets a viewer’s empty first sync through even when the server holds a pending update', () => {
    const server = new Y.Doc();
    createAnalysis(server, { title: 'T', problem: 'P' }, me);
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    addWhy(writer, { parentId: null, text: 'one' }, me);
    addWhy(writer, { parentId: null, text: 'two' }, me);
    Y.applyUpdate(server, updates[1]!); // arrives before the one it depends on: pending
    expect(server.store.pendingStructs).not.toBeNull();
    const viewer = new Y.Doc();
    Y.applyUpdate(viewer, Y.encodeStateAsUpdate(server));
    const empty = Y.encodeStateAsUpdate(viewer, Y.encodeStateVector(server));
    expect(checkIncomingUpdate(server, empty, { canWrite: false })).toEqual({ ok: true });
  });

  it('refuses a why with the id "problem" and survives one written straight into the document', () => {
    const doc = new Y.Doc();
    createAnalysis(doc, { title: 'T', problem: 'P' }, me);
    expect(addWhy(doc, { parentId: null, text: 'x', id: 'problem' as WhyId }, me).ok).toBe(false);
    doc.transact(() => {
      const fake = new Y.Map<unknown>();
      fake.set('parentId', 'problem');
      fake.set('text', new Y.Text('loop'));
      whysOf(doc).set('problem', fake);
      whysOf(doc).set('notamap000', 'garbage' as never);
      actionsOf(doc).set('notamap001', 42 as never);
    });
    const snapshot = readAnalysis(doc);
    expect(snapshot.order).toEqual([]);
    expect(snapshot.actions).toEqual([]);
    const real = addWhy(doc, { parentId: null, text: 'real' }, me);
    expect(real.ok).toBe(true);
    expect(readAnalysis(doc).order).toHaveLength(1);
  });
});
