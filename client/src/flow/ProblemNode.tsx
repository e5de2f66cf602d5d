import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { PROBLEM_ID } from '@whychain/shared';
import { useEditorActions } from '../editor/useEditorActions';
import { NodeActions } from './NodeActions';
import { NodeText } from './NodeText';
import { nodeClassName, nodeStyle } from './nodeStyle';
import { SourceHandle } from './SourceHandle';
import { PeerMarks } from './PeerMarks';
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
      style={nodeStyle(data.minHeight, data.peers, data.typingRoom)}
    >
      <div className="wc-node__head">
        <span className="wc-node__label">Problem</span>
        <PeerMarks peers={data.peers} />
      </div>
      <NodeText
        nodeId={PROBLEM_ID}
        text={data.text}
        editable={editable}
        focus={data.editing}
        label="Problem statement"
        placeholder="What went wrong, as the customer saw it?"
        emptyText="No problem statement yet"
        onAddSibling={() => actions.addWhy(PROBLEM_ID)}
      />
      <SourceHandle typingRoom={data.typingRoom} />
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
