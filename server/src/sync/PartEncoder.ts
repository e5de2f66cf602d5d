import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * Structs written per part at most: applying one part is about a millisecond of work, and even
 * the first in a process (before the JIT warms up) stays near 10 ms. Measured at 2,000 whys: 65
 * parts of about 12 KiB; with 1,500 structs a cold part took 55 to 65 ms of CPU.
 */
export const PART_STRUCTS = 500;
/** Characters of content per part at most (a long text is one struct but costs its length). */
export const PART_CHARS = 32 * 1024;

type Struct = Y.Item | Y.GC;
interface Run {
  client: number;
  /** Clock the run starts at (inside its first struct when that was written in part before). */
  clock: number;
  structs: Struct[];
}

/**
 * Encodes a document as a sequence of small Yjs updates (V1), one `next()` at a time, so that
 * neither encoding nor applying the whole of a big document ever holds the event loop in one go:
 * `Y.encodeStateAsUpdate` of 2,000 whys takes 15 to 55 ms here and applying it 65 to 200 ms.
 *
 * The parts are the document as it is (garbage collected, like `encodeStateAsUpdate`), cut so
 * that every struct's dependencies (its left and right origins and its parent) are in the same
 * part or an earlier one: applied in order, each part integrates at once and nothing waits as
 * pending. Each part carries the deletions of the structs it holds.
 *
 * The document may change between two calls (the other sockets keep editing). Each call writes
 * what the document holds then, from the clock the previous one stopped at, so the parts hold at
 * least the state the encoder started from; what changed since is new updates, which the caller
 * has anyway (in the log after the compacted sequence, or relayed to the socket being synced).
 *
 * `from` is a state vector the receiver already has (a syncing client's): structs below it are
 * not written, only their deletions, so the parts are then the diff a sync step 2 would send.
 */
export class PartEncoder {
  private readonly done = new Map<number, number>();
  private readonly target: Map<number, number>;
  private readonly from: Map<number, number>;
  /** Clients whose deletions below `from` are still to be sent. */
  private readonly prefix: Array<[client: number, upTo: number]>;
  private prefixClock = 0;
  private pendingSent = false;

  constructor(
    private readonly doc: Y.Doc,
    from: Map<number, number> = new Map(),
    private readonly budget = { structs: PART_STRUCTS, chars: PART_CHARS },
  ) {
    this.target = new Map();
    for (const [client, structs] of doc.store.clients) {
      const last = structs[structs.length - 1]!;
      this.target.set(client, last.id.clock + last.length);
    }
    this.from = new Map(from);
    for (const [client, clock] of this.from) this.done.set(client, clock);
    this.prefix = [...this.from]
      .filter(([client, clock]) => clock > 0 && doc.store.clients.has(client))
      .map(([client, clock]) => [client, Math.min(clock, this.target.get(client)!)]);
  }

  /** The next part, or null when the whole document has been written. */
  next(): Uint8Array | null {
    if (this.prefix.length > 0) return this.nextDeletions();
    const runs = this.collect();
    // Clients in decreasing order, as Yjs writes them: a small document's one part is then the
    // very bytes of `encodeStateAsUpdate`.
    if (runs.length > 0) return encodeRuns(runs.sort((a, b) => b.client - a.client));
    if (this.pendingSent) return null;
    this.pendingSent = true;
    return this.pending();
  }

  /** Deletions of structs the receiver already has (below `from`), a bounded number at a time. */
  private nextDeletions(): Uint8Array {
    const ds = new Map<number, Array<[clock: number, len: number]>>();
    let left = this.budget.structs * 4; // only clocks and lengths: cheaper than structs
    while (this.prefix.length > 0 && left > 0) {
      const [client, upTo] = this.prefix[0]!;
      const structs = this.doc.store.clients.get(client) ?? [];
      let i = this.prefixClock === 0 ? 0 : Y.findIndexSS(structs, this.prefixClock);
      for (; i < structs.length && left > 0; i++, left--) {
        const s = structs[i]!;
        if (s.id.clock >= upTo) break;
        const start = Math.max(s.id.clock, this.prefixClock);
        const end = Math.min(s.id.clock + s.length, upTo);
        if (s.deleted && end > start) addRange(ds, client, start, end - start);
        this.prefixClock = end;
      }
      if (this.prefixClock >= upTo || i >= structs.length) {
        this.prefix.shift();
        this.prefixClock = 0;
      }
    }
    const encoder = new Y.UpdateEncoderV1();
    encoding.writeVarUint(encoder.restEncoder, 0); // no structs
    writeDeletions(encoder, ds);
    return encoder.toUint8Array();
  }

