import './damaged.css';

/** A small "Damaged" mark next to the text of a why or an action saved in a broken shape. */
export function DamagedBadge({ record }: { record: 'why' | 'action' }) {
  return (
    <span
      className="wc-damaged"
      title={`This ${record} was saved in a broken shape; its text is shown as far as it could be read`}
    >
      Damaged
    </span>
  );
}
