import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useEditorActions } from '../editor/useEditorActions';
import { NodeActions } from './NodeActions';
import { NodeTextArea } from './NodeTextArea';
import { nodeClassName, nodeStyle } from './nodeStyle';
import { PeerMarks } from './PeerMarks';
import type { WhyFlowNode } from './toFlow';

/** One answer to "why?", with its depth label and, when it is one, its root-cause badge. */
export const WhyNode = memo(function WhyNode({ id, data, selected }: NodeProps<WhyFlowNode>) {
  const actions = useEditorActions();
  const editable = selected && !data.readOnly;
  return (
    <div
      className={nodeClassName('why', {
        'is-selected': selected,
        'is-root-cause': data.rootCause,
        'has-peers': data.peers.length > 0,
      })}
      style={nodeStyle(data.minHeight, data.peers)}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="wc-node__head">
        <span className="wc-node__label">{data.label}</span>
        {data.rootCause && <span className="wc-badge">Root cause</span>}
        <PeerMarks peers={data.peers} />
      </div>
      {editable ? (
        <NodeTextArea
          label="Why text"
          value={data.text}
          focus={data.editing}
          placeholder="Because…"
          onChange={(text) => actions.editText(id, text)}
          onFocus={() => actions.startEditing(id)}
          onDone={() => actions.stopEditing()}
          onAddWhy={() => actions.addWhy(id)}
        />
      ) : (
        <p className="wc-node__text">
          {data.text || <span className="wc-node__placeholder">No answer yet</span>}
        </p>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
      {!data.readOnly && (
        <NodeActions label={`${data.label} actions`} visible={selected}>
          <button
            type="button"
            className="wc-button wc-button--primary"
            aria-keyshortcuts="Control+Enter"
            onClick={() => actions.addWhy(id)}
          >
            Add why
          </button>
          <button
            type="button"
            className="wc-button"
            onClick={() => actions.setRootCause(data.whyId, !data.rootCause)}
          >
            {data.rootCause ? 'Unmark root cause' : 'Mark as root cause'}
          </button>
          <button
            type="button"
            className="wc-button wc-button--danger"
            onClick={() => actions.deleteWhy(data.whyId, data.parentId)}
          >
            Delete why
          </button>
        </NodeActions>
      )}
    </div>
  );
});
