import type { MouseEvent } from 'react';
import { useEditorActions } from '../editor/useEditorActions';

/** The small fold button under a why with answers: "−" to fold them away, "+N" shows how many. */
export function CollapseToggle({
  nodeId,
  childCount,
  collapsed,
  hiddenCount,
}: {
  nodeId: string;
  childCount: number;
  collapsed: boolean;
  hiddenCount: number;
}) {
  const actions = useEditorActions();
  if (childCount === 0) return null;
  const onClick = (event: MouseEvent) => {
    // The node itself would otherwise take the click as "start typing here".
    event.stopPropagation();
    actions.toggleCollapsed(nodeId);
  };
  const plural = (count: number) => (count === 1 ? 'why' : 'whys');
  return (
    <button
      type="button"
      className="nodrag nopan wc-collapse"
      aria-expanded={!collapsed}
      aria-label={
        collapsed
          ? `Show ${hiddenCount} hidden ${plural(hiddenCount)}`
          : `Hide the ${plural(childCount)} below`
      }
      title={collapsed ? `${hiddenCount} hidden: show them` : 'Fold the whys below'}
      onClick={onClick}
    >
      {collapsed ? `+${hiddenCount}` : '−'}
    </button>
  );
}
