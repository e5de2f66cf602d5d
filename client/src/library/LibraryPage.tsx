import { useEffect, useState } from 'react';
import { createAnalysesApi, type AnalysesApi, type AnalysisSummary } from '../api/analysesApi';
import { editorPath } from '../router/matchRoute';
import { navigate } from '../router/navigate';
import { AnalysisList } from './AnalysisList';
import { NewAnalysisForm } from './NewAnalysisForm';

type ListState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; analyses: AnalysisSummary[] };

/** The library: every analysis, and the way to start a new one. */
export function LibraryPage({ api: given }: { api?: AnalysesApi }) {
  const [api] = useState(() => given ?? createAnalysesApi());
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    let current = true;
    api.list().then(
      (analyses) => current && setList({ kind: 'ready', analyses }),
      (error: unknown) =>
        current &&
        setList({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <div className="wc-page">
      <header className="wc-topbar">
        <span className="wc-brand">Whychain</span>
      </header>
      <main className="wc-library">
        <div className="wc-library__head">
          <h1>Analyses</h1>
          <button
            type="button"
            className="wc-button wc-button--primary"
            aria-expanded={creating}
            onClick={() => setCreating((open) => !open)}
          >
            New analysis
          </button>
        </div>
        {creating && (
          <NewAnalysisForm
            api={api}
            onCreated={(id) => navigate(editorPath(id))}
            onCancel={() => setCreating(false)}
          />
        )}
        {list.kind === 'loading' && <p aria-live="polite">Loading analyses…</p>}
        {list.kind === 'error' && (
          <p role="alert" className="wc-error">
            Could not load the analyses: {list.message}
          </p>
        )}
        {list.kind === 'ready' && <AnalysisList analyses={list.analyses} />}
      </main>
    </div>
  );
}
