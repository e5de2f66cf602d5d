import type { WebSocket } from 'ws';
import type { ClosedReason, ServerMetrics } from '../metrics';

/** Close codes the sync socket uses besides the standard ones; the client shows their reasons. */
export const CLOSE = {
  malformed: 1007,
  tooLarge: 1009,
  serverError: 1011,
  shuttingDown: 1001,
  forbidden: 4403,
  unknownAnalysis: 4404,
  /** No longer sent for refused writes (the socket stays open); kept for older clients. */
  readOnly: 4409,
} as const;

const CLOSED_REASON: Record<number, ClosedReason> = {
  [CLOSE.malformed]: 'malformed',
  [CLOSE.tooLarge]: 'too_large',
  [CLOSE.serverError]: 'storage_failed',
  [CLOSE.shuttingDown]: 'shutting_down',
  [CLOSE.forbidden]: 'forbidden',
  [CLOSE.unknownAnalysis]: 'unknown_analysis',
};

/**
 * How long a socket has to answer a ping when another socket claims its presence. A live client
 * answers within a few seconds even when its tab is busy or its network slow; only one that does
 * not answer in this time is taken for dead.
 */
export const CLAIM_PROBE_MS = 5000;

/** One client socket in a room: the transaction origin of everything it sends. */
export class Connection {
  /** Awareness client ids this socket speaks for; removed when it goes. */
  readonly awarenessIds = new Set<number>();
  alive = true;
  /** A change from this socket was refused and it has not had one accepted since. */
  refused = false;
  /** We asked this socket (sync step 1) for what we lack and its answer has not come yet. */
  awaitingStep2 = false;
  /** Joined a room with people in it and not yet shown their presence (see Room.renewFor). */
  renewalPending = false;
  private probe: ReturnType<typeof setTimeout> | undefined;
  private readonly onAlive: (() => void)[] = [];

  constructor(
    readonly ws: WebSocket,
    readonly canWrite: boolean,
    readonly label: string,
    private readonly metrics: ServerMetrics,
  ) {}

  /** The socket answered a ping. */
  pong(): void {
    this.alive = true;
    clearTimeout(this.probe);
    this.probe = undefined;
    for (const callback of this.onAlive.splice(0)) callback();
  }

  /**
   * Pings the socket and drops it unless it answers within `timeoutMs` (then `onAlive` runs):
   * used when another socket claims presence this one holds, which is how a client that
   * reconnected looks while its old socket is dead but not yet noticed.
   */
  checkAlive(onAlive?: () => void, timeoutMs = CLAIM_PROBE_MS): void {
    if (onAlive) this.onAlive.push(onAlive);
    if (this.probe !== undefined || this.ws.readyState !== this.ws.OPEN) return;
    this.probe = setTimeout(() => this.terminate(), timeoutMs);
    this.probe.unref?.();
    this.ws.ping();
  }

  /** Stops any pending liveness check (the socket closed). */
  dispose(): void {
    clearTimeout(this.probe);
    this.probe = undefined;
    this.onAlive.length = 0;
  }

  send(data: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(data, (err) => {
      if (err) this.ws.terminate();
    });
  }

  /** Drops a socket that stopped answering. */
  terminate(): void {
    this.metrics.closed('unresponsive');
    this.ws.terminate();
  }

  /** Closes the socket with a reason the client can show (at most 123 bytes on the wire). */
  close(code: number, reason: string): void {
    const bytes = Buffer.from(reason);
    const short = bytes.length <= 123 ? reason : bytes.subarray(0, 120).toString() + '...';
    if (this.ws.readyState === this.ws.OPEN || this.ws.readyState === this.ws.CONNECTING) {
      this.metrics.closed(CLOSED_REASON[code] ?? 'malformed');
      this.ws.close(code, short);
    }
  }
}
