import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { isInitialized, metaOf } from '@whychain/shared';
import { localCacheName, openLocalCache, type OpenLocalCache } from './openLocalCache';
import { syncUrl } from './syncUrl';

/**
 * What the connection indicator says. "refused": the server turned down a change from this copy
 * (close code 4409, e.g. the analysis was closed meanwhile); the copy is kept and sent again later.
 */
export type Connection = 'connecting' | 'connected' | 'offline' | 'refused';

/** A close code with the reason the server gave. */
export interface SyncProblem {
  readonly code: number;
  readonly reason: string;
}

export interface SyncState {
  connection: Connection;
  /** True once the document has been synced with the server at least once. */
  synced: boolean;
  /**
   * True once the document can be shown: synced with the server, or an analysis found in this
   * device's cache (shown at once, before the server answers).
   */
  loaded: boolean;
  /** Set when the server closed the room for good (4400-4499 but 4409), e.g. 4404 for an unknown id. */
  closed: SyncProblem | null;
  /** Set while the server refuses this copy's changes (4409); cleared once a sync is accepted. */
  refused: SyncProblem | null;
}

/** One open room: the document, its awareness and the state of the connection carrying them. */
export interface SyncSession {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  getState(): SyncState;
  subscribe(listener: () => void): () => void;
  /** Tries to connect now rather than after the current wait (offline, or refused). */
  retry(): void;
  destroy(): void;
}

export const NOT_FOUND_CODE = 4404;
export const WRITE_REFUSED_CODE = 4409;

/** The longest wait between two attempts to send changes the server refused. */
const MAX_REFUSED_RETRY_MS = 5 * 60_000;

type NetworkEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface SyncSessionOptions {
  serverUrl?: string;
  /** Where to ask whether the analysis exists when the socket fails before the first sync. */
  probeUrl?: string | null;
  /** The WebSocket class to use (the browser's by default). */
  WebSocketPolyfill?: typeof WebSocket;
  /** Keeps the document on this device (IndexedDB by default); null keeps no copy. */
  localCache?: OpenLocalCache | null;
  /** First wait before sending refused changes again; doubles each time, up to five minutes. */
  refusedRetryMs?: number;
  /** How long a connection must stay open after syncing before the server is deemed to accept. */
  acceptedAfterMs?: number;
  /** Source of the browser's `online`/`offline` events (the window by default); null for none. */
  network?: NetworkEvents | null;
}

/**
 * Opens one analysis: its copy on this device and the y-websocket connection that syncs it, and
 * tracks the state of both. Edits made offline stay in the local copy and merge on reconnect.
 */
