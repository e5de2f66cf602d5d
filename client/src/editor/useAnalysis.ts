import { useSyncExternalStore } from 'react';
import { isInitialized, readAnalysis, type AnalysisSnapshot } from '@whychain/shared';
import type * as Y from 'yjs';

/** The analysis as last read, and whether the document holds one yet. */
export interface AnalysisView {
  readonly snapshot: AnalysisSnapshot;
  readonly initialized: boolean;
}

interface AnalysisSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): AnalysisView;
}

const sources = new WeakMap<Y.Doc, AnalysisSource>();

/** One reader per document: reads the snapshot at most once per document update. */
function sourceFor(doc: Y.Doc): AnalysisSource {
  let source = sources.get(doc);
  if (source) return source;
  const listeners = new Set<() => void>();
  let view: AnalysisView | null = null;
  let last: AnalysisView['snapshot'] | undefined;
  const onUpdate = () => {
    view = null;
    for (const listener of [...listeners]) listener();
  };
  // Listens for the document's whole life, so the cached view is never stale.
  doc.on('update', onUpdate);
  source = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      // Whys that did not change keep their objects, so the canvas redraws only what changed.
      view ??= { snapshot: (last = readAnalysis(doc, last)), initialized: isInitialized(doc) };
      return view;
    },
  };
  sources.set(doc, source);
  return source;
}

/** The current snapshot of the analysis in `doc`, re-rendering on every document update. */
export function useAnalysis(doc: Y.Doc): AnalysisView {
  const source = sourceFor(doc);
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
