import { Handle, Position } from '@xyflow/react';

/**
 * Where the edges to a node's answers leave it: the bottom of its measured box, above the typing
 * room (see TYPING_ROOM). React Flow measures handles only when a node resizes, and the room
 * comes and goes without resizing it.
 */
export function SourceHandle({ typingRoom }: { typingRoom: number }) {
  return (
    <Handle
      type="source"
      position={Position.Bottom}
      isConnectable={false}
      style={typingRoom > 0 ? { bottom: typingRoom } : undefined}
    />
  );
}
