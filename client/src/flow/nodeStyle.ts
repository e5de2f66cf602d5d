import type { CSSProperties } from 'react';
import type { PeerMark } from './toFlow';

/** Class names of a node's card. */
export function nodeClassName(kind: string, flags: Record<string, boolean>): string {
  return ['wc-node', `wc-node--${kind}`, ...Object.keys(flags).filter((flag) => flags[flag])].join(
    ' ',
  );
}

/**
 * Inline style of a node's card: the height the layout reserved, and the first peer's colour.
 * `typingRoom` (see TYPING_ROOM) is added below the text and taken back by a negative margin, so
 * the node's measured size, which the rows are laid out by, does not include it.
 */
export function nodeStyle(
  minHeight: number,
  peers: readonly PeerMark[],
  typingRoom = 0,
): CSSProperties {
  const style: CSSProperties & Record<string, string | number> = {
    minHeight: minHeight + typingRoom,
  };
  if (typingRoom > 0) style.marginBottom = -typingRoom;
  if (peers[0]) style['--wc-peer-color'] = peers[0].color;
  return style;
}
