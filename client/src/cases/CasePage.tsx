import { useCallback, useEffect, useState } from 'react';
import type { CaseJson, CaseRecovery } from '@whychain/shared';
import type { CaseFieldsInput } from '../api/casesApi';
import type { CustomerJson } from '../api/customersApi';
import { MinorWoundsNotice } from '../customers/MinorWoundsNotice';
import { Link } from '../router/Link';
import { createCaseApis, type CaseApis } from './caseApis';
import { CaseDetailsForm } from './CaseDetailsForm';
import {
  CASE_STATUS_LABELS,
  customerPath,
  formatDateTime,
  formatMoney,
  labelOf,
  SEVERITY_LABELS,
} from './caseFormat';
import { DiscoveryChecklist } from './DiscoveryChecklist';
import { LinkedAnalyses } from './LinkedAnalyses';
import { PageFrame, PageProblem } from './PageFrame';
import { RecoveryTimeline } from './RecoveryTimeline';
import { useLoaded } from './useLoaded';

/** One customer case: its details, the repair of the relationship, discovery, and its analyses. */
export function CasePage({ caseId, apis: given }: { caseId: string; apis?: CaseApis }) {
  const [apis] = useState(() => given ?? createCaseApis());
  const [loaded, setFound] = useLoaded<CaseJson>(
    useCallback(() => apis.cases.get(caseId), [apis, caseId]),
  );
  const [customer, setCustomer] = useState<CustomerJson | null>(null);
  const found = loaded.kind === 'ready' ? loaded.value : null;

  // The customer's figures say whether it is collecting many minor wounds; read again when the
  // case moves to another customer or its received time changes.
  const customerId = found?.customer.id;
  const receivedAt = found?.receivedAt;
  useEffect(() => {
    if (!customerId) return;
    let current = true;
    apis.customers.get(customerId).then(
      (answer) => current && setCustomer(answer),
      () => current && setCustomer(null),
    );
    return () => {
      current = false;
    };
  }, [apis, customerId, receivedAt]);

  useEffect(() => {
    if (found) document.title = `${found.summary} · ${found.customer.name} · Whychain`;
  }, [found]);

  const save = useCallback(
    async (fields: CaseFieldsInput) => {
      setFound(await apis.cases.patch(caseId, fields));
    },
    [apis, caseId, setFound],
  );

  if (loaded.kind === 'loading') {
    return (
      <PageFrame wide>
        <p aria-live="polite">Loading the case…</p>
      </PageFrame>
    );
  }
  if (loaded.kind === 'error') {
    return (
      <PageProblem
        title={loaded.status === 404 ? 'Case not found' : 'Could not load the case'}
        message={loaded.message}
      />
    );
  }
  const { value: shown } = loaded;
  const stakes =
    shown.stakes.amount !== null ? formatMoney(shown.stakes.amount, shown.stakes.currency) : null;

  return (
    <PageFrame wide>
      <header className="wc-casehead">
        <p className="wc-casehead__crumbs">
          <Link to={customerPath(shown.customer.id)} dir="auto">
            {shown.customer.name}
          </Link>
          {shown.externalRef && (
            <>
              <span aria-hidden="true"> / </span>
              {shown.externalUrl ? (
                <a href={shown.externalUrl} target="_blank" rel="noreferrer noopener" dir="auto">
                  {shown.externalRef}
                  <span className="wc-visually-hidden"> (opens in a new tab)</span>
                </a>
              ) : (
                <span dir="auto">{shown.externalRef}</span>
              )}
            </>
          )}
        </p>
        <h1 dir="auto">{shown.summary}</h1>
        <ul className="wc-casehead__facts" aria-label="Case at a glance">
          <li>
            <span className={`wc-severity wc-severity--${shown.severity}`}>
              {labelOf(SEVERITY_LABELS, shown.severity)} severity
            </span>
          </li>
          <li>
            <span className={`wc-casestatus wc-casestatus--${shown.status}`}>
              {labelOf(CASE_STATUS_LABELS, shown.status)}
            </span>
          </li>
          <li>
            Received <time dateTime={shown.receivedAt}>{formatDateTime(shown.receivedAt)}</time>
          </li>
          {shown.owner && <li dir="auto">Owner: {shown.owner}</li>}
          {stakes && <li>At stake: {stakes}</li>}
        </ul>
      </header>
      {customer?.flagged && (
        <MinorWoundsNotice recentCases={customer.recentCases} customer={shown.customer} />
      )}
      <div className="wc-casegrid">
        <div className="wc-casegrid__main">
          <section className="wc-casesection" aria-labelledby="case-details-heading">
            <div className="wc-casesection__head">
              <h2 id="case-details-heading">Details</h2>
            </div>
            <CaseDetailsForm
              found={shown}
              customers={apis.customers}
              submitLabel="Save changes"
              onSubmit={save}
            />
          </section>
          <DiscoveryChecklist found={shown} onSave={(discovery) => save({ discovery })} />
        </div>
        <aside className="wc-casegrid__side" aria-label="Analyses and recovery">
          <LinkedAnalyses found={shown} apis={apis} onChanged={setFound} />
          <RecoveryTimeline
            found={shown}
            onSave={(recovery: Partial<CaseRecovery>) => save({ recovery })}
          />
        </aside>
      </div>
    </PageFrame>
  );
}
