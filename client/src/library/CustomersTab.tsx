import { MINOR_WOUNDS } from '@whychain/shared';
import type { CustomerJson, CustomersApi } from '../api/customersApi';
import { Link } from '../router/Link';
import { TextFilter } from './Filters';
import { formatDay, isoDate } from './formatUpdated';
import { customerPath } from './libraryPaths';
import { PagedResults } from './PagedResults';
import { useUrlPagedList } from './useUrlPagedList';
import { useUrlQuery } from './useUrlQuery';

/** The Customers tab: each customer's cases, with the ones collecting many minor wounds flagged. */
export function CustomersTab({ api }: { api: CustomersApi }) {
  const [params, setQuery] = useUrlQuery();
  // `name` in the URL: `q` is the search box over everything.
  const name = params.get('name')?.trim() || undefined;
  const list = useUrlPagedList(JSON.stringify({ name }), async (cursor, signal) => {
    const page = await api.list({ q: name, cursor }, signal);
    return { items: page.customers, nextCursor: page.nextCursor };
  });

  return (
    <>
      <div className="wc-lib-toolbar" role="group" aria-label="Customer filters">
        <TextFilter
          label="Name"
          value={name ?? ''}
          placeholder="Any customer"
          onChange={(value) => setQuery({ name: value, pages: null })}
        />
      </div>
      <PagedResults
        list={list}
        noun="customers"
        empty={
          name ? 'No customer has that name.' : 'No customers yet. A new case adds its customer.'
        }
      >
        {(customers) => <CustomersTable customers={customers} />}
      </PagedResults>
    </>
  );
}

function CustomersTable({ customers }: { customers: readonly CustomerJson[] }) {
  return (
    <table className="wc-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className="wc-lib-num">
            Cases
          </th>
          <th scope="col" className="wc-lib-num">
            Open cases
          </th>
          <th scope="col">Last case</th>
        </tr>
      </thead>
      <tbody>
        {customers.map((customer) => (
          <tr key={customer.id}>
            <td className="wc-table__main">
              <Link to={customerPath(customer.id)} dir="auto">
                {customer.name}
              </Link>
              {customer.flagged && <MinorWoundsFlag recentCases={customer.recentCases} />}
            </td>
            <td className="wc-lib-num">{customer.caseCount}</td>
            <td className="wc-lib-num">{customer.openCases}</td>
            <td>
              {customer.lastCaseAt ? (
                <time dateTime={isoDate(customer.lastCaseAt)}>
                  {formatDay(customer.lastCaseAt)}
                </time>
              ) : (
                <span className="wc-muted">None</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Said in words (not a colour alone), with the figures behind it on hover. */
function MinorWoundsFlag({ recentCases }: { recentCases: number }) {
  return (
    <span
      className="wc-lib-flag"
      title={`${recentCases} cases in the last ${MINOR_WOUNDS.days} days: many minor wounds are the main reason customers leave.`}
    >
      Many minor wounds
    </span>
  );
}
