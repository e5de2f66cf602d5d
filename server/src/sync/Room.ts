import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { checkIncomingUpdate, metaOf, repairTransaction, SCHEMA_VERSION } from '@whychain/shared';
import type { Logger } from '../log';
import type { RefusedReason, ServerMetrics } from '../metrics';
import type { DocumentMeta } from '../storage/DocumentStore';
import type { Connection } from './Connection';
import { applyPresence, type PresenceClaims } from './presence';
import { sendState } from './sendState';
import {
  encodeAccepted,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeRefusal,
  encodeSyncStep1,
  encodeUpdate,
  type AwarenessEntry,
  type ClientMessage,
} from './protocol';

/** How long after joining a socket is shown everyone's presence if it sends none of its own. */
const RENEWAL_WAIT_MS = 100;

/** What a room needs from the hub: storage, figures and limits. */
export interface RoomHost {
  readonly metrics: ServerMetrics;
  readonly log: Logger;
  readonly maxDocumentBytes: number;
  /**
   * Stores `update` (what the room's document took in), then relays `message` to every socket of
   * the room but `origin`: at once, or once stored (strict durability).
   */
  persist(
    room: Room,
    update: Uint8Array,
    meta: DocumentMeta | undefined,
    message: Uint8Array,
    origin: Connection | null,
    receivedAt: number,
  ): void;
}

