import './connection.css';

interface SyncRefusedNoticeProps {
  /** What the server said, e.g. "This analysis is closed; reopen it to make changes." */
  reason: string;
  /** Sends the kept changes again now. */
  onRetry: () => void;
  /** Hides the notice; the connection status still says the changes were refused. */
  onHide: () => void;
}

/**
 * Says why the server turned down a change from this browser and that the change is not lost:
 * it stays on this device and goes through once the analysis accepts changes again. The person
 * stays in the room meanwhile, so the notice says they still see the others' work.
 */
export function SyncRefusedNotice({ reason, onRetry, onHide }: SyncRefusedNoticeProps) {
  return (
    <div role="alert" className="wc-sync-notice">
      <p className="wc-sync-notice__title">
        Your latest changes were not saved: {reason || 'the server refused them.'}
      </p>
      <p className="wc-sync-notice__text">
        They are kept in this browser and go through if the analysis accepts changes again.
        Meanwhile you still see everyone else’s changes as they make them.
      </p>
      <div className="wc-sync-notice__buttons">
        <button type="button" className="wc-button" onClick={onRetry}>
          Try again now
        </button>
        <button type="button" className="wc-link" onClick={onHide}>
          Hide
        </button>
      </div>
    </div>
  );
}
