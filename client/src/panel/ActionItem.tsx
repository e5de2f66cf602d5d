import { useId } from 'react';
import {
  LIMITS,
  ACTION_STATUSES,
  actionTextOf,
  deleteAction,
  updateAction,
  type Action,
  type ActionPatch,
  type ActionStatus,
} from '@whychain/shared';
import { DamagedBadge } from '../editor/DamagedBadge';
import { KIND_HINTS, KIND_LABELS, STATUS_LABELS, today } from './actionLabels';
import { ErrorText } from './ErrorText';
import { usePanel } from './PanelContext';
import { SharedTextArea } from './SharedTextArea';
import { useCommandResult } from './useCommandResult';

/** One action, every field editable in place: each change is one `updateAction`. */
export function ActionItem({ action }: { action: Action }) {
  const { doc, origin, readOnly } = usePanel();
  const { error, check } = useCommandResult();
  const ids = { owner: useId(), due: useId(), status: useId() };
  const update = (patch: ActionPatch) =>
    check(updateAction(doc, { actionId: action.id, patch }, origin));
  const finished = action.status === 'done' || action.status === 'cancelled';
  const overdue = !finished && action.dueDate !== null && action.dueDate < today();

  return (
    <li className={`wc-action wc-action--${action.status}`} aria-label={action.description}>
      <div className="wc-action__head">
        <span className={`wc-kind wc-kind--${action.kind}`} title={KIND_HINTS[action.kind]}>
          {KIND_LABELS[action.kind]}
        </span>
        {action.damaged && <DamagedBadge record="action" />}
        {overdue && <span className="wc-action__overdue">Overdue</span>}
        <label className="wc-visually-hidden" htmlFor={ids.status}>
          Status
        </label>
        <select
          id={ids.status}
          className="wc-action__status"
          value={action.status}
          disabled={readOnly}
          onChange={(event) => update({ status: event.target.value as ActionStatus })}
        >
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        {!readOnly && (
          <button
            type="button"
            className="wc-iconbutton"
            aria-label="Delete action"
            title="Delete action"
            onClick={() => check(deleteAction(doc, { actionId: action.id }, origin))}
          >
            ×
          </button>
        )}
      </div>
      <SharedTextArea
        label="Description"
        hideLabel
        className="wc-action__description"
        rows={2}
        text={actionTextOf(doc, action.id, 'description')}
        fallback={action.description}
        readOnly={readOnly}
        maxLength={LIMITS.actionDescriptionLength}
        onChange={(description) => update({ description })}
      />
      <div className="wc-panel__row">
        <div className="wc-field wc-panel__field">
          <label htmlFor={ids.owner}>Owner</label>
          <input
            id={ids.owner}
            type="text"
            dir="auto"
            value={action.owner}
            placeholder="Who?"
            readOnly={readOnly}
            onChange={(event) => update({ owner: event.target.value })}
          />
        </div>
        <div className="wc-field wc-panel__field">
          <label htmlFor={ids.due}>Due date</label>
          <input
            id={ids.due}
            type="date"
            value={action.dueDate ?? ''}
            readOnly={readOnly}
            onChange={(event) => update({ dueDate: event.target.value || null })}
          />
        </div>
      </div>
      <label className="wc-check">
        <input
          type="checkbox"
          checked={action.internal}
          disabled={readOnly}
          onChange={(event) => update({ internal: event.target.checked })}
        />
        Internal: never shown to the customer
      </label>
      <label className="wc-check">
        <input
          type="checkbox"
          checked={action.ownerShareable}
          disabled={readOnly}
          onChange={(event) => update({ ownerShareable: event.target.checked })}
        />
        Show the owner&apos;s name to the customer
      </label>
      {(finished || action.completionNote !== '') && (
        <SharedTextArea
          label="Completion note"
          rows={1}
          text={actionTextOf(doc, action.id, 'completionNote')}
          fallback={action.completionNote}
          placeholder={action.status === 'cancelled' ? 'Why it was dropped' : 'What was done'}
          readOnly={readOnly}
          maxLength={LIMITS.completionNoteLength}
          onChange={(completionNote) => update({ completionNote })}
        />
      )}
      {action.completedAt !== null && (
        <p className="wc-action__foot wc-muted">
          Done on{' '}
          {new Date(action.completedAt).toLocaleDateString(undefined, { dateStyle: 'medium' })}
        </p>
      )}
      <ErrorText error={error} />
    </li>
  );
}
