import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/**
 * What a shared text holds at this moment, re-rendering on every change to it. Text boxes and
 * node texts read this rather than the analysis snapshot, which catches up with typing a frame
 * later (see useAnalysis), so what anyone types is on screen in the frame it arrives. Without a
 * text (`text` undefined) it is `fallback`.
 */
export function useLiveText(text: Y.Text | undefined, fallback: string): string {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (!text) return () => undefined;
      text.observe(listener);
      return () => text.unobserve(listener);
    },
    [text],
  );
  const read = useCallback(() => (text ? text.toString() : fallback), [text, fallback]);
  return useSyncExternalStore(subscribe, read);
}
