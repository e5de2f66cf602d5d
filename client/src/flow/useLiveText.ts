import { useCallback, useSyncExternalStore } from 'react';
import { nodeTextOf } from '@whychain/shared';
import type * as Y from 'yjs';

/**
 * The text of a node as the document holds it at this moment, straight from its Y.Text. The
 * canvas may draw a moment behind the document while someone types; the text box never does.
 * Without a document (`doc` null) it is `fallback`.
 */
export function useLiveText(
  doc: Y.Doc | null | undefined,
  nodeId: string,
  fallback: string,
): string {
  const subscribe = useCallback(
    (listener: () => void) => {
      const text = doc ? nodeTextOf(doc, nodeId) : undefined;
      if (!text) return () => undefined;
      text.observe(listener);
      return () => text.unobserve(listener);
    },
    [doc, nodeId],
  );
  const read = useCallback(() => {
    const text = doc ? nodeTextOf(doc, nodeId) : undefined;
    return text ? text.toString() : fallback;
  }, [doc, nodeId, fallback]);
  return useSyncExternalStore(subscribe, read);
}
