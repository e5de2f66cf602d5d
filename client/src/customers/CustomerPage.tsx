import { useCallback, useEffect, useState } from 'react';
import type { CustomerWithCases } from '../api/customersApi';
import { createCaseApis, type CaseApis } from '../cases/caseApis';
import { NEW_CASE_PATH } from '../cases/caseFormat';
import { PageFrame, PageProblem } from '../cases/PageFrame';
import { useLoaded } from '../cases/useLoaded';
import { Link } from '../router/Link';
import { CustomerCaseTimeline } from './CustomerCaseTimeline';
import { CustomerNameForm } from './CustomerNameForm';
import { MinorWoundsNotice } from './MinorWoundsNotice';

/** One customer: its name, its cases newest first, and a plain word when it has many minor wounds. */
export function CustomerPage({ customerId, apis: given }: { customerId: string; apis?: CaseApis }) {
  const [apis] = useState(() => given ?? createCaseApis());
  const [loaded, setCustomer] = useLoaded<CustomerWithCases>(
    useCallback(() => apis.customers.get(customerId), [apis, customerId]),
  );
  const [editing, setEditing] = useState(false);

  const name = loaded.kind === 'ready' ? loaded.value.name : null;
  useEffect(() => {
    if (name !== null) document.title = `${name} · Whychain`;
  }, [name]);

  if (loaded.kind === 'loading') {
    return (
      <PageFrame>
        <p aria-live="polite">Loading the customer…</p>
      </PageFrame>
    );
  }
  if (loaded.kind === 'error') {
    return (
      <PageProblem
        title={loaded.status === 404 ? 'Customer not found' : 'Could not load the customer'}
        message={loaded.message}
      />
    );
  }
  const { value: customer } = loaded;

  return (
    <PageFrame>
      <header className="wc-casehead">
        <p className="wc-casehead__crumbs">Customer</p>
        {editing ? (
          <CustomerNameForm
            customer={customer}
            onSave={async (fields) => {
              const changed = await apis.customers.patch(customer.id, fields);
              setCustomer({ ...customer, ...changed });
              setEditing(false);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <div className="wc-customerhead">
            <h1 dir="auto">{customer.name}</h1>
            <button
              type="button"
              className="wc-button wc-button--small"
              onClick={() => setEditing(true)}
            >
              Edit customer
            </button>
          </div>
        )}
        <ul className="wc-casehead__facts" aria-label="Customer at a glance">
          <li>
            External id: <span dir="auto">{customer.externalId ?? '—'}</span>
          </li>
          <li>
            {customer.caseCount} {customer.caseCount === 1 ? 'case' : 'cases'}
          </li>
          <li>{customer.openCases} open</li>
        </ul>
      </header>
      {customer.flagged && <MinorWoundsNotice recentCases={customer.recentCases} />}
      <section className="wc-casesection" aria-labelledby="customer-cases-heading">
        <div className="wc-casesection__head">
          <h2 id="customer-cases-heading">Cases</h2>
          <Link to={NEW_CASE_PATH} className="wc-button wc-button--small">
            New case
          </Link>
        </div>
        <CustomerCaseTimeline cases={customer.cases} />
      </section>
    </PageFrame>
  );
}
