import { useCallback, useEffect, useState } from 'react';
import { whysOf } from '@whychain/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { deletedWhat, shortText, type Deletion } from './deletionFeed';

/**
 * The presence field in which a person announces their last deletion, for a few seconds.
 *
 * Who deleted what: a Yjs update carries no author, and an update relayed by the server cannot
 * be tied to an awareness client id either. So the person who deletes says so in their own
 * presence (`lastDeletion: { whyId, text, below, at }`, only the top why's id and a short
 * excerpt, far below the server's 16 KiB cap on a presence state, and cleared after a few
 * seconds). A colleague's screen shows it only once its own copy of the document has lost that
 * why too (the update and the presence may arrive in either order), so a claim about a why that
 * is still there is never shown. Announcements already present when the editor opens are old
 * news and are not shown either.
 */
export const DELETION_FIELD = 'lastDeletion';

/** What is announced: the deletion and when it was made (which tells two apart). */
export interface AnnouncedDeletion extends Deletion {
  readonly at: number;
}

/** A colleague's deletion as shown: a key for the list and the message. */
export interface ColleagueDeletion {
  readonly key: string;
  readonly message: string;
}

/** How long a claimed deletion may wait for the document to catch up before it is dropped. */
const WAIT_MS = 10_000;
/** Colleagues' toasts shown at once; older ones give way. */
const MAX_SHOWN = 3;

/** The announced deletion in a presence state, if it is well formed. */
function readAnnounced(state: unknown): AnnouncedDeletion | null {
  const value = (state as Record<string, unknown> | null | undefined)?.[DELETION_FIELD];
  if (!value || typeof value !== 'object') return null;
  const { whyId, text, below, at } = value as Record<string, unknown>;
  if (typeof whyId !== 'string' || typeof text !== 'string' || typeof at !== 'number') return null;
  if (typeof below !== 'number' || !Number.isInteger(below) || below < 0) return null;
  return { whyId: whyId as Deletion['whyId'], text: shortText(text), below, at };
}

function nameIn(state: unknown): string {
  const name = (state as { user?: { name?: unknown } } | undefined)?.user?.name;
  return typeof name === 'string' && name.trim() ? shortText(name, 40) : 'Someone';
}

/**
 * Deletions made by the other people in the room, as "Dana removed 'Because …' and 2 answers
 * below it", from the moment this editor opened; `dismiss` takes one away.
 */
export function useColleagueDeletions(
  awareness: Awareness | null | undefined,
  doc: Y.Doc,
): { deletions: readonly ColleagueDeletion[]; dismiss(key: string): void } {
  const [deletions, setDeletions] = useState<readonly ColleagueDeletion[]>([]);

  useEffect(() => {
    if (!awareness) return;
    const keyOf = (clientId: number, deletion: AnnouncedDeletion) =>
      `${clientId}:${deletion.at}:${deletion.whyId}`;
    const seen = new Set<string>();
    awareness.getStates().forEach((state, clientId) => {
      const announced = readAnnounced(state);
      if (announced) seen.add(keyOf(clientId, announced));
    });
    /** Claims whose why this copy of the document still has. */
    const waiting = new Map<string, { message: string; whyId: string; since: number }>();

    const settle = () => {
      if (waiting.size === 0) return;
      const whys = whysOf(doc);
      const now = Date.now();
      for (const [key, claim] of waiting) {
        if (!whys.has(claim.whyId)) {
          waiting.delete(key);
          setDeletions((shown) => [...shown, { key, message: claim.message }].slice(-MAX_SHOWN));
        } else if (now - claim.since > WAIT_MS) {
          waiting.delete(key);
        }
      }
    };
    const onChange = ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue;
        const state = awareness.getStates().get(clientId);
        const announced = readAnnounced(state);
        if (!announced) continue;
        const key = keyOf(clientId, announced);
        if (seen.has(key)) continue;
        seen.add(key);
        const message = `${nameIn(state)} removed ${deletedWhat(announced)}`;
        waiting.set(key, { message, whyId: announced.whyId, since: Date.now() });
      }
      settle();
    };
    awareness.on('change', onChange);
    doc.on('update', settle);
    return () => {
      awareness.off('change', onChange);
      doc.off('update', settle);
    };
  }, [awareness, doc]);

  const dismiss = useCallback(
    (key: string) => setDeletions((shown) => shown.filter((deletion) => deletion.key !== key)),
    [],
  );
  return { deletions, dismiss };
}
