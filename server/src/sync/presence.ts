import * as awarenessProtocol from 'y-protocols/awareness';
import type { Connection } from './Connection';
import { encodeAwareness, encodeAwarenessEntries, type AwarenessEntry } from './protocol';

/** Presence ids one socket may speak for (a browser tab uses one; a new one after a clash). */
const MAX_PRESENCE_IDS = 4;
/** The largest presence state of one client (its JSON text): a name, a colour, a selection. */
export const MAX_PRESENCE_BYTES = 16 * 1024;

/** Presence entries waiting for the socket that holds their id to go. */
export type PresenceClaims = Map<number, { conn: Connection; entry: AwarenessEntry }>;

/** What presence handling needs of a room. */
export interface PresenceRoom {
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections: ReadonlySet<Connection>;
  readonly claims: PresenceClaims;
}

/**
 * Applies the presence entries `conn` may set (or clear); returns how many were refused as too
 * large. Only the socket that first spoke for an id speaks for it until it goes, so nobody can
 * put words in another person's presence.
 * - An entry that is not newer than what the room has is dropped without a word: every
 *   y-websocket client sends the presence it receives straight back. One exception: the holder
 *   sending a different state at the clock the room has. That is a change it made just as the
 *   room renewed its entry (see Room.join); it is taken with the clock one up, and the holder
 *   is told so it counts on from there.
 * - A newer entry for an id another socket holds is kept aside, and that socket is pinged and
 *   dropped if it does not answer: it is how a reconnected client looks while its old socket
 *   is dead but not yet noticed. When the holder goes, the kept entry is applied.
 * - A socket speaks for a few ids at most (a tab uses one).
 * - A socket's first presence, for an id that is gone from the room, is taken even when its
 *   clock is behind: a client reconnecting after its old socket was dropped.
 */
export function applyPresence(
  room: PresenceRoom,
  conn: Connection,
  entries: readonly AwarenessEntry[],
): number {
  const { awareness } = room;
  const own: AwarenessEntry[] = [];
  const restamped: number[] = [];
  let tooLarge = 0;
  let ids = conn.awarenessIds.size;
  for (const entry of entries) {
    const id = entry.clientId;
    if (entry.state.length > MAX_PRESENCE_BYTES) {
      tooLarge++;
      continue;
    }
    const known = awareness.meta.get(id)?.clock;
    const newer = known === undefined || entry.clock > known;
    if (conn.awarenessIds.has(id)) {
      if (newer) own.push(entry);
      else if (
        entry.clock === known &&
        entry.state !== 'null' &&
        entry.state !== JSON.stringify(awareness.states.get(id) ?? null)
      ) {
        own.push({ ...entry, clock: known + 1 });
        restamped.push(id);
      }
      continue;
    }
    const holder = [...room.connections].find(
      (other) => other !== conn && other.awarenessIds.has(id),
    );
    if (holder) {
      if (!newer) continue;
      // The first claimant keeps its place (a later one cannot jump in at the handover).
      const waiting = room.claims.get(id);
      if (!waiting || waiting.conn === conn) room.claims.set(id, { conn, entry });
      holder.checkAlive(() => {
        // The holder answered: it is alive and keeps its presence; the claims on it are void.
        for (const held of holder.awarenessIds) room.claims.delete(held);
      });
    } else if (ids < MAX_PRESENCE_IDS && newer) {
      ids++;
      own.push(entry);
    } else if (ids === 0 && !awareness.states.has(id) && entry.state !== 'null') {
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
    awarenessProtocol.applyAwarenessUpdate(awareness, encodeAwarenessEntries(own), conn);
  }
  if (restamped.length > 0) conn.send(encodeAwareness(awareness, restamped));
  return tooLarge;
}
