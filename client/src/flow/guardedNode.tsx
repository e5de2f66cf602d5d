import { memo, type ComponentType } from 'react';
import { PartErrorBoundary } from '../editor/PartErrorBoundary';

/**
 * A node renderer that shows a small error in place of its node when it fails to draw, so one
 * broken why does not take the canvas down with it; it draws again when its data changes.
 */
export function guardedNode<P extends { data: object }>(
  Node: ComponentType<P>,
  partOf: (props: P) => string,
): ComponentType<P> {
  const Guarded = memo(function GuardedNode(props: P) {
    return (
      <PartErrorBoundary part={partOf(props)} resetKey={props.data} compact>
        <Node {...props} />
      </PartErrorBoundary>
    );
  });
  Guarded.displayName = `Guarded(${Node.displayName ?? Node.name})`;
  return Guarded as unknown as ComponentType<P>;
}