  /**
   * Takes structs in an order that respects their dependencies, client by client, until the
   * part is full or everything up to the target is taken.
   */
  private collect(): Run[] {
    const runs = new Map<number, Run>();
    let structs = 0;
    let chars = 0;
    let progress = true;
    const full = () => structs >= this.budget.structs || chars >= this.budget.chars;
    while (progress && !full()) {
      progress = false;
      for (const [client, target] of this.target) {
        let clock = this.done.get(client) ?? 0;
        if (clock >= target) continue;
        const list = this.doc.store.clients.get(client)!;
        let i = Y.findIndexSS(list, clock);
        while (i < list.length && clock < target && !full()) {
          const s = list[i]!;
          if (!this.ready(s, clock - s.id.clock)) break; // a dependency is not written yet
          let run = runs.get(client);
          if (!run) runs.set(client, (run = { client, clock, structs: [] }));
          run.structs.push(s);
          structs++;
          chars += s.length - (clock - s.id.clock);
          clock = s.id.clock + s.length;
          this.done.set(client, clock);
          progress = true;
          i++;
        }
      }
    }
    if (!progress && runs.size === 0 && this.remaining()) {
      // Every client waits on another: cannot happen for a document Yjs built, since a struct
      // only ever points at what existed before it; write the rest as one part to stay correct.
      return this.rest();
    }
    return [...runs.values()];
  }

  private remaining(): boolean {
    for (const [client, target] of this.target) {
      if ((this.done.get(client) ?? 0) < target) return true;
    }
    return false;
  }

  private rest(): Run[] {
    const runs: Run[] = [];
    for (const [client, target] of this.target) {
      const clock = this.done.get(client) ?? 0;
      if (clock >= target) continue;
      const list = this.doc.store.clients.get(client)!;
      runs.push({ client, clock, structs: list.slice(Y.findIndexSS(list, clock)) });
      const last = list[list.length - 1]!;
      this.done.set(client, last.id.clock + last.length);
    }
    return runs;
  }

  /**
   * Whether everything a struct points at is written (or held by the receiver). Written from an
   * offset, its left origin is its own character before the offset, written already.
   */
  private ready(s: Struct, offset: number): boolean {
    if (!(s instanceof Y.Item)) return true;
    if (offset === 0 && s.origin && !this.has(s.origin)) return false;
    if (s.rightOrigin && !this.has(s.rightOrigin)) return false;
    const parent = s.parent;
    if (parent instanceof Y.AbstractType && parent._item && !this.has(parent._item.id))
      return false;
    return true;
  }

  private has(id: Y.ID): boolean {
    return id.clock < (this.done.get(id.client) ?? 0);
  }

  /** Updates the document holds but could not integrate yet (they wait on missing ones). */
  private pending(): Uint8Array | null {
    const { pendingStructs, pendingDs } = this.doc.store;
    const updates: Uint8Array[] = [];
    if (pendingStructs) updates.push(Y.convertUpdateFormatV2ToV1(pendingStructs.update));
    if (pendingDs) updates.push(Y.convertUpdateFormatV2ToV1(pendingDs));
    if (updates.length === 0) return null;
    const merged = Y.mergeUpdates(updates);
    return this.from.size > 0 ? Y.diffUpdate(merged, Y.encodeStateVector(this.from)) : merged;
  }
}

function addRange(
  ds: Map<number, Array<[number, number]>>,
  client: number,
  clock: number,
  len: number,
): void {
  let ranges = ds.get(client);
  if (!ranges) ds.set(client, (ranges = []));
  const last = ranges[ranges.length - 1];
  if (last && last[0] + last[1] === clock) last[1] += len;
  else ranges.push([clock, len]);
}

function encodeRuns(runs: Run[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const ds = new Map<number, Array<[number, number]>>();
  encoding.writeVarUint(encoder.restEncoder, runs.length);
  for (const { client, clock, structs } of runs) {
    encoding.writeVarUint(encoder.restEncoder, structs.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, clock);
    structs.forEach((s, i) => {
      const offset = i === 0 ? clock - s.id.clock : 0;
      s.write(encoder, offset);
      if (s.deleted) addRange(ds, client, s.id.clock + offset, s.length - offset);
    });
  }
  writeDeletions(encoder, ds);
  return encoder.toUint8Array();
}

/** Writes a delete set the way Yjs does (V1: client, count, then clock and length per range). */
function writeDeletions(
  encoder: Y.UpdateEncoderV1,
  ds: Map<number, Array<[number, number]>>,
): void {
  encoding.writeVarUint(encoder.restEncoder, ds.size);
  for (const [client, ranges] of [...ds].sort((a, b) => b[0] - a[0])) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const [clock, len] of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
}
