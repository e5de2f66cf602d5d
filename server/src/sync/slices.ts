import * as Y from 'yjs';
import { PartEncoder } from './PartEncoder';

/**
 * Time given to loading or compacting a big analysis per turn of the event loop before the
 * other rooms get theirs (their edits wait at most about this long).
 */
export const SLICE_MS = 8;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * An update this big (a snapshot part, not a keystroke) is applied in a transaction of its own:
 * measured here, 22 parts of a 2,000-why snapshot took 1 to 2 ms each on their own and 170 to
 * 200 ms in one transaction together. Small ones share one, whose cleanup would cost more than
 * applying each of them.
 */
const OWN_TRANSACTION_BYTES = 4096;

/** Applies updates in order, as many per turn as fit in a slice. */
export async function applyInSlices(doc: Y.Doc, updates: readonly Uint8Array[]): Promise<void> {
  let next = 0;
  const small = () => updates[next]!.byteLength < OWN_TRANSACTION_BYTES;
  while (next < updates.length) {
    const sliceStart = performance.now();
    const inSlice = () => next < updates.length && performance.now() - sliceStart < SLICE_MS;
    while (inSlice()) {
      if (!small()) Y.applyUpdate(doc, updates[next++]!);
      else {
        doc.transact(() => {
          do Y.applyUpdate(doc, updates[next++]!);
          while (inSlice() && small());
        });
      }
    }
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
