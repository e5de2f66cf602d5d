import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

/** A copy of one document kept on this device, so it opens offline and nothing typed is lost. */
export interface LocalCache {
  /** Resolves once what this device had stored has been applied to the document. */
  readonly whenLoaded: Promise<unknown>;
  /** Stops writing to the cache; what is stored stays for next time. */
  destroy(): void;
}

/** Opens the local copy of a document, or returns null where the browser cannot store one. */
export type OpenLocalCache = (name: string, doc: Y.Doc) => LocalCache | null;

/** The name under which an analysis is cached in this browser's IndexedDB. */
export function localCacheName(analysisId: string): string {
  return `whychain:${analysisId}`;
}

/** Keeps the document in IndexedDB (y-indexeddb): loads what was stored, stores every update. */
export const openLocalCache: OpenLocalCache = (name, doc) => {
  if (typeof indexedDB === 'undefined') return null;
  let persistence: IndexeddbPersistence;
  try {
    persistence = new IndexeddbPersistence(name, doc);
  } catch {
    return null;
  }
  return {
    whenLoaded: persistence.whenSynced,
    destroy: () => void persistence.destroy().catch(() => undefined),
  };
};
