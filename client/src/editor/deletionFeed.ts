import type { WhyId } from '@whychain/shared';
import type { EditorStore } from './createEditorStore';

/** A why someone deleted, with the answers that went with it. */
export interface Deletion {
  readonly whyId: WhyId;
  /** The deleted why's text as it was. */
  readonly text: string;
  /** How many whys below it went with it. */
  readonly below: number;
}

/** Own deletions, as they happen, for whoever shows them (see DeletionToasts). */
export interface DeletionFeed {
  publish(deletion: Deletion): void;
  subscribe(listener: (deletion: Deletion) => void): () => void;
}

// One feed per editor store: the actions are rebuilt whenever the undo state changes, the store
// lives as long as the editor, so a listener stays subscribed across those rebuilds.
const feeds = new WeakMap<EditorStore, DeletionFeed>();

/** The deletion feed of the editor that owns `store`. */
export function deletionFeedFor(store: EditorStore): DeletionFeed {
  let feed = feeds.get(store);
  if (feed) return feed;
  const listeners = new Set<(deletion: Deletion) => void>();
  feed = {
    publish: (deletion) => {
      for (const listener of [...listeners]) listener(deletion);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  feeds.set(store, feed);
  return feed;
}

/** The start of a why's text on one line, cut with an ellipsis past `max` characters. */
export function shortText(text: string, max = 60): string {
  // By code points, so that an emoji is never cut in half.
  const flat = Array.from(text.replace(/\s+/g, ' ').trim());
  if (flat.length <= max) return flat.join('');
  return `${flat
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

/** "'Because …' and 3 answers below it", or "an empty why" for a why with no text. */
export function deletedWhat({ text, below }: Pick<Deletion, 'text' | 'below'>): string {
  const flat = shortText(text);
  const what = flat ? `'${flat}'` : 'an empty why';
  if (below <= 0) return what;
  return `${what} and ${below === 1 ? '1 answer' : `${below} answers`} below it`;
}
