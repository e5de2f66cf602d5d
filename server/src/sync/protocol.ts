import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

/** Message types of the y-websocket wire protocol. */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
/** Sub-types of a sync message (y-protocols/sync). */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

/** One decoded message from a client. */
export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'queryAwareness' };

/** One client's presence in an awareness update: its id, clock and state (JSON text). */
export interface AwarenessEntry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: string;
}

/** Parses an awareness update (y-protocols' encoding); throws when it is malformed. */
function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state = decoding.readVarString(decoder);
    JSON.parse(state); // a state that is no JSON would fail later, at every other client
    entries.push({ clientId, clock, state });
  }
  if (decoding.hasContent(decoder)) throw new Error('unexpected bytes after the awareness update');
  return entries;
}

/** An awareness update (y-protocols' encoding) of the given entries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

/** Parses a client message; throws an Error saying what is wrong when it is malformed. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  let message: ClientMessage;
  switch (type) {
    case MESSAGE.sync: {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === SYNC.step1) {
        Y.decodeStateVector(payload);
        message = { type: 'syncStep1', stateVector: payload };
      } else if (sub === SYNC.step2 || sub === SYNC.update) {
        Y.decodeUpdate(payload); // parses the whole update so a bad one never half-applies
        message = { type: 'update', update: payload, step2: sub === SYNC.step2 };
      } else {
        throw new Error(`unknown sync message type ${sub}`);
      }
      break;
    }
    case MESSAGE.awareness:
      message = {
        type: 'awareness',
        entries: decodeAwarenessEntries(decoding.readVarUint8Array(decoder)),
      };
      break;
    case MESSAGE.queryAwareness:
      message = { type: 'queryAwareness' };
      break;
    default:
      throw new Error(`unknown message type ${type}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('unexpected bytes after the message');
  return message;
}

/** Sync step 1: our state vector, asking the client for what we miss. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, SYNC.step1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

/**
 * Sync step 2 carrying `update`: the last of what the client misses (y-websocket clients count
 * themselves synced when it arrives).
 */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, SYNC.step2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A document update to relay. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, SYNC.update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Auth sub-types: y-protocols' permission denied, and ours for "your changes are accepted again". */
export const AUTH = { permissionDenied: 0, accepted: 1 } as const;

/**
 * Tells a client its change was refused and why (y-protocols' auth message, which stock clients
 * log); the socket stays open, so the person keeps following the meeting.
 */
export function encodeRefusal(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.auth);
  encoding.writeVarUint(encoder, AUTH.permissionDenied);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** Tells a client that was refused that its changes are accepted again (stock clients ignore it). */
export function encodeAccepted(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.auth);
  encoding.writeVarUint(encoder, AUTH.accepted);
  encoding.writeVarString(encoder, '');
  return encoding.toUint8Array(encoder);
}

/** The awareness states of the given clients. */
export function encodeAwareness(
  awareness: awarenessProtocol.Awareness,
  clients: number[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
