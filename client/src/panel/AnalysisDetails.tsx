import { useId } from 'react';
import {
  LIMITS,
  customerMessageOf,
  editCustomerMessage,
  editLearnings,
  learningsOf,
  setBlameWords,
  setCategories,
  type AnalysisSnapshot,
} from '@whychain/shared';
import { ActionList } from './ActionList';
import { CollapsibleSection } from './CollapsibleSection';
import { ErrorText } from './ErrorText';
import { ListSetting } from './ListSetting';
import { usePanel } from './PanelContext';
import { SharedTextArea } from './SharedTextArea';
import { useCommandResult } from './useCommandResult';

/**
 * What belongs to the analysis as a whole: containment, learnings for other customers, the
 * message to the customer, settings.
 */
export function AnalysisDetails({ snapshot }: { snapshot: AnalysisSnapshot }) {
  const { doc, origin, readOnly } = usePanel();
  const learnings = useCommandResult();
  const customerMessage = useCommandResult();
  const headingId = useId();

  return (
    <>
      <section className="wc-panel__section" aria-labelledby={headingId}>
        <h2 id={headingId} className="wc-panel__title">
          Analysis
        </h2>
        <p className="wc-panel__hint">
          Select a why on the canvas to see its evidence and actions.
        </p>
        <ActionList
          title="Containment actions"
          whyId={null}
          actions={snapshot.actions.filter((action) => action.whyId === null)}
          empty="Nothing yet. What stops the damage for the customer right now?"
        />
        <div className="wc-panel__group">
          <SharedTextArea
            label="Learnings for other customers"
            hint="What should other teams and customers know from this?"
            text={learningsOf(doc)}
            readOnly={readOnly}
            rows={4}
            maxLength={LIMITS.evidenceLength}
            onChange={(text) => learnings.check(editLearnings(doc, { text }, origin))}
          />
          <ErrorText error={learnings.error} />
        </div>
        <div className="wc-panel__group">
          <SharedTextArea
            label="Message to the customer"
            hint="Opens the customer's version of the exports: own the mistake, say what you will do."
            text={customerMessageOf(doc)}
            readOnly={readOnly}
            rows={4}
            maxLength={LIMITS.evidenceLength}
            onChange={(text) => customerMessage.check(editCustomerMessage(doc, { text }, origin))}
          />
          <ErrorText error={customerMessage.error} />
        </div>
      </section>
      <CollapsibleSection title="Settings" defaultOpen={false}>
        <ListSetting
          label="Cause categories"
          hint="One per line."
          values={snapshot.categories}
          readOnly={readOnly}
          onSave={(categories) => setCategories(doc, { categories }, origin)}
        />
        <ListSetting
          label="Blame words"
          hint="One per line. A why using one gets a hint to look at the process instead."
          values={snapshot.blameWords}
          readOnly={readOnly}
          onSave={(words) => setBlameWords(doc, { words }, origin)}
        />
      </CollapsibleSection>
    </>
  );
}
