import type { Verification } from '@whychain/shared';
import type { ActionSummary } from './toFlow';

/** The verifications a node names; a hypothesis, the default, goes without a badge. */
const VERIFICATION_LABEL: Readonly<Record<Exclude<Verification, 'hypothesis'>, string>> = {
  verified: 'Verified',
  ruled_out: 'Ruled out',
};

/**
 * The verification of a why, as a small badge, only when it says something: verified, ruled out,
 * or (a root cause still a hypothesis) accepted as an assumption. Every why starts as a
 * hypothesis, so a badge for it on every node would be noise.
 */
export function VerificationBadge({
  verification,
  assumption = false,
}: {
  verification: Verification;
  assumption?: boolean;
}) {
  if (verification === 'hypothesis') {
    return assumption ? <span className="wc-chip wc-chip--assumption">Assumption</span> : null;
  }
  return (
    <span className={`wc-chip wc-chip--${verification.replace('_', '-')}`}>
      {VERIFICATION_LABEL[verification]}
    </span>
  );
}

/** A root cause's actions at a glance: how many are done, and how many are late, in words. */
export function ActionsAtGlance({ actions }: { actions: ActionSummary | null }) {
  if (!actions) return null;
  if (actions.total === 0) {
    return <span className="wc-node__actions wc-node__actions--none">No actions yet</span>;
  }
  const noun = actions.total === 1 ? 'action' : 'actions';
  return (
    <span className="wc-node__actions">
      {`${actions.done}/${actions.total} ${noun} done`}
      {actions.overdue > 0 && (
        <>
          <span aria-hidden="true"> · </span>
          <span className="wc-node__overdue">{`${actions.overdue} overdue`}</span>
        </>
      )}
    </span>
  );
}

/** The actions, category and open comment count under a why's text, when it has any. */
export function WhyMeta({
  category,
  openComments,
  actions = null,
}: {
  category: string | null;
  openComments: number;
  actions?: ActionSummary | null;
}) {
  if (!category && openComments === 0 && !actions) return null;
  const comments = `${openComments} open comment${openComments === 1 ? '' : 's'}`;
  return (
    <div className="wc-node__meta">
      <ActionsAtGlance actions={actions} />
      {category && (
        <span className="wc-chip wc-chip--category" dir="auto">
          {category}
        </span>
      )}
      {openComments > 0 && (
        <span className="wc-node__comments" title={comments}>
          <svg width="13" height="12" viewBox="0 0 13 12" aria-hidden="true">
            <path d="M2 1h9a1.5 1.5 0 0 1 1.5 1.5v5A1.5 1.5 0 0 1 11 9H6l-3 2.5V9H2A1.5 1.5 0 0 1 .5 7.5v-5A1.5 1.5 0 0 1 2 1z" />
          </svg>
          <span aria-hidden="true">{openComments}</span>
          <span className="wc-visually-hidden">{comments}</span>
        </span>
      )}
    </div>
  );
}

/** A gentle nudge when a why blames a person: asks about the process instead. */
export function BlameHint({ phrase }: { phrase: string | null }) {
  if (!phrase) return null;
  return (
    <p role="note" className="wc-node__hint">
      Sounds like blame (“{phrase}”). Ask what in the process allowed it.
    </p>
  );
}
