import * as Y from 'yjs';
import { PROBLEM_ID, problemOf, whyTextOf } from './schema';

/**
 * What each person in the room shares through Yjs awareness. Presence is never stored in the
 * document: it lives as long as the person's connection.
 */
export interface PresenceState {
  user: { name: string; color: string };
  /** Node the person has selected ('problem' or a why id). */
  selectedId?: string | null;
  /** Where the person's caret is while typing in a node's text. */
  caret?: { nodeId: string; anchor: unknown; head: unknown } | null;
  /** Mouse pointer in canvas coordinates. */
  pointer?: { x: number; y: number } | null;
  /**
   * The person's view of the canvas, for "follow": React Flow's pan and zoom, and the size of
   * their canvas on screen (so that a follower with another window size centres the same point).
   */
  viewport?: { x: number; y: number; zoom: number; width?: number; height?: number } | null;
}

/** The Y.Text shown by a node: the problem statement or a why's answer. */
export function nodeTextOf(doc: Y.Doc, nodeId: string): Y.Text | undefined {
  if (nodeId === PROBLEM_ID) return problemOf(doc);
  return whyTextOf(doc, nodeId, 'text');
}

/** A caret position that stays on the same character while others type before it. */
export function caretToShared(doc: Y.Doc, nodeId: string, index: number): unknown {
  const text = nodeTextOf(doc, nodeId);
  if (!text) return null;
  return Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index));
}

/** The current index of a shared caret in the node's text, or null when it no longer resolves. */
export function caretFromShared(doc: Y.Doc, shared: unknown): number | null {
  if (shared === null || typeof shared !== 'object') return null;
  // A root type named by the caret would be created by Yjs on lookup; the problem is the only node
  // text at the root, so any other name is refused before resolving.
  const tname = (shared as { tname?: unknown }).tname;
  if (tname !== undefined && tname !== null && tname !== PROBLEM_ID) return null;
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(shared),
      doc,
    );
    // Only a position in a node's text that still exists: not in a map, not in a deleted why.
    if (!absolute || !(absolute.type instanceof Y.Text) || absolute.type._item?.deleted)
      return null;
    return absolute.index;
  } catch {
    return null;
  }
}