/**
 * One analysis loaded in memory: its document, the sockets editing it and their presence.
 * Document updates are handed to the host to store and relay; presence is relayed at once and
 * never stored.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  readonly claims: PresenceClaims = new Map();
  /** Sequence number of the last update of this room known to be stored. */
  lastSeq: number;
  /** Updates stored since the last snapshot; drives background compaction. */
  logLength: number;
  /** What the document costs in storage (snapshot plus log); bounded by `maxDocumentBytes`. */
  bytes: number;
  compacting = false;
  destroyed = false;
  private readonly metaMap: Y.Map<unknown>;

  constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    stored: { lastSeq: number; logLength: number; bytes: number },
    private readonly host: RoomHost,
  ) {
    this.lastSeq = stored.lastSeq;
    this.logLength = stored.logLength;
    this.bytes = stored.bytes;
    this.metaMap = metaOf(doc).raw;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.awareness.on(
      'update',
      (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...change.added, ...change.updated, ...change.removed];
        if (this.connections.has(origin as Connection)) {
          const conn = origin as Connection;
          for (const id of [...change.added, ...change.updated]) conn.awarenessIds.add(id);
          for (const id of change.removed) conn.awarenessIds.delete(id);
        }
        const message = encodeAwareness(this.awareness, changed);
        for (const conn of this.connections) if (conn !== origin) conn.send(message);
      },
    );
  }

  /** Title and status as they stand now, kept beside the document for listings. */
  meta(): DocumentMeta {
    const title = this.metaMap.get('title');
    const status = this.metaMap.get('status');
    return {
      title: typeof title === 'string' ? title : '',
      status: typeof status === 'string' ? status : 'draft',
    };
  }

  /** Starts the sync handshake with a new socket and shows it everyone in the room. */
  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    if (this.awareness.getStates().size === 0) return;
    conn.renewalPending = true;
    // A client sends its own presence right after connecting; renew once that is in (so its
    // own id is left out), or shortly after joining if it has none to send.
    setTimeout(() => this.renewFor(conn), RENEWAL_WAIT_MS).unref?.();
  }

  /**
   * Shows a socket that joined everyone in the room at once. A client that reconnects still
   * knows the clocks of the people it saw before and would ignore their unchanged presence
   * until their next renewal (up to 15 s later); so every present entry is renewed, with its
   * clock one up, for all sockets alike (which keeps every replica's clocks in step: the holders
   * take the renewal as their own clock too). The ids the joining socket speaks for or claims
   * are left alone: its own entry is for it to change.
   */
  private renewFor(conn: Connection): void {
    if (!conn.renewalPending || !this.connections.has(conn)) return;
    conn.renewalPending = false;
    const renewed: AwarenessEntry[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (conn.awarenessIds.has(clientId) || this.claims.get(clientId)?.conn === conn) continue;
      const clock = (this.awareness.meta.get(clientId)?.clock ?? 0) + 1;
      renewed.push({ clientId, clock, state: JSON.stringify(state) });
    }
    if (renewed.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwarenessEntries(renewed),
      'renewal',
    );
  }

  /** Forgets a socket and the presence it carried; presence others claimed meanwhile is theirs. */
  leave(conn: Connection): void {
    this.connections.delete(conn);
    for (const [id, claim] of this.claims) {
      if (claim.conn === conn) this.claims.delete(id);
    }
    // A presence someone claimed meanwhile goes straight to them (their entry is newer than the
    // one held), without a removal in between that their client might take as older than itself.
    const gone: number[] = [];
    const handedOver: { conn: Connection; entry: { clientId: number } }[] = [];
    for (const id of conn.awarenessIds) {
      const claim = this.claims.get(id);
      this.claims.delete(id);
      if (claim) {
        this.applyPresence(claim.conn, [claim.entry]);
        handedOver.push(claim);
      } else gone.push(id);
    }
    conn.awarenessIds.clear();
    for (const claim of handedOver) {
      // Not taken (no longer newer, or the claimant speaks for too many): it goes like the rest.
      if (!claim.conn.awarenessIds.has(claim.entry.clientId)) gone.push(claim.entry.clientId);
    }
    if (gone.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, gone, null);
  }

  /** Handles one parsed message from a socket of this room; `raw` is the message as received. */
  receive(conn: Connection, message: ClientMessage, raw: Uint8Array): void {
    switch (message.type) {
      case 'syncStep1':
        sendState(this.doc, conn, message.stateVector, () => this.connections.has(conn));
        break;
      case 'update':
        this.receiveUpdate(conn, message.update, message.step2 ? null : raw, message.step2);
        break;
      case 'awareness':
        this.applyPresence(conn, message.entries);
        break;
      case 'queryAwareness':
        conn.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        break;
    }
  }

  private applyPresence(conn: Connection, entries: Parameters<typeof applyPresence>[2]): void {
    const refused = applyPresence(this, conn, entries);
    if (refused > 0) this.host.metrics.refused('presence_too_large');
    this.renewFor(conn);
  }

  /**
   * Applies a document update from a socket, keeping the document valid: what the update
   * touched is checked against the schema and repaired in the same transaction, so what is
   * stored and relayed is always valid. A valid update is stored and relayed as the bytes
   * received (`raw`, when it came as a plain update message); a repaired one as what the
   * document took in.
   */
  private receiveUpdate(
    conn: Connection,
    update: Uint8Array,
    raw: Uint8Array | null,
    step2: boolean,
  ): void {
    const receivedAt = performance.now();
    const { metrics } = this.host;
    metrics.updatesReceived.inc();
    if (step2) conn.awaitingStep2 = false;
    const doc = this.doc;

    const verdict = checkIncomingUpdate(doc, update, conn);
    if (!verdict.ok) {
      const reason: RefusedReason = !conn.canWrite
        ? 'viewer'
        : Number(this.metaMap.get('schemaVersion')) > SCHEMA_VERSION
          ? 'newer_version'
          : 'closed';
      this.refuse(conn, verdict.reason, reason, update, step2);
      return;
    }
    if (this.bytes + update.byteLength > this.host.maxDocumentBytes) {
      const limit = (this.host.maxDocumentBytes / (1024 * 1024)).toFixed(1);
      this.refuse(
        conn,
        `This analysis has reached its size limit (${limit} MiB); this change was not saved.`,
        'too_large',
        update,
        step2,
      );
      return;
    }

    const wasClosed = this.metaMap.get('status') === 'closed';
    const store = doc.store;
    const pendingBefore = [store.pendingStructs, store.pendingDs];
    let transaction: Y.Transaction | null = null;
    let metaTouched = false;
    let repairs: string[] = [];
    let combined: Uint8Array | null = null;
    // Only a repaired update is encoded again: Yjs encodes one only for 'update' listeners.
    const capture = (u: Uint8Array) => (combined = u);
    doc.transact((tr) => {
      Y.applyUpdate(doc, update, conn);
      repairs = repairTransaction(doc, tr);
      if (repairs.length > 0) doc.on('update', capture);
      transaction = tr;
      metaTouched = (tr.changed as Map<unknown, unknown>).has(this.metaMap);
    }, conn);
    if (repairs.length > 0) doc.off('update', capture);
    // Changed: a type, a deletion, or only a clock (an edit inside a part this replica has
    // garbage collected changes nothing here, yet what the writer does next builds on it).
    const tr = transaction as Y.Transaction | null;
    const changed =
      tr !== null && (tr.changed.size > 0 || tr.deleteSet.clients.size > 0 || clocksMoved(tr));
    const pendingChanged =
      store.pendingStructs !== pendingBefore[0] || store.pendingDs !== pendingBefore[1];
    if (!changed && !pendingChanged) return; // nothing new (a first sync, a duplicate)

    if (repairs.length > 0) {
      metrics.refused('repaired');
      this.host.log('warn', 'repaired an invalid update', {
        analysisId: this.id,
        client: conn.label,
        why: repairs.slice(0, 5).join('; '),
      });
    }
    const stored: Uint8Array = combined ?? update;
    const message = combined || !raw ? encodeUpdate(stored) : raw;
    this.bytes += stored.byteLength;
    this.host.persist(
      this,
      stored,
      metaTouched ? this.meta() : undefined,
      message,
      combined ? null : conn, // a repaired update goes to its writer too: its copy is wrong
      receivedAt,
    );

    if (conn.refused && changed) {
      conn.refused = false;
      conn.send(encodeAccepted());
    }
    // Parts that wait for edits we never got: ask this socket for everything we lack.
    if (!step2 && (store.pendingStructs || store.pendingDs)) this.askForMissing(conn);
    // Reopened: those whose changes were refused while it was closed send what they kept.
    if (metaTouched && wasClosed && this.metaMap.get('status') !== 'closed') {
      for (const other of this.connections) if (other.refused) this.askForMissing(other);
    }
  }

  /**
   * Tells the socket its change was refused and why; the socket stays open, so the person keeps
   * following the meeting, and their client keeps the change. When the refused update builds
   * on changes we never took (their earlier refused edits), the socket is asked for all it has,
   * so that a change that would be accepted as a whole (a reopen with what was kept) is judged
   * as a whole.
   */
  private refuse(
    conn: Connection,
    why: string,
    reason: RefusedReason,
    update: Uint8Array,
    step2: boolean,
  ): void {
    this.host.metrics.refused(reason);
    this.host.log('info', 'write refused', { analysisId: this.id, client: conn.label, why });
    conn.refused = true;
    conn.send(encodeRefusal(why));
    if (!step2 && buildsOnMissing(this.doc, update)) this.askForMissing(conn);
  }

  /** Sends sync step 1: the client answers with everything this document lacks. */
  private askForMissing(conn: Connection): void {
    if (conn.awaitingStep2) return;
    conn.awaitingStep2 = true;
    conn.send(encodeSyncStep1(this.doc));
  }

  /**
   * Makes a change on the server's own behalf (a migration on load, a repair): it is stored and
   * relayed like any other update.
   */
  serverChange(change: () => void): void {
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    this.doc.on('update', capture);
    try {
      change();
    } finally {
      this.doc.off('update', capture);
    }
    if (!update) return;
    const u: Uint8Array = update;
    this.bytes += u.byteLength;
    this.host.persist(this, u, this.meta(), encodeUpdate(u), null, performance.now());
  }

  /** Sends a stored update to every socket but the one it came from. */
  relay(message: Uint8Array, origin: Connection | null): void {
    let sent = 0;
    for (const conn of this.connections) {
      if (conn === origin) continue;
      conn.send(message);
      sent++;
    }
    this.host.metrics.updatesRelayed.inc(sent);
    this.host.metrics.bytesOut.inc(sent * message.byteLength);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Whether the transaction moved some client's clock. */
function clocksMoved(tr: Y.Transaction): boolean {
  for (const [client, clock] of tr.afterState) {
    if ((tr.beforeState.get(client) ?? 0) !== clock) return true;
  }
  return false;
}

/** Whether the update starts, for some client, past what the document has of that client. */
function buildsOnMissing(doc: Y.Doc, update: Uint8Array): boolean {
  for (const [client, clock] of Y.parseUpdateMeta(update).from) {
    if (clock > Y.getState(doc.store, client)) return true;
  }
  return false;
}
