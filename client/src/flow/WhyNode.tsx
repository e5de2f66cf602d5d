import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { DamagedBadge } from '../editor/DamagedBadge';
import { useEditorActions } from '../editor/useEditorActions';
import { CollapseToggle } from './CollapseToggle';
import { NodeActions } from './NodeActions';
import { NodeText } from './NodeText';
import { nodeClassName, nodeStyle } from './nodeStyle';
import { SourceHandle } from './SourceHandle';
import { PeerMarks } from './PeerMarks';
import type { WhyFlowNode } from './toFlow';
import { BlameHint, VerificationBadge, WhyMeta } from './WhyBadges';

/**
 * One answer to "why?": its depth label, verification and root-cause badges, the text (a text
 * box while selected) with the other people's carets in it, and the blameless hint.
 */
export const WhyNode = memo(function WhyNode({ id, data, selected }: NodeProps<WhyFlowNode>) {
  const actions = useEditorActions();
  const editable = selected && !data.readOnly;
  return (
    <div
      className={nodeClassName('why', {
        'is-selected': selected,
        'is-root-cause': data.rootCause,
        'is-ruled-out': data.ruledOut,
        'has-peers': data.peers.length > 0,
      })}
      style={nodeStyle(data.minHeight, data.peers, data.typingRoom)}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="wc-node__head">
        <span className="wc-node__label">{data.label}</span>
        {data.damaged && <DamagedBadge record="why" />}
        <VerificationBadge verification={data.verification} assumption={data.assumption} />
        {data.rootCause && <span className="wc-badge">Root cause</span>}
        <PeerMarks peers={data.peers} />
      </div>
      <NodeText
        nodeId={id}
        text={data.text}
        editable={editable}
        focus={data.editing}
        label="Why text"
        placeholder="Because…"
        emptyText="No answer yet"
        onAddSibling={() => actions.addSibling(id)}
      />
      <BlameHint phrase={data.blame} />
      <WhyMeta category={data.category} openComments={data.openComments} actions={data.actions} />
      <SourceHandle typingRoom={data.typingRoom} />
      <CollapseToggle
        nodeId={id}
        childCount={data.childCount}
        collapsed={data.collapsed}
        hiddenCount={data.hiddenCount}
      />
      {/* Only the selected node mounts its toolbar: each one subscribes to the whole canvas. */}
      {!data.readOnly && selected && (
        <NodeActions label={`${data.label} actions`} visible={selected}>
          <button
            type="button"
            className="wc-button wc-button--primary"
            aria-keyshortcuts="Tab"
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
            aria-keyshortcuts="Delete"
            onClick={() => actions.deleteWhy(data.whyId, data.parentId)}
          >
            Delete why
          </button>
        </NodeActions>
      )}
    </div>
  );
});
