/** The canvas element of a node (a React Flow node wrapper), if it is on screen. */
export function nodeElement(nodeId: string, root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>(
    `.react-flow__node[data-id="${nodeId.replace(/["\\]/g, '')}"]`,
  );
}

/**
 * Gives the keyboard focus to a node on the canvas (not to its text box), now or, when it is
 * not drawn yet (just unfolded), as soon as it is.
 */
export function focusNode(nodeId: string): void {
  const element = nodeElement(nodeId);
  if (element) {
    element.focus({ preventScroll: true });
    return;
  }
  setTimeout(() => nodeElement(nodeId)?.focus({ preventScroll: true }), 0);
}
