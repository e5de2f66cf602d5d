import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { PROBLEM_ID } from '@whychain/shared';
import { useEditorActions } from '../editor/useEditorActions';
import { NodeActions } from './NodeActions';
import { NodeTextArea } from './NodeTextArea';
import { nodeClassName, nodeStyle } from './nodeStyle';
import { PeerMarks } from './PeerMarks';
import { RemoteCarets } from './RemoteCarets';
import type { ProblemFlowNode } from './toFlow';

/** The problem statement at the top of the tree. */
export const ProblemNode = memo(function ProblemNode({
  data,
  selected,
}: NodeProps<ProblemFlowNode>) {
  const actions = useEditorActions();
  const editable = selected && !data.readOnly;
  return (
    <div
      className={nodeClassName('problem', {
        'is-selected': selected,
        'has-peers': data.peers.length > 0,
      })}
      style={nodeStyle(data.minHeight, data.peers)}
    >
      <div className="wc-node__head">
        <span className="wc-node__label">Problem</span>
        <PeerMarks peers={data.peers} />
      </div>
      <div className="wc-node__body">
        {editable ? (
          <NodeTextArea
            nodeId={PROBLEM_ID}
            label="Problem statement"
            value={data.text}
            focus={data.editing}
            placeholder="What went wrong, as the customer saw it?"
            onChange={(text) => actions.editText(PROBLEM_ID, text)}
            onFocus={() => actions.startEditing(PROBLEM_ID)}
            onDone={() => actions.stopEditing()}
            onAddChild={() => actions.addWhy(PROBLEM_ID)}
            onAddSibling={() => actions.addWhy(PROBLEM_ID)}
          />
        ) : (
          <p className="wc-node__text">
            {data.text || <span className="wc-node__placeholder">No problem statement yet</span>}
          </p>
        )}
        <RemoteCarets nodeId={PROBLEM_ID} text={data.text} variant={editable ? 'input' : 'text'} />
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
      {/* Only the selected node mounts its toolbar: each one subscribes to the whole canvas. */}
      {!data.readOnly && selected && (
        <NodeActions label="Problem actions" visible={selected}>
          <button
            type="button"
            className="wc-button wc-button--primary"
            aria-keyshortcuts="Tab"
            onClick={() => actions.addWhy(PROBLEM_ID)}
          >
            Add why
          </button>
        </NodeActions>
      )}
    </div>
  );
});
