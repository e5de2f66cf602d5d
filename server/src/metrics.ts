import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Why a write was refused, as a metric label (the text shown to the person says more). */
export type RefusedReason =
  'closed' | 'viewer' | 'newer_version' | 'too_large' | 'repaired' | 'presence_too_large';

/** Why the server closed a socket, as a metric label. */
export type ClosedReason =
  | 'malformed'
  | 'too_large'
  | 'storage_failed'
  | 'load_failed'
  | 'unknown_analysis'
  | 'forbidden'
  | 'shutting_down'
  | 'unresponsive';

/** Buckets from 50 µs to 5 s: relays sit well under a millisecond, disk flushes a few. */
const SECONDS = [
  0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5,
];

/**
 * A histogram for the relay path: a sample costs an array push; they are sorted into buckets when
 * the metrics are read (prom-client's observe hashes labels and walks buckets on every call).
 */
export class DeferredHistogram {
  private samples: number[] = [];
  readonly histogram: Histogram;

  constructor(config: { name: string; help: string; registry: Registry }) {
    const drain = () => this.drain();
    this.histogram = new Histogram({
      name: config.name,
      help: config.help,
      buckets: SECONDS,
      registers: [config.registry],
      collect() {
        drain();
      },
    });
  }

  observe(seconds: number): void {
    this.samples.push(seconds);
    if (this.samples.length >= 10_000) this.drain(); // nobody scrapes: keep memory bounded
  }

  private drain(): void {
    const samples = this.samples;
    this.samples = [];
    for (const value of samples) this.histogram.observe(value);
  }
}

/**
 * The server's figures in the Prometheus text format (`GET /metrics`). One registry per server,
 * so that several servers in one process (tests) count apart.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly sockets = new Gauge({
    name: 'whychain_sockets',
    help: 'Open sync sockets',
    registers: [this.registry],
  });
  readonly loadedAnalyses = new Gauge({
    name: 'whychain_loaded_analyses',
    help: 'Analyses loaded in memory',
    registers: [this.registry],
  });
  readonly updatesReceived = new Counter({
    name: 'whychain_updates_received_total',
    help: 'Document updates received from clients',
    registers: [this.registry],
  });
  readonly updatesRelayed = new Counter({
    name: 'whychain_updates_relayed_total',
    help: 'Document updates sent on to other sockets (one per receiving socket)',
    registers: [this.registry],
  });
  readonly bytesIn = new Counter({
    name: 'whychain_bytes_in_total',
    help: 'Bytes of sync messages received',
    registers: [this.registry],
  });
  readonly bytesOut = new Counter({
    name: 'whychain_bytes_out_total',
    help: 'Bytes of sync messages sent',
    registers: [this.registry],
  });
  readonly storeWrite = new DeferredHistogram({
    name: 'whychain_store_write_seconds',
    help: 'Time to write updates to storage (on the relay path)',
    registry: this.registry,
  });
  readonly diskFlush = new DeferredHistogram({
    name: 'whychain_disk_flush_seconds',
    help: 'Time of one fdatasync of the write-ahead log (off the relay path in relaxed durability)',
    registry: this.registry,
  });
  readonly receiveToRelay = new DeferredHistogram({
    name: 'whychain_receive_to_relay_seconds',
    help: 'Time from receiving an update to relaying it',
    registry: this.registry,
  });
  readonly refusedWrites = new Counter({
    name: 'whychain_refused_writes_total',
    help: 'Updates refused or repaired, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly closedSockets = new Counter({
    name: 'whychain_closed_sockets_total',
    help: 'Sockets the server closed, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    // Process figures, event-loop delay among them (nodejs_eventloop_lag_*).
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  refused(reason: RefusedReason): void {
    this.refusedWrites.inc({ reason });
  }

  closed(reason: ClosedReason): void {
    this.closedSockets.inc({ reason });
  }
}
