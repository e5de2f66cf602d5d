import { useId, useState, type FormEvent } from 'react';
import { addComment, resolveComment, type Comment, type WhyId } from '@whychain/shared';
import { ErrorText } from './ErrorText';
import { formatDateTime, formatRelative } from './formatRelative';
import { usePanel } from './PanelContext';
import { useCommandResult } from './useCommandResult';
import { useNow } from './useNow';

/** The discussion on a why: open comments, resolved ones on demand, and a box to add one. */
export function CommentList({ whyId, comments }: { whyId: WhyId; comments: readonly Comment[] }) {
  const { doc, origin, readOnly } = usePanel();
  const { error, check, setError } = useCommandResult();
  const [text, setText] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const now = useNow(30_000);
  const headingId = useId();
  const resolved = comments.filter((comment) => comment.resolved).length;
  const shown = comments.filter((comment) => showResolved || !comment.resolved);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (check(addComment(doc, { whyId, text }, origin))) setText('');
  };

  return (
    <section className="wc-panel__group" aria-labelledby={headingId}>
      <h3 id={headingId} className="wc-panel__subtitle">
        Comments
        {comments.length - resolved > 0 && (
          <span className="wc-count">{comments.length - resolved}</span>
        )}
      </h3>
      {shown.length > 0 && (
        <ul className="wc-comments" aria-labelledby={headingId}>
          {shown.map((comment) => (
            <li key={comment.id} className={comment.resolved ? 'is-resolved' : undefined}>
              <div className="wc-comment__meta">
                <strong dir="auto">{comment.author || 'Someone'}</strong>
                <time
                  dateTime={new Date(comment.createdAt).toISOString()}
                  title={formatDateTime(comment.createdAt)}
                >
                  {formatRelative(comment.createdAt, now)}
                </time>
                {!readOnly && (
                  <button
                    type="button"
                    className="wc-button wc-button--small wc-comment__resolve"
                    onClick={() =>
                      check(
                        resolveComment(
                          doc,
                          { commentId: comment.id, resolved: !comment.resolved },
                          origin,
                        ),
                      )
                    }
                  >
                    {comment.resolved ? 'Reopen' : 'Resolve'}
                  </button>
                )}
              </div>
              <p className="wc-comment__text" dir="auto">
                {comment.text}
              </p>
            </li>
          ))}
        </ul>
      )}
      {resolved > 0 && (
        <button
          type="button"
          className="wc-link wc-panel__more"
          aria-expanded={showResolved}
          onClick={() => setShowResolved(!showResolved)}
        >
          {showResolved ? 'Hide resolved' : `Show resolved (${resolved})`}
        </button>
      )}
      {!readOnly && (
        <form className="wc-panel__inline" onSubmit={onSubmit}>
          <input
            type="text"
            aria-label="Add comment"
            dir="auto"
            placeholder="Add a comment…"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              if (error) setError(null);
            }}
          />
          <button type="submit" className="wc-button" disabled={text.trim() === ''}>
            Add comment
          </button>
        </form>
      )}
      {readOnly && shown.length === 0 && resolved === 0 && (
        <p className="wc-muted wc-panel__empty">No comments.</p>
      )}
      <ErrorText error={error} />
    </section>
  );
}
