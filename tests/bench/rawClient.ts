import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

function syncMessage(sub: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * A lean y-websocket client: one socket and one Y.Doc, speaking the sync protocol (step 1,
 * step 2, updates) and nothing else (no awareness, no reconnects, no timers), so that a few
 * thousand of them fit in a handful of processes. Local changes to `doc` are sent as they
 * happen unless `sendLocal` is false (the caller then sends with `sendUpdate`).
 */
export class RawClient {
  readonly doc: Y.Doc;
  readonly ws: WebSocket;
  /** Resolves once the server's sync step 2 is applied: the client has the whole document. */
  readonly synced: Promise<void>;
  /** process.hrtime.bigint() when the socket was created and when step 2 was applied. */
  readonly openedAt = process.hrtime.bigint();
  syncedAt = 0n;
  /** Called after every update from the network is applied. */
  onRemote: (() => void) | null = null;
  /** Refusals the server sent (auth messages), as text. */
  readonly refusals: string[] = [];
  private markSynced!: () => void;

  constructor(baseUrl: string, room: string, options: { doc?: Y.Doc; sendLocal?: boolean } = {}) {
    this.doc = options.doc ?? new Y.Doc();
    this.synced = new Promise((resolve) => (this.markSynced = resolve));
    this.ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/${room}`);
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => this.ws.send(syncMessage(STEP1, Y.encodeStateVector(this.doc))));
    this.ws.on('message', (data: Buffer) => this.receive(data));
    this.ws.on('error', () => undefined); // closes follow; the bench notices missing arrivals
    if (options.sendLocal !== false) {
      this.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== this) this.sendUpdate(update);
      });
    }
  }

  sendUpdate(update: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(syncMessage(UPDATE, update));
  }

  /** Bytes queued in the socket and not yet handed to the kernel. */
  get buffered(): number {
    return this.ws.bufferedAmount;
  }

  private receive(data: Buffer): void {
    const decoder = decoding.createDecoder(
      new Uint8Array(data.buffer, data.byteOffset, data.length),
    );
    const type = decoding.readVarUint(decoder);
    if (type === 2) {
      decoding.readVarUint(decoder);
      this.refusals.push(decoding.readVarString(decoder));
      return;
    }
    if (type !== MESSAGE_SYNC) return; // awareness and the rest: not needed here
    const sub = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (sub === STEP1) {
      this.ws.send(syncMessage(STEP2, Y.encodeStateAsUpdate(this.doc, payload)));
      return;
    }
    Y.applyUpdate(this.doc, payload, this);
    if (sub === STEP2 && this.syncedAt === 0n) {
      this.syncedAt = process.hrtime.bigint();
      this.markSynced();
    }
    if (sub === UPDATE || sub === STEP2) this.onRemote?.();
  }

  /** Milliseconds from creating the socket to having the whole document. */
  get syncMs(): number {
    return Number(this.syncedAt - this.openedAt) / 1e6;
  }

  close(): void {
    this.ws.close();
    this.doc.destroy();
  }
}
