import * as Y from 'yjs';
import type { Connection } from './Connection';
import { PartEncoder } from './PartEncoder';
import { encodeSyncStep2, encodeUpdate } from './protocol';
import { SLICE_MS } from './slices';

/** The encoding of an empty update: a sync step 2 when the socket lacks nothing. */
const EMPTY_UPDATE = new Uint8Array([0, 0]);

/**
 * Answers a socket's sync step 1 with everything it lacks, encoded in parts (PartEncoder). What
 * fits in one slice of the event loop goes at once as one sync step 2, as before; a big document
 * goes on over later turns, its parts as plain updates and the last as sync step 2: y-websocket
 * clients count as synced at step 2 only, once they have all of it, and whatever changes
 * meanwhile reaches the socket as relayed updates, since it is in the room already. So no single
 * encoding of the whole document holds the loop (15 to 55 ms at 2,000 whys here). Stops when
 * `stillThere` says the socket has left.
 */
export function sendState(
  doc: Y.Doc,
  conn: Connection,
  stateVector: Uint8Array,
  stillThere: () => boolean,
): void {
  const encoder = new PartEncoder(doc, Y.decodeStateVector(stateVector));
  const started = performance.now();
  const parts: Uint8Array[] = [];
  for (let part = encoder.next(); part; part = encoder.next()) {
    parts.push(part);
    if (performance.now() - started < SLICE_MS) continue;
    void sendRest(doc, conn, encoder, parts, stillThere);
    return;
  }
  const all = parts.length > 1 ? Y.mergeUpdates(parts) : (parts[0] ?? EMPTY_UPDATE);
  conn.send(encodeSyncStep2(all));
}

async function sendRest(
  doc: Y.Doc,
  conn: Connection,
  encoder: PartEncoder,
  parts: Uint8Array[],
  stillThere: () => boolean,
): Promise<void> {
  // One part is always held back, so that the last one can go as sync step 2.
  let held = parts.pop()!;
  for (const part of parts) conn.send(encodeUpdate(part));
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (doc.isDestroyed || !stillThere()) return;
    const sliceStart = performance.now();
    do {
      const part = encoder.next();
      if (!part) {
        conn.send(encodeSyncStep2(held));
        return;
      }
      conn.send(encodeUpdate(held));
      held = part;
    } while (performance.now() - sliceStart < SLICE_MS);
  }
}
