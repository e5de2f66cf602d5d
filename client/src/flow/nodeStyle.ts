import type { CSSProperties } from 'react';
import type { PeerMark } from './toFlow';

/** Class names of a node's card. */
export function nodeClassName(kind: string, flags: Record<string, boolean>): string {
  return ['wc-node', `wc-node--${kind}`, ...Object.keys(flags).filter((flag) => flags[flag])].join(
    ' ',
  );
}

/** Inline style of a node's card: the height the layout reserved, and the first peer's colour. */
export function nodeStyle(minHeight: number, peers: readonly PeerMark[]): CSSProperties {
  const style: CSSProperties & Record<string, string | number> = { minHeight };
  if (peers[0]) style['--wc-peer-color'] = peers[0].color;
  return style;
}
