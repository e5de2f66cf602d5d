import { useCallback, useEffect, useId, useState } from 'react';
import type { CaseJson } from '@whychain/shared';
import { messageOf } from '../api/request';
import { createCaseApis, type CaseApis } from '../cases/caseApis';
import { casePath, labelOf, SEVERITY_LABELS } from '../cases/caseFormat';
import { LinkCaseDialog } from '../cases/LinkCaseDialog';
import { Link } from '../router/Link';
import { matchRoute } from '../router/matchRoute';
import { usePathname } from '../router/usePathname';
import '../cases/cases.css';

type Loaded =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; cases: CaseJson[] };

/** The analysis on screen: the editor's route says which (the panel is only ever shown there). */
function useRouteAnalysisId(): string | null {
  const route = matchRoute(usePathname());
  return route.name === 'editor' ? route.analysisId : null;
}

interface LinkedCasesProps {
  /** The analysis; by default the one the editor's URL names. */
  analysisId?: string;
  apis?: CaseApis;
}

/**
 * The customer cases this analysis explains (customer, reference, severity), linked and unlinked
 * from the panel. Links live on the server, not in the document, so they are read over HTTP.
 */
export function LinkedCases({ analysisId: given, apis: givenApis }: LinkedCasesProps) {
  const routeId = useRouteAnalysisId();
  const analysisId = given ?? routeId;
  const [apis] = useState(() => givenApis ?? createCaseApis());
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [linking, setLinking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  const load = useCallback(async () => {
    if (!analysisId) return;
    try {
      const ids = await apis.analyses.caseIds(analysisId);
      const cases = await Promise.all(ids.map((id) => apis.cases.get(id)));
      setLoaded({ kind: 'ready', cases });
    } catch (failure) {
      setLoaded({ kind: 'error', message: messageOf(failure) });
    }
  }, [apis, analysisId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!analysisId) return null;
  const linkedIds = loaded.kind === 'ready' ? loaded.cases.map((found) => found.id) : [];

  const unlink = async (caseId: string) => {
    setError(null);
    try {
      await apis.cases.unlinkAnalysis(caseId, analysisId);
      await load();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section className="wc-panel__section wc-linkedcases" aria-labelledby={headingId}>
      <div className="wc-linkedcases__head">
        <h2 id={headingId} className="wc-panel__subtitle">
          Customer cases
        </h2>
        <button
          type="button"
          className="wc-button wc-button--small"
          onClick={() => setLinking(true)}
        >
          Link case
        </button>
      </div>
      {loaded.kind === 'loading' && <p className="wc-panel__hint">Loading cases…</p>}
      {loaded.kind === 'error' && (
        <p role="alert" className="wc-panel__error">
          Could not load the cases: {loaded.message}
        </p>
      )}
      {loaded.kind === 'ready' && loaded.cases.length === 0 && (
        <p className="wc-panel__hint">No case linked. Which customers does this explain?</p>
      )}
      {loaded.kind === 'ready' && loaded.cases.length > 0 && (
        <ul className="wc-linkedcases__list">
          {loaded.cases.map((found) => (
            <LinkedCase key={found.id} found={found} onUnlink={() => void unlink(found.id)} />
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="wc-panel__error">
          {error}
        </p>
      )}
      {linking && (
        <LinkCaseDialog
          api={apis.cases}
          linkedIds={linkedIds}
          onLink={async (caseId) => {
            await apis.cases.linkAnalysis(caseId, analysisId);
            await load();
          }}
          onClose={() => setLinking(false)}
        />
      )}
    </section>
  );
}

function LinkedCase({ found, onUnlink }: { found: CaseJson; onUnlink: () => void }) {
  const nameId = useId();
  return (
    <li className="wc-linkedcase" aria-labelledby={nameId}>
      <div className="wc-linkedcase__text">
        <Link id={nameId} to={casePath(found.id)} className="wc-linkedcase__customer" dir="auto">
          {found.customer.name}
        </Link>
        <span className="wc-linkedcase__meta">
          <span className={`wc-severity wc-severity--${found.severity}`}>
            {labelOf(SEVERITY_LABELS, found.severity)}
            <span className="wc-visually-hidden"> severity</span>
          </span>
          {found.externalRef && <span dir="auto">{found.externalRef}</span>}
        </span>
        <span className="wc-linkedcase__summary" dir="auto">
          {found.summary}
        </span>
      </div>
      <button type="button" className="wc-textbutton" aria-describedby={nameId} onClick={onUnlink}>
        Unlink
      </button>
    </li>
  );
}
