import { useEffect } from 'react';
import { EditorPage } from './editor/EditorPage';
import { LibraryPage } from './library/LibraryPage';
import { Link } from './router/Link';
import { matchRoute } from './router/matchRoute';
import { usePathname } from './router/usePathname';

/** The whole app: one page per route. */
export function App() {
  const route = matchRoute(usePathname());

  useEffect(() => {
    if (route.name !== 'editor') document.title = 'Whychain';
  }, [route.name]);

  switch (route.name) {
    case 'library':
      return <LibraryPage />;
    case 'editor':
      return <EditorPage key={route.analysisId} analysisId={route.analysisId} />;
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
