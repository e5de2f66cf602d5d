import { useEffect, useRef, useState } from 'react';
import { whysOf } from '@whychain/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { focusNode } from '../keyboard/focusNode';
import { deletedWhat, deletionFeedFor, shortText, type Deletion } from './deletionFeed';
import { DELETION_FIELD, useColleagueDeletions } from './useColleagueDeletions';
import { useEditorActions } from './useEditorActions';
import { useEditorStoreApi } from './useEditorStore';
import { Toast, TOAST_MS } from './Toast';

/**
 * Says what a deletion took with it: "Deleted 'Because …' and 3 answers below it", with Undo, for
 * this person's own deletions, and "Dana removed …" for a colleague's (see useColleagueDeletions).
 */
export function DeletionToasts({ awareness }: { awareness?: Awareness | null }) {
  const actions = useEditorActions();
  const store = useEditorStoreApi();
  const { doc, origin } = actions;
  const [own, setOwn] = useState<(Deletion & { at: number }) | null>(null);
  const colleagues = useColleagueDeletions(awareness, doc);

  const announcing = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const feed = deletionFeedFor(store);
    const stop = feed.subscribe((deletion) => {
      const at = Date.now();
      setOwn({ ...deletion, at });
      if (!awareness) return;
      const announced = {
        whyId: deletion.whyId,
        text: shortText(deletion.text),
        below: deletion.below,
        at,
      };
      awareness.setLocalStateField(DELETION_FIELD, announced);
      // Presence is for now: the announcement goes once colleagues have had time to read it.
      if (announcing.current) clearTimeout(announcing.current);
      announcing.current = setTimeout(() => {
        const current = awareness.getLocalState()?.[DELETION_FIELD] as { at?: unknown } | null;
        if (current?.at === at) awareness.setLocalStateField(DELETION_FIELD, null);
      }, TOAST_MS);
    });
    return () => {
      stop();
      if (announcing.current) clearTimeout(announcing.current);
    };
  }, [store, awareness]);

  // The toast's Undo is Ctrl+Z: it takes back the last change of this person. Once that is no
  // longer the deletion (they changed something else, or already took it back), the toast goes.
  useEffect(() => {
    if (!own) return;
    const watch = (transaction: Y.Transaction) => {
      if (transaction.origin === origin || whysOf(doc).has(own.whyId)) setOwn(null);
    };
    doc.on('afterTransaction', watch);
    return () => doc.off('afterTransaction', watch);
  }, [own, doc, origin]);

  if (!own && colleagues.deletions.length === 0) return null;
  return (
    <div className="wc-toasts">
      {colleagues.deletions.map((deletion) => (
        <Toast key={deletion.key} onClose={() => colleagues.dismiss(deletion.key)}>
          {deletion.message}
        </Toast>
      ))}
      {own && (
        <Toast
          key={own.at}
          onClose={() => setOwn(null)}
          action={{
            label: 'Undo',
            onClick: () => {
              actions.undo();
              const selected = store.getState().selectedId;
              if (selected) focusNode(selected);
            },
          }}
        >
          Deleted {deletedWhat(own)}
        </Toast>
      )}
    </div>
  );
}
