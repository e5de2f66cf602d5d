import { useContext } from 'react';
import { LIMITS, nodeTextOf, PROBLEM_ID } from '@whychain/shared';
import { useEditorActions } from '../editor/useEditorActions';
import { NodeTextArea } from './NodeTextArea';
import { useLiveText } from '../text/useLiveText';
import { RemoteCarets } from './RemoteCarets';
import { CanvasPresenceContext } from './useRemoteStates';
import './nodeText.css';

interface NodeTextProps {
  /** 'problem' or a why id. */
  nodeId: string;
  text: string;
  /** A text box (selected and writable) or plain text. */
  editable: boolean;
  focus: boolean;
  /** Accessible name of the text box ("Problem statement", "Why text"). */
  label: string;
  placeholder: string;
  /** Shown in place of an empty text when it is not being edited. */
  emptyText: string;
  /** Enter: what "add a why next to this one" means for this node. */
  onAddSibling: () => void;
}

/**
 * The text of a node: a text box bound to the shared text while the node is selected, plain text
 * otherwise, with the other people's carets drawn over it either way. Until the box has the caret
 * it looks like the plain text (see nodeText.css), so a node that is only selected (after Escape,
 * or reached with the arrow keys) does not look as if one were still typing. The box stays
 * mounted, so a click puts the caret where it lands and F2 or a new why go straight into it.
 */
export function NodeText(props: NodeTextProps) {
  const { nodeId, editable, focus, label, placeholder, emptyText, onAddSibling } = props;
  const actions = useEditorActions();
  // Straight from the document: what anyone types shows in this frame, before the rest of the
  // editor (layout, checklist, side panel) has caught up with it.
  const doc = useContext(CanvasPresenceContext)?.doc;
  const shared = doc ? nodeTextOf(doc, nodeId) : undefined;
  const text = useLiveText(shared, props.text);
  return (
    <div className="wc-node__body">
      {editable ? (
        <NodeTextArea
          nodeId={nodeId}
          label={label}
          value={text}
          sharedText={shared}
          maxLength={nodeId === PROBLEM_ID ? LIMITS.problemLength : LIMITS.whyTextLength}
          focus={focus}
          placeholder={placeholder}
          onChange={(next) => actions.editText(nodeId, next)}
          onCut={(notice) => actions.notify(notice)}
          onFocus={() => actions.startEditing(nodeId)}
          onDone={() => actions.stopEditing()}
          onAddChild={() => actions.addWhy(nodeId)}
          onAddSibling={onAddSibling}
        />
      ) : (
        <p className="wc-node__text" dir="auto">
          {text || <span className="wc-node__placeholder">{emptyText}</span>}
        </p>
      )}
      <RemoteCarets nodeId={nodeId} text={text} variant={editable ? 'input' : 'text'} />
    </div>
  );
}
