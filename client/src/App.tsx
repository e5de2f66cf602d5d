import { useEffect } from 'react';
import { CasePage } from './cases/CasePage';
import { NewCasePage } from './cases/NewCasePage';
import { CustomerPage } from './customers/CustomerPage';
import { EditorPage } from './editor/EditorPage';
import { InsightsPage } from './insights/InsightsPage';
import { LibraryPage } from './library/LibraryPage';
import { Link } from './router/Link';
import { matchRoute } from './router/matchRoute';
import { usePathname } from './router/usePathname';

const PAGES_WITH_OWN_TITLE = new Set(['editor', 'cases-new', 'case', 'customer']);

/** The whole app: one page per route. */
export function App() {
  const route = matchRoute(usePathname());

  useEffect(() => {
    // These pages name themselves (their effects run before this one).
    if (!PAGES_WITH_OWN_TITLE.has(route.name)) document.title = 'Whychain';
  }, [route.name]);

  switch (route.name) {
    case 'library':
      return <LibraryPage />;
    case 'editor':
      return <EditorPage key={route.analysisId} analysisId={route.analysisId} />;
    case 'insights':
      return <InsightsPage />;
    case 'cases-new':
      return <NewCasePage />;
    case 'case':
      return <CasePage key={route.caseId} caseId={route.caseId} />;
    case 'customer':
      return <CustomerPage key={route.customerId} customerId={route.customerId} />;
    default:
      return (
        <div className="wc-page">
          <main className="wc-card wc-missing">
            <h1>Page not found</h1>
            <p>
              <Link to="/">Back to all analyses</Link>
            </p>
          </main>
        </div>
      );
  }
}
