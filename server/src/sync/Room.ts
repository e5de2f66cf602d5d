import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { checkIncomingUpdate, metaOf } from '@whychain/shared';
import type { DocumentMeta } from '../storage/DocumentStore';
import { Connection } from './Connection';
import {
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSyncStep1,
  encodeSyncStep2,
  type AwarenessEntry,
  type ClientMessage,
} from './protocol';

/** Presence ids one socket may speak for (a browser tab uses one; a new one after a clash). */
const MAX_PRESENCE_IDS = 4;

/** A client tried to change what it may not; the update is dropped and the socket closed. */
export class WriteRefused extends Error {}

/**
 * One analysis loaded in memory: its document, the sockets editing it and their presence.
 * Document updates are handed to `persist` and relayed only once stored (see SyncHub);
 * presence is relayed at once and never stored.
 */
export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Presence entries waiting for the socket that holds their id to go (see applyPresence). */
  private readonly waitingClaims = new Map<number, { conn: Connection; entry: AwarenessEntry }>();
  /** Sequence number of the last update of this room known to be on disk. */
  lastSeq: number;
  /** Updates stored since the last snapshot; drives background compaction. */
  logLength: number;
  compacting = false;
  destroyed = false;

  constructor(
    readonly id: string,
    readonly doc: Y.Doc,
    stored: { lastSeq: number; logLength: number },
    persist: (room: Room, update: Uint8Array, origin: unknown) => void,
  ) {
    this.lastSeq = stored.lastSeq;
    this.logLength = stored.logLength;
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    doc.on('update', (update: Uint8Array, origin: unknown) => persist(this, update, origin));
    this.awareness.on(
      'update',
      (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const changed = [...change.added, ...change.updated, ...change.removed];
        if (origin instanceof Connection) {
          for (const id of [...change.added, ...change.updated]) origin.awarenessIds.add(id);
          for (const id of change.removed) origin.awarenessIds.delete(id);
        }
        const message = encodeAwareness(this.awareness, changed);
        for (const conn of this.connections) if (conn !== origin) conn.send(message);
      },
    );
  }

  /** Title and status as they stand now, kept beside the document for listings. */
  meta(): DocumentMeta {
    const meta = metaOf(this.doc);
    return { title: meta.get('title') ?? '', status: meta.get('status') ?? 'draft' };
  }

  /** Starts the sync handshake with a new socket. */
  join(conn: Connection): void {
    this.connections.add(conn);
    conn.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) conn.send(encodeAwareness(this.awareness, states));
  }

  /** Forgets a socket and the presence it carried; presence others claimed meanwhile is theirs. */
  leave(conn: Connection): void {
    this.connections.delete(conn);
    for (const [id, claim] of this.waitingClaims) {
      if (claim.conn === conn) this.waitingClaims.delete(id);
    }
    // A presence someone claimed meanwhile goes straight to them (their entry is newer than the
    // one held), without a removal in between that their client might take as older than itself.
    const gone: number[] = [];
    const handedOver: { conn: Connection; entry: AwarenessEntry }[] = [];
    for (const id of conn.awarenessIds) {
      const claim = this.waitingClaims.get(id);
      this.waitingClaims.delete(id);
      if (claim) handedOver.push(claim);
      else gone.push(id);
    }
    conn.awarenessIds.clear();
    for (const claim of handedOver) {
      this.applyPresence(claim.conn, [claim.entry]);
      // Not taken (no longer newer, or the claimant speaks for too many): it goes like the rest.
      if (!claim.conn.awarenessIds.has(claim.entry.clientId)) gone.push(claim.entry.clientId);
    }
    if (gone.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, gone, null);
  }

  /** Handles one parsed message from a socket of this room. */
  receive(conn: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'syncStep1':
        conn.send(encodeSyncStep2(this.doc, message.stateVector));
        break;
      case 'update': {
        const verdict = checkIncomingUpdate(this.doc, message.update, conn);
        if (!verdict.ok) throw new WriteRefused(verdict.reason);
        Y.applyUpdate(this.doc, message.update, conn);
        break;
      }
      case 'awareness':
        this.applyPresence(conn, message.entries);
        break;
      case 'queryAwareness':
        conn.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        break;
    }
  }

  /**
   * Applies the presence entries `conn` may set (or clear). Only the socket that first spoke for
   * an id speaks for it until it goes, so nobody can put words in another person's presence.
   * - An entry that is not newer than what the room has is dropped without a word: every
   *   y-websocket client sends the presence it receives straight back.
   * - A newer entry for an id another socket holds is kept aside, and that socket is pinged and
   *   dropped if it does not answer: it is how a reconnected client looks while its old socket
   *   is dead but not yet noticed. When the holder goes, the kept entry is applied.
   * - A socket speaks for a few ids at most (a tab uses one).
   * - A socket's first presence, for an id that is gone from the room, is taken even when its
   *   clock is behind: a client reconnecting after its old socket was dropped.
   */
  private applyPresence(conn: Connection, entries: readonly AwarenessEntry[]): void {
    const own: AwarenessEntry[] = [];
    const restamped: number[] = [];
    let ids = conn.awarenessIds.size;
    for (const entry of entries) {
      const id = entry.clientId;
      const known = this.awareness.meta.get(id)?.clock;
      const newer = known === undefined || entry.clock > known;
      if (conn.awarenessIds.has(id)) {
        if (newer) own.push(entry);
        continue;
      }
      const holder = [...this.connections].find(
        (other) => other !== conn && other.awarenessIds.has(id),
      );
      if (holder) {
        if (!newer) continue;
        // The first claimant keeps its place (a later one cannot jump in at the handover).
        const waiting = this.waitingClaims.get(id);
        if (!waiting || waiting.conn === conn) this.waitingClaims.set(id, { conn, entry });
        holder.checkAlive(() => this.dropClaimsOn(holder));
      } else if (ids < MAX_PRESENCE_IDS && newer) {
        ids++;
        own.push(entry);
      } else if (ids === 0 && !this.awareness.states.has(id) && entry.state !== 'null') {
        // A client back on a new socket, whose presence went with its old one: its clock is
        // behind the removal, so the room would ignore it (and so would everyone else) until it
        // had changed twice. Its first presence is taken with a clock past the removal, which it
        // is told so it counts on from there.
        ids++;
        own.push({ ...entry, clock: known! + 1 });
        restamped.push(id);
      }
    }
    if (own.length > 0) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(own), conn);
    }
    if (restamped.length > 0) conn.send(encodeAwareness(this.awareness, restamped));
  }

  /** The holder answered: it is alive and keeps its presence; the claims on it are void. */
  private dropClaimsOn(holder: Connection): void {
    for (const id of holder.awarenessIds) this.waitingClaims.delete(id);
  }

  /** Sends a stored update to every socket but the one it came from. */
  relay(message: Uint8Array, origin: unknown): void {
    for (const conn of this.connections) if (conn !== origin) conn.send(message);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