export function createSyncSession(
  analysisId: string,
  options: SyncSessionOptions = {},
): SyncSession {
  const doc = new Y.Doc();
  const openCache = options.localCache === undefined ? openLocalCache : options.localCache;
  const cache = openCache?.(localCacheName(analysisId), doc) ?? null;
  const provider = new WebsocketProvider(options.serverUrl ?? syncUrl(), analysisId, doc, {
    ...(options.WebSocketPolyfill && { WebSocketPolyfill: options.WebSocketPolyfill }),
    // 4400-4499 mean "do not come back"; 4409 is retried on our own, slower schedule.
    shouldReconnect: (event) => !(event.code >= 4400 && event.code < 4500),
    // Tabs of one browser sync through the server like everyone else. Over a BroadcastChannel a
    // tab would pass another tab's presence to the server first, and the server gives a
    // presence to the socket that first speaks for it (see server/src/sync/Room.ts).
    disableBc: true,
  });
  const network =
    options.network === undefined
      ? typeof window === 'undefined'
        ? null
        : window
      : options.network;
  const refusedRetryMs = options.refusedRetryMs ?? 15_000;
  const acceptedAfterMs = options.acceptedAfterMs ?? 1500;
  const listeners = new Set<() => void>();
  let state: SyncState = {
    connection: 'connecting',
    synced: false,
    loaded: false,
    closed: null,
    refused: null,
  };
  let probed = false;
  let destroyed = false;
  let refusals = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let acceptTimer: ReturnType<typeof setTimeout> | undefined;

  const update = (patch: Partial<SyncState>) => {
    const next = { ...state, ...patch };
    const keys = Object.keys(next) as (keyof SyncState)[];
    if (keys.every((key) => next[key] === state[key])) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };

  cache?.whenLoaded.then(
    () => {
      if (!destroyed && isInitialized(doc)) update({ loaded: true });
    },
    () => undefined,
  );

  provider.on('status', ({ status }) => {
    // While refused, only an accepted sync (below) changes what the indicator says.
    if (state.refused) return;
    if (status === 'connected') {
      update({ connection: 'connected' });
    } else if (status === 'connecting') {
      // A retry after a lost connection stays "Offline" until it succeeds.
      update({ connection: state.connection === 'offline' ? 'offline' : 'connecting' });
    } else {
      update({ connection: 'offline' });
    }
  });
  provider.on('sync', (isSynced) => {
    if (!isSynced) return;
    // User Timing mark: when the server's data arrived (read by `npm run bench`).
    if (!state.synced) globalThis.performance?.mark?.('whychain:synced');
    update({ synced: true, loaded: true });
    if (state.refused) confirmAccepted();
  });
  provider.on('connection-close', (event) => {
    clearTimeout(acceptTimer);
    if (event?.code === WRITE_REFUSED_CODE) {
      refuse({ code: event.code, reason: event.reason });
      return;
    }
    if (state.refused) return;
    update({ connection: 'offline' });
    const final = event !== null && event.code >= 4400 && event.code < 4500;
    if (!final && !state.synced && !probed && options.probeUrl !== null) probeExists();
  });
  provider.on('closed', (event) => {
    if (event.code === WRITE_REFUSED_CODE) return; // handled above: retried later
    clearTimeout(retryTimer);
    update({
      connection: 'offline',
      refused: null,
      closed: { code: event.code, reason: event.reason },
    });
  });

  /**
   * The server turned down a change this copy holds (4409). Reconnecting at once would send the
   * same change and be turned down again, so wait, longer each time: the change stays on this
   * device and goes through once the analysis accepts changes again (e.g. it is reopened).
   */
  function refuse(problem: SyncProblem) {
    update({ connection: 'refused', refused: problem });
    clearTimeout(retryTimer);
    const wait = Math.min(refusedRetryMs * 2 ** refusals, MAX_REFUSED_RETRY_MS);
    refusals++;
    retryTimer = setTimeout(() => {
      if (!destroyed) provider.connect();
    }, wait);
  }

  /**
   * The server sends its state before it reads ours, so a sync alone does not mean our changes
   * were accepted: a connection still open a moment later does.
   */
  function confirmAccepted() {
    clearTimeout(acceptTimer);
    acceptTimer = setTimeout(() => {
      if (destroyed || !provider.wsconnected) return;
      refusals = 0;
      update({ connection: 'connected', refused: null });
    }, acceptedAfterMs);
  }

  /** A server that refuses the upgrade with HTTP 404 gives no close code: ask the HTTP API. */
  function probeExists() {
    probed = true;
    const url = options.probeUrl ?? `/api/analyses/${encodeURIComponent(analysisId)}`;
    fetch(url, { headers: { accept: 'application/json' } }).then(
      (response) => {
        if (response.status !== 404 || destroyed || state.synced) return;
        provider.disconnect();
        update({ closed: { code: NOT_FOUND_CODE, reason: 'Analysis not found' } });
      },
      () => undefined,
    );
  }

  /** The browser lost the network: drop the socket now rather than when it times out (~30 s). */
  const onOffline = () => {
    if (provider.ws === null || state.refused || state.closed) return;
    provider.disconnect();
    provider.connect(); // keeps trying, with backoff, until the network is back
  };
  /** The network is back: try at once instead of waiting for the next attempt. */
  const onOnline = () => {
    if (!state.refused && !state.closed && provider.shouldConnect) provider.connect();
  };
  network?.addEventListener('offline', onOffline);
  network?.addEventListener('online', onOnline);

  /**
   * While refused, a change of the analysis's status made here (this person reopening it) is
   * what makes the kept changes acceptable: send them at once rather than at the next attempt.
   */
  const meta: unknown = metaOf(doc).raw;
  const onTransaction = (transaction: Y.Transaction) => {
    if (!state.refused || destroyed || !transaction.local) return;
    if (![...transaction.changed.keys()].some((type) => type === meta)) return;
    clearTimeout(retryTimer);
    provider.connect();
  };
  doc.on('afterTransaction', onTransaction);

  return {
    doc,
    awareness: provider.awareness,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry() {
      if (destroyed || state.closed) return;
      clearTimeout(retryTimer);
      provider.connect();
    },
    destroy() {
      destroyed = true;
      listeners.clear();
      clearTimeout(retryTimer);
      clearTimeout(acceptTimer);
      network?.removeEventListener('offline', onOffline);
      network?.removeEventListener('online', onOnline);
      doc.off('afterTransaction', onTransaction);
      provider.awareness.setLocalState(null);
      provider.destroy();
      cache?.destroy();
      doc.destroy();
    },
  };
}
