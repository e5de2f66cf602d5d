import { MINOR_WOUNDS } from '@whychain/shared';
import { Link } from '../router/Link';
import { customerPath } from '../cases/caseFormat';

interface MinorWoundsNoticeProps {
  /** Cases of the customer within the window. */
  recentCases: number;
  /** On a case page: the customer to link to. */
  customer?: { id: string; name: string };
}

/**
 * Said plainly where a customer collects many small letdowns: each may look minor, together they
 * are what ends relationships.
 */
export function MinorWoundsNotice({ recentCases, customer }: MinorWoundsNoticeProps) {
  return (
    <div className="wc-wounds" role="note" aria-label="Many minor wounds">
      <span className="wc-wounds__mark" aria-hidden="true">
        !
      </span>
      <p>
        <strong>
          Many minor wounds: {recentCases} cases in the last {MINOR_WOUNDS.days} days.
        </strong>{' '}
        Small letdowns add up; this is the main reason relationships end.
        {customer && (
          <>
            {' '}
            <Link to={customerPath(customer.id)} dir="auto">
              See all cases of {customer.name}
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
