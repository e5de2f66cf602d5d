import type { Checklist, WhyId } from '@whychain/shared';

interface ChecklistItemsProps {
  checklist: Checklist;
  /** Called when a problem naming a why is clicked. */
  onSelectWhy: (whyId: WhyId) => void;
}

/** The checklist's items, each passed or not, with what is missing; problems on a why are links to it. */
export function ChecklistItems({ checklist, onSelectWhy }: ChecklistItemsProps) {
  return (
    <ul className="wc-checklist" aria-label="Checklist">
      {checklist.items.map((item) => (
        <li key={item.id} className={item.ok ? 'is-ok' : 'is-open'}>
          <div className="wc-checklist__item">
            <span className="wc-checklist__mark" aria-hidden="true">
              {item.ok ? '✓' : '✗'}
            </span>
            <span>
              {item.label}
              <span className="wc-visually-hidden">{item.ok ? ': done' : ': not yet'}</span>
            </span>
          </div>
          {item.problems.length > 0 && (
            <ul className="wc-checklist__problems">
              {item.problems.map((problem, index) => (
                <li key={`${problem.whyId ?? ''}-${index}`}>
                  {problem.whyId ? (
                    <button
                      type="button"
                      className="wc-checklist__problem"
                      title="Show this why"
                      onClick={() => onSelectWhy(problem.whyId!)}
                    >
                      {problem.message}
                    </button>
                  ) : (
                    problem.message
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
