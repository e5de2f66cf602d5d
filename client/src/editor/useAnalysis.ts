import { useSyncExternalStore } from 'react';
import { isInitialized, readAnalysis, type AnalysisSnapshot } from '@whychain/shared';
import * as Y from 'yjs';

/** The analysis as last read, and whether the document holds one yet. */
export interface AnalysisView {
  readonly snapshot: AnalysisSnapshot;
  readonly initialized: boolean;
}

interface AnalysisSource {
  subscribe(listener: () => void): () => void;
  getSnapshot(): AnalysisView;
  /** The view as last read (read once if never): for while the document is still arriving. */
  getHeldSnapshot(): AnalysisView;
}

const sources = new WeakMap<Y.Doc, AnalysisSource>();

/** True when a transaction only typed into texts: the tree's shape and every other field stand. */
function onlyTyping(transaction: Y.Transaction): boolean {
  for (const type of transaction.changed.keys()) if (!(type instanceof Y.Text)) return false;
  return true;
}

/**
 * Runs `fn` once, just after the browser has painted the next frame (the one that shows the
 * keystroke), or after `backstopMs` if no frame comes (a hidden tab). Returns a cancel function.
 * Not `requestIdleCallback`: while a caret blinks Chromium often finds no idle time and runs it
 * at its timeout, which can fall on the next keystroke.
 */
function afterNextPaint(fn: () => void, backstopMs: number): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => {
          timer = setTimeout(run, 0);
        })
      : null;
  const backstop = setTimeout(run, backstopMs);
  function cancel() {
    done = true;
    if (frame !== null) cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(backstop);
  }
  function run() {
    if (done) return;
    cancel();
    fn();
  }
  return cancel;
}

/**
 * One reader per document: reads the snapshot at most once per document update.
 *
 * Typing is the one change made many times a second, and the typed text is already on screen
 * (each node's text follows its Y.Text directly, see useLiveText). So after a transaction that
 * only typed, the new snapshot (and everything drawn from it: checklist, hints, side panel) is
 * read just after the frame that shows the keystroke, instead of inside the keystroke.
 * Any other change is read at once, together with any typing still waiting.
 */
function sourceFor(doc: Y.Doc): AnalysisSource {
  let source = sources.get(doc);
  if (source) return source;
  const listeners = new Set<() => void>();
  let view: AnalysisView | null = null;
  let held: AnalysisView | null = null;
  let last: AnalysisView['snapshot'] | undefined;
  let cancelPending: (() => void) | null = null;
  const notify = () => {
    cancelPending?.();
    cancelPending = null;
    view = null;
    for (const listener of [...listeners]) listener();
  };
  // Listens for the document's whole life, so the cached view is never stale for long.
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
    if (!onlyTyping(transaction) || listeners.size === 0) return notify();
    cancelPending ??= afterNextPaint(notify, 200);
  });
  doc.once('destroy', () => {
    cancelPending?.();
    cancelPending = null;
  });
  source = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      // Whys that did not change keep their objects, so the canvas redraws only what changed.
      view ??= { snapshot: (last = readAnalysis(doc, last)), initialized: isInitialized(doc) };
      return (held = view);
    },
    getHeldSnapshot() {
      return held ?? source!.getSnapshot();
    },
  };
  sources.set(doc, source);
  return source;
}

/**
 * The current snapshot of the analysis in `doc`, re-rendering on every document update. While
 * `live` is false the snapshot last read is kept instead: a document that is still arriving from
 * the server (nothing of it is shown yet) comes in many parts when it is large, and reading the
 * whole analysis after each part cost more than drawing it (50 parts at 5,000 whys).
 */
export function useAnalysis(doc: Y.Doc, live = true): AnalysisView {
  const source = sourceFor(doc);
  return useSyncExternalStore(source.subscribe, live ? source.getSnapshot : source.getHeldSnapshot);
}
