import { useId, useState } from 'react';
import type { Action, ActionKind, WhyId } from '@whychain/shared';
import { PartErrorBoundary } from '../editor/PartErrorBoundary';
import { ActionItem } from './ActionItem';
import { AddActionForm } from './AddActionForm';
import { usePanel } from './PanelContext';

const ROOT_CAUSE_KINDS: readonly ActionKind[] = ['corrective', 'preventive', 'containment'];
const ANALYSIS_KINDS: readonly ActionKind[] = ['containment'];

interface ActionListProps {
  title: string;
  /** The root cause, or null for the analysis's containment actions. */
  whyId: WhyId | null;
  actions: readonly Action[];
  /** Shown when there are no actions yet. */
  empty?: string;
}

/**
 * The actions on a root cause (or on the analysis), each editable, and a form to add one: open
 * while the list is empty, behind an "Add action" button once it is not.
 */
export function ActionList({ title, whyId, actions, empty }: ActionListProps) {
  const { readOnly } = usePanel();
  const [adding, setAdding] = useState(false);
  const headingId = useId();
  const showForm = !readOnly && (adding || actions.length === 0);
  return (
    <section className="wc-panel__group" aria-labelledby={headingId}>
      <h3 id={headingId} className="wc-panel__subtitle">
        {title}
        {actions.length > 0 && <span className="wc-count">{actions.length}</span>}
      </h3>
      {actions.length > 0 ? (
        <ul className="wc-actions" aria-labelledby={headingId}>
          {actions.map((action) => (
            <PartErrorBoundary
              key={action.id}
              as="li"
              compact
              part={`The action “${action.description || 'without a description'}”`}
              resetKey={action}
            >
              <ActionItem action={action} />
            </PartErrorBoundary>
          ))}
        </ul>
      ) : (
        <p className="wc-muted wc-panel__empty">
          {readOnly
            ? 'No actions.'
            : (empty ?? 'No actions yet. What removes this cause, and who does it by when?')}
        </p>
      )}
      {showForm ? (
        <AddActionForm
          whyId={whyId}
          kinds={whyId === null ? ANALYSIS_KINDS : ROOT_CAUSE_KINDS}
          onDone={actions.length > 0 ? () => setAdding(false) : undefined}
        />
      ) : (
        !readOnly && (
          <button
            type="button"
            className="wc-button wc-button--small wc-panel__add"
            onClick={() => setAdding(true)}
          >
            + Add action
          </button>
        )
      )}
    </section>
  );
}
