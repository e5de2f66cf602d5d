import * as Y from 'yjs';
import { PartEncoder } from './PartEncoder';

/**
 * Time given to loading or compacting a big analysis per turn of the event loop before the
 * other rooms get theirs (their edits wait at most about this long).
 */
export const SLICE_MS = 8;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Applies updates in order, as many per turn (in one transaction) as fit in a slice. */
export async function applyInSlices(doc: Y.Doc, updates: readonly Uint8Array[]): Promise<void> {
  let next = 0;
  while (next < updates.length) {
    const sliceStart = performance.now();
    doc.transact(() => {
      while (next < updates.length && performance.now() - sliceStart < SLICE_MS) {
        Y.applyUpdate(doc, updates[next++]!);
      }
    });
    await nextTurn();
  }
}

/**
 * The parts of a document (PartEncoder), as many per turn as fit in a slice; the time the
 * consumer takes between two parts (the store writing them) counts. Stops with an error once
 * `gone` says the document was unloaded meanwhile.
 */
export async function* encodeInSlices(doc: Y.Doc, gone: () => boolean): AsyncGenerator<Uint8Array> {
  const encoder = new PartEncoder(doc);
  let sliceStart = performance.now();
  for (;;) {
    if (gone()) throw new Error('the analysis was unloaded during its compaction');
    const part = encoder.next();
    if (!part) return;
    yield part;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}
