import { WebsocketProvider } from 'y-websocket';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { syncUrl } from './syncUrl';

/** What the connection indicator says. */
export type Connection = 'connecting' | 'connected' | 'offline';

export interface SyncState {
  connection: Connection;
  /** True once the document has been synced with the server at least once. */
  synced: boolean;
  /** Set when the server closed the room for good (4400-4499), e.g. 4404 for an unknown id. */
  closed: { code: number; reason: string } | null;
}

/** One open room: the document, its awareness and the state of the connection carrying them. */
export interface SyncSession {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  getState(): SyncState;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

export const NOT_FOUND_CODE = 4404;

interface SyncSessionOptions {
  serverUrl?: string;
  /** Where to ask whether the analysis exists when the socket fails before the first sync. */
  probeUrl?: string | null;
  /** The WebSocket class to use (the browser's by default). */
  WebSocketPolyfill?: typeof WebSocket;
}

/** Opens the y-websocket connection for one analysis and tracks its state. */
export function createSyncSession(
  analysisId: string,
  options: SyncSessionOptions = {},
): SyncSession {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(options.serverUrl ?? syncUrl(), analysisId, doc, {
    ...(options.WebSocketPolyfill && { WebSocketPolyfill: options.WebSocketPolyfill }),
  });
  const listeners = new Set<() => void>();
  let state: SyncState = { connection: 'connecting', synced: false, closed: null };
  let probed = false;
  let destroyed = false;

  const update = (patch: Partial<SyncState>) => {
    const next = { ...state, ...patch };
    if (
      next.connection === state.connection &&
      next.synced === state.synced &&
      next.closed === state.closed
    ) {
      return;
    }
    state = next;
    for (const listener of listeners) listener();
  };

  provider.on('status', ({ status }) => {
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
    if (isSynced) update({ synced: true });
  });
  provider.on('connection-close', (event) => {
    update({ connection: 'offline' });
    const refused = event !== null && event.code >= 4400 && event.code < 4500;
    if (!refused && !state.synced && !probed && options.probeUrl !== null) probeExists();
  });
  provider.on('closed', (event) => {
    update({ connection: 'offline', closed: { code: event.code, reason: event.reason } });
  });

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

  return {
    doc,
    awareness: provider.awareness,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      destroyed = true;
      listeners.clear();
      provider.awareness.setLocalState(null);
      provider.destroy();
      doc.destroy();
    },
  };
}
