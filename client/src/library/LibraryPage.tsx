import { useState } from 'react';
import { createActionsApi, type ActionsApi } from '../api/actionsApi';
import { createAnalysesApi, type AnalysesApi } from '../api/analysesApi';
import { createCasesApi, type CasesApi } from '../api/casesApi';
import { createCustomersApi, type CustomersApi } from '../api/customersApi';
import { createSearchApi, type SearchApi } from '../api/searchApi';
import { Link } from '../router/Link';
import { editorPath } from '../router/matchRoute';
import { navigate } from '../router/navigate';
import { ActionsTab } from './ActionsTab';
import { AnalysesTab } from './AnalysesTab';
import { CasesTab } from './CasesTab';
import { CustomersTab } from './CustomersTab';
import { ImportButton } from './ImportButton';
import { LibraryTabs, PANEL_ID, tabFrom, tabId, type LibraryTab } from './LibraryTabs';
import { NEW_CASE_PATH } from './libraryPaths';
import { NewAnalysisForm } from './NewAnalysisForm';
import { SearchBox } from './SearchBox';
import { SearchResults } from './SearchResults';
import { useUrlQuery } from './useUrlQuery';
import './library.css';

interface LibraryApis {
  analyses: AnalysesApi;
  cases: CasesApi;
  customers: CustomersApi;
  actions: ActionsApi;
  search: SearchApi;
}

/**
 * The library: analyses, cases, customers and actions in tabs, one search over all of them, and
 * the ways to start an analysis or record a case. The whole view (tab, filters, sort, pages,
 * search) lives in the URL. `baseUrl` points every call at another server (tests); `api`
 * replaces the analyses calls alone.
 */
export function LibraryPage({ api, baseUrl }: { api?: AnalysesApi; baseUrl?: string }) {
  const [apis] = useState<LibraryApis>(() => {
    const origin = baseUrl ?? window.location.origin;
    return {
      analyses: api ?? createAnalysesApi(origin),
      cases: createCasesApi(origin),
      customers: createCustomersApi(origin),
      actions: createActionsApi(origin),
      search: createSearchApi(origin),
    };
  });
  const [params, setQuery] = useUrlQuery();
  const [creating, setCreating] = useState(false);
  const tab = tabFrom(params);
  const q = params.get('q')?.trim() ?? '';

  // A new tab starts from its own defaults: the filters of the last one mean nothing there.
  const selectTab = (next: LibraryTab) => {
    if (next !== tab)
      setQuery({ tab: next === 'analyses' ? null : next }, { push: true, reset: true });
  };

  return (
    <div className="wc-page">
      <header className="wc-topbar">
        <span className="wc-brand">Whychain</span>
        <Link to="/insights" className="wc-topbar__back">
          Insights
        </Link>
      </header>
      <main className="wc-library">
        <div className="wc-library__head">
          <h1>Library</h1>
          <div className="wc-library__buttons">
            <button type="button" className="wc-button" onClick={() => navigate(NEW_CASE_PATH)}>
              New case
            </button>
            <ImportButton baseUrl={baseUrl} />
            <button
              type="button"
              className="wc-button wc-button--primary"
              aria-expanded={creating}
              onClick={() => setCreating((open) => !open)}
            >
              New analysis
            </button>
          </div>
        </div>
        {creating && (
          <NewAnalysisForm
            api={apis.analyses}
            onCreated={(id) => navigate(editorPath(id))}
            onCancel={() => setCreating(false)}
          />
        )}
        <SearchBox />
        {q ? (
          <SearchResults api={apis.search} q={q} onClear={() => setQuery({ q: null })} />
        ) : (
          <>
            <LibraryTabs selected={tab} onSelect={selectTab} />
            <div
              role="tabpanel"
              id={PANEL_ID}
              aria-labelledby={tabId(tab)}
              className="wc-lib-tabpanel"
            >
              {tab === 'analyses' && <AnalysesTab api={apis.analyses} />}
              {tab === 'cases' && <CasesTab api={apis.cases} />}
              {tab === 'customers' && <CustomersTab api={apis.customers} />}
              {tab === 'actions' && <ActionsTab api={apis.actions} />}
            </div>
          </>
        )}
      </main>
    </div>
  );
}
