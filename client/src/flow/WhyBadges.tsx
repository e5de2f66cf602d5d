import type { Verification } from '@whychain/shared';

const VERIFICATION_LABEL: Readonly<Record<Verification, string>> = {
  hypothesis: 'Hypothesis',
  verified: 'Verified',
  ruled_out: 'Ruled out',
};

/** The verification state of a why, as a small badge. */
export function VerificationBadge({ verification }: { verification: Verification }) {
  return (
    <span className={`wc-chip wc-chip--${verification.replace('_', '-')}`}>
      {VERIFICATION_LABEL[verification]}
    </span>
  );
}

/** The category and open comment count under a why's text, when it has either. */
export function WhyMeta({
  category,
  openComments,
}: {
  category: string | null;
  openComments: number;
}) {
  if (!category && openComments === 0) return null;
  const comments = `${openComments} open comment${openComments === 1 ? '' : 's'}`;
  return (
    <div className="wc-node__meta">
      {category && <span className="wc-chip wc-chip--category">{category}</span>}
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
