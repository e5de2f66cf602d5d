import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { NodeToolbar, Position } from '@xyflow/react';

/** React events from a portal still bubble to the node; the node must not treat them as its own. */
function keepToToolbar(event: MouseEvent | KeyboardEvent) {
  if ('key' in event && (event.ctrlKey || event.metaKey)) return;
  event.stopPropagation();
}

/** The buttons shown above the selected node, at a size that does not shrink with the zoom. */
export function NodeActions({
  label,
  visible,
  children,
}: {
  label: string;
  visible: boolean;
  children: ReactNode;
}) {
  return (
    <NodeToolbar
      isVisible={visible}
      position={Position.Top}
      offset={6}
      className="nodrag nopan nowheel wc-toolbar"
      role="toolbar"
      aria-label={label}
      onClick={keepToToolbar}
      onDoubleClick={keepToToolbar}
      onKeyDown={keepToToolbar}
    >
      {children}
    </NodeToolbar>
  );
}
