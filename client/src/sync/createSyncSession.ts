import { messageAuth, WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { isInitialized, metaOf } from '@whychain/shared';
import { localCacheName, openLocalCache, type OpenLocalCache } from './openLocalCache';
import { readAuthMessage } from './readAuthMessage';
import { syncUrl } from './syncUrl';

/**
 * What the connection indicator says. "refused": the server turned down a change from this copy
 * (e.g. the analysis was closed meanwhile, or this person may only view it). The socket stays
 * open, so the room is still followed live; the change is kept and goes through once the server
 * accepts it (it asks for it when the analysis is reopened).
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
  /**
   * Set while the server refuses this copy's changes (code 4409 with the server's reason, told in
   * an auth message or, by older servers, as the close code); cleared once they are accepted.
   */
  refused: SyncProblem | null;
}

/** One open room: the document, its awareness and the state of the connection carrying them. */
export interface SyncSession {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  getState(): SyncState;
  subscribe(listener: () => void): () => void;
  /**
   * Tries again now: connects at once when offline; when refused, sends the kept changes again
   * on a fresh connection (the server asks a new socket for everything it lacks).
   */
  retry(): void;
  destroy(): void;
}

export const NOT_FOUND_CODE = 4404;
export const WRITE_REFUSED_CODE = 4409;

/** The longest wait between two attempts to send changes an older server refused by closing. */
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
  /**
   * For older servers, which close the socket with 4409 to refuse: the first wait before
   * connecting again; doubles each time, up to five minutes.
   */
  refusedRetryMs?: number;
  /**
   * How long after a new connection synced, without a refusal, the server is deemed to accept
   * this copy's changes (a new socket's kept changes are accepted silently).
   */
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
    // 4400-4499 mean "do not come back"; 4409 (older servers) is retried on our own, slower schedule.
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
  /** Refusals in a row by closing the socket (older servers), for the growing wait. */
  let refusals = 0;
  /** The socket now open (or last opened) was refused: its sync says nothing about acceptance. */
  let refusedHere = false;
  /** The socket went away on purpose while refused (4409, or a retry): the indicator stays. */
  let keepRefusedOnClose = false;
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

  // The server refuses a change with an auth message and keeps the socket open; it says so
  // again (sub-type 1) once a change from this socket is accepted.
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    const message = readAuthMessage(decoder);
    if (message?.type === 'refused') refuseHere(message.reason);
    else if (message?.type === 'accepted') accept();
  };

  provider.on('status', ({ status }) => {
    if (status === 'connected') {
      refusedHere = false;
      keepRefusedOnClose = false;
      // Still refused until this socket's changes are accepted (see the sync handler).
      update({ connection: state.refused ? 'refused' : 'connected' });
    } else if (status === 'connecting') {
      // A retry after a lost connection stays "Offline" (or "refused") until it succeeds.
      if (state.refused) return;
      update({ connection: state.connection === 'offline' ? 'offline' : 'connecting' });
    } else {
      if (state.refused && keepRefusedOnClose) return;
      update({ connection: 'offline' });
    }
  });
  provider.on('sync', (isSynced) => {
    if (!isSynced) return;
    // User Timing mark: when the server's data arrived (read by `npm run bench`).
    if (!state.synced) globalThis.performance?.mark?.('whychain:synced');
    update({ synced: true, loaded: true });
    if (state.refused && !refusedHere) confirmAccepted();
  });
  provider.on('connection-close', (event) => {
    clearTimeout(acceptTimer);
    if (event?.code === WRITE_REFUSED_CODE) {
      refuseByClose({ code: event.code, reason: event.reason });
      return;
    }
    if (state.refused && keepRefusedOnClose && event === null) return; // our own retry
    keepRefusedOnClose = false;
    update({ connection: 'offline' });
    if (state.refused) return;
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
   * The server turned down a change from this socket and stays connected: others' edits and
   * presence keep coming. Nothing is sent again on our side: the change stays in this copy and
   * the server asks for it once the analysis accepts changes again (e.g. it is reopened).
   */
  function refuseHere(reason: string) {
    refusedHere = true;
    clearTimeout(acceptTimer);
    clearTimeout(retryTimer);
    update({ connection: 'refused', refused: { code: WRITE_REFUSED_CODE, reason } });
  }

  /**
   * An older server closed the socket to refuse a change (4409). Reconnecting at once would send
   * the same change and be turned down again, so wait, longer each time: the change stays on
   * this device and goes through once the analysis accepts changes again.
   */
  function refuseByClose(problem: SyncProblem) {
    refusedHere = true;
    keepRefusedOnClose = true;
    update({ connection: 'refused', refused: problem });
    clearTimeout(retryTimer);
    const wait = Math.min(refusedRetryMs * 2 ** refusals, MAX_REFUSED_RETRY_MS);
    refusals++;
    retryTimer = setTimeout(() => {
      if (!destroyed) provider.connect();
    }, wait);
  }

  /** This copy's changes are accepted again. */
  function accept() {
    clearTimeout(acceptTimer);
    clearTimeout(retryTimer);
    refusedHere = false;
    keepRefusedOnClose = false;
    refusals = 0;
    update({ connection: provider.wsconnected ? 'connected' : 'offline', refused: null });
  }

  /**
   * A new socket sends its kept changes while syncing, and the server accepts them silently (or
   * refuses them; an older server by closing the socket): so a sync without a refusal a moment
   * later means they were accepted.
   */
  function confirmAccepted() {
    clearTimeout(acceptTimer);
    acceptTimer = setTimeout(() => {
      if (destroyed || refusedHere || !provider.wsconnected) return;
      accept();
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
    if (provider.ws === null || state.closed) return;
    keepRefusedOnClose = false;
    provider.disconnect();
    provider.connect(); // keeps trying, with backoff, until the network is back
  };
  /** The network is back: try at once instead of waiting for the next attempt. */
  const onOnline = () => {
    if (!state.closed && provider.shouldConnect) provider.connect();
  };
  network?.addEventListener('offline', onOffline);
  network?.addEventListener('online', onOnline);

  /**
   * While refused by an older server (no socket), a change of the analysis's status made here
   * (this person reopening it) is what makes the kept changes acceptable: send them at once
   * rather than at the next attempt. With an open socket the reopen goes out as any change, and
   * the server asks for the kept changes it builds on.
   */
  const meta: unknown = metaOf(doc).raw;
  const onTransaction = (transaction: Y.Transaction) => {
    if (!state.refused || destroyed || !transaction.local || provider.ws !== null) return;
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
      if (state.refused && provider.ws !== null) {
        // A fresh socket: the server asks it for all it lacks, the kept changes among them.
        keepRefusedOnClose = true;
        provider.disconnect();
      }
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
