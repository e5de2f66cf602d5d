import { useId } from 'react';
import {
  LIMITS,
  editWhyDetails,
  MIN_CHAIN_DEPTH,
  whyTextOf,
  type AnalysisSnapshot,
  type Verification,
  type Why,
  type WhyDetailsPatch,
} from '@whychain/shared';
import { DamagedBadge } from '../editor/DamagedBadge';
import { PartErrorBoundary } from '../editor/PartErrorBoundary';
import { useEditorActions } from '../editor/useEditorActions';
import { ActionList } from './ActionList';
import { CommentList } from './CommentList';
import { ErrorText } from './ErrorText';
import { EvidenceSection } from './EvidenceSection';
import { usePanel } from './PanelContext';
import { SeenBefore } from './SeenBefore';
import { SharedTextArea } from './SharedTextArea';
import { useCommandResult } from './useCommandResult';

const VERIFICATION_LABELS: Record<Verification, string> = {
  hypothesis: 'Hypothesis',
  verified: 'Verified',
  ruled_out: 'Ruled out',
};

/** Everything about the selected why: verification, category, root cause, evidence, actions, comments. */
export function WhyDetails({ why, snapshot }: { why: Why; snapshot: AnalysisSnapshot }) {
  const { doc, origin, readOnly } = usePanel();
  const actions = useEditorActions();
  const { error, check } = useCommandResult();
  const headingId = useId();
  const verificationId = useId();
  const categoryId = useId();
  const patch = (fields: WhyDetailsPatch) =>
    check(editWhyDetails(doc, { whyId: why.id, patch: fields }, origin));
  const isLeaf = why.childIds.length === 0;
  // A category taken off the list since it was chosen stays visible as the current choice.
  const categories =
    why.category !== null && !snapshot.categories.includes(why.category)
      ? [...snapshot.categories, why.category]
      : snapshot.categories;

  return (
    <section className="wc-panel__section wc-whydetails" aria-labelledby={headingId}>
      <header className="wc-whydetails__head">
        <h2 id={headingId} className="wc-panel__title">
          Why {why.depth}
        </h2>
        {why.rootCause && <span className="wc-badge">Root cause</span>}
        {why.damaged && <DamagedBadge record="why" />}
      </header>
      {/* From the snapshot, a frame behind typing: redrawing the panel inside each keystroke
          costs a layout of the whole panel, more than the frame has to spare. */}
      <p className="wc-panel__quote" dir="auto">
        {why.text || <span className="wc-node__placeholder">No answer yet</span>}
      </p>
      <SeenBefore text={why.text} />

      <label className="wc-check wc-check--strong">
        <input
          type="checkbox"
          checked={why.rootCause}
          disabled={readOnly}
          onChange={(event) => actions.setRootCause(why.id, event.target.checked)}
        />
        Root cause
      </label>

      <fieldset
        className="wc-panel__radios"
        role="radiogroup"
        aria-labelledby={verificationId}
        disabled={readOnly}
      >
        <legend id={verificationId}>Verification</legend>
        {(Object.keys(VERIFICATION_LABELS) as Verification[]).map((value) => (
          <label key={value} className={`wc-radio wc-radio--${value}`}>
            <input
              type="radio"
              name={`verification-${why.id}`}
              value={value}
              checked={why.verification === value}
              onChange={() => patch({ verification: value })}
            />
            {VERIFICATION_LABELS[value]}
          </label>
        ))}
      </fieldset>

      {why.rootCause && (
        <label className="wc-check">
          <input
            type="checkbox"
            checked={why.assumption}
            disabled={readOnly}
            onChange={(event) => patch({ assumption: event.target.checked })}
          />
          Accepted as an assumption
        </label>
      )}

      <label className="wc-check" title="Hides this why and everything below it">
        <input
          type="checkbox"
          checked={why.internal}
          disabled={readOnly}
          onChange={(event) => patch({ internal: event.target.checked })}
        />
        Internal: never shown to the customer
      </label>

      <div className="wc-field wc-panel__field">
        <label htmlFor={categoryId}>Cause category</label>
        <select
          id={categoryId}
          value={why.category ?? ''}
          disabled={readOnly}
          onChange={(event) => patch({ category: event.target.value || null })}
        >
          <option value="">None</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </div>

      {isLeaf && why.depth < MIN_CHAIN_DEPTH && (
        <SharedTextArea
          label="Reason to stop here"
          hint={`This chain stops at why ${why.depth}. Ask why again, or say why it can stop.`}
          rows={1}
          text={whyTextOf(doc, why.id, 'stopReason')}
          fallback={why.stopReason}
          readOnly={readOnly}
          maxLength={LIMITS.commentLength}
          onChange={(stopReason) => patch({ stopReason })}
        />
      )}
      <ErrorText error={error} />

      <PartErrorBoundary part="The evidence" resetKey={why}>
        <EvidenceSection why={why} />
      </PartErrorBoundary>

      {why.rootCause && (
        <PartErrorBoundary part="The actions" resetKey={snapshot.actions}>
          <ActionList
            title="Actions"
            whyId={why.id}
            actions={snapshot.actions.filter((action) => action.whyId === why.id)}
          />
        </PartErrorBoundary>
      )}

      <PartErrorBoundary part="The comments" resetKey={snapshot.comments}>
        <CommentList
          whyId={why.id}
          comments={snapshot.comments.filter((comment) => comment.whyId === why.id)}
        />
      </PartErrorBoundary>
    </section>
  );
}
