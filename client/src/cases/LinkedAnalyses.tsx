import { useEffect, useId, useState } from 'react';
import type { CaseJson } from '@whychain/shared';
import type { AnalysisRow } from '../api/analysisRowsApi';
import { messageOf } from '../api/request';
import { statusLabel } from '../library/statusLabel';
import { Link } from '../router/Link';
import { editorPath } from '../router/matchRoute';
import { navigate } from '../router/navigate';
import type { CaseApis } from './caseApis';
import { LinkAnalysisDialog } from './LinkAnalysisDialog';
import { StartAnalysisDialog } from './StartAnalysisDialog';

interface LinkedAnalysesProps {
  found: CaseJson;
  apis: CaseApis;
  /** The case as the server answers after a link or an unlink. */
  onChanged: (changed: CaseJson) => void;
}

type Rows =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; rows: AnalysisRow[] };

/** The analyses that explain this case, with their root causes and how far their actions are. */
export function LinkedAnalyses({ found, apis, onChanged }: LinkedAnalysesProps) {
  const headingId = useId();
  const [rows, setRows] = useState<Rows>({ kind: 'loading' });
  const [dialog, setDialog] = useState<'link' | 'start' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const linkedKey = found.analysisIds.join(',');

  useEffect(() => {
    const abort = new AbortController();
    apis.analyses.list({ caseId: found.id, limit: 100 }, abort.signal).then(
      (page) => setRows({ kind: 'ready', rows: page.analyses }),
      (failure: unknown) => {
        if (!abort.signal.aborted) setRows({ kind: 'error', message: messageOf(failure) });
      },
    );
    return () => abort.abort();
  }, [apis, found.id, linkedKey]);

  const unlink = async (analysisId: string) => {
    setError(null);
    try {
      onChanged(await apis.cases.unlinkAnalysis(found.id, analysisId));
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section className="wc-casesection" aria-labelledby={headingId}>
      <div className="wc-casesection__head">
        <h2 id={headingId}>Analyses</h2>
      </div>
      <div className="wc-casesection__buttons">
        <button
          type="button"
          className="wc-button wc-button--primary"
          onClick={() => setDialog('start')}
        >
          Start analysis from this case
        </button>
        <button type="button" className="wc-button" onClick={() => setDialog('link')}>
          Link analysis
        </button>
      </div>
      {rows.kind === 'loading' && <p className="wc-muted">Loading analyses…</p>}
      {rows.kind === 'error' && (
        <p role="alert" className="wc-error">
          Could not load the analyses: {rows.message}
        </p>
      )}
      {rows.kind === 'ready' && rows.rows.length === 0 && (
        <p className="wc-casesection__empty">
          No analysis yet. Find out why this happened, so it does not happen to the next customer.
        </p>
      )}
      {rows.kind === 'ready' && rows.rows.length > 0 && (
        <ul className="wc-linkedanalyses">
          {rows.rows.map((row) => (
            <LinkedAnalysis key={row.id} row={row} onUnlink={() => void unlink(row.id)} />
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="wc-error">
          {error}
        </p>
      )}
      {dialog === 'link' && (
        <LinkAnalysisDialog
          api={apis.analyses}
          linkedIds={found.analysisIds}
          onLink={async (analysisId) =>
            onChanged(await apis.cases.linkAnalysis(found.id, analysisId))
          }
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'start' && (
        <StartAnalysisDialog
          found={found}
          api={apis.analyses}
          onStarted={(analysisId) => navigate(editorPath(analysisId))}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}

function LinkedAnalysis({ row, onUnlink }: { row: AnalysisRow; onUnlink: () => void }) {
  const titleId = useId();
  const title = row.title || 'Untitled analysis';
  return (
    <li className="wc-linkedanalysis" aria-labelledby={titleId}>
      <div className="wc-linkedanalysis__head">
        <Link id={titleId} to={editorPath(row.id)} className="wc-linkedanalysis__title" dir="auto">
          {title}
        </Link>
        <span className={`wc-status wc-status--${row.status}`}>{statusLabel(row.status)}</span>
      </div>
      {row.rootCauses.length > 0 ? (
        <ul className="wc-rootcauses" aria-label="Root causes">
          {row.rootCauses.map((cause) => (
            <li key={cause.id}>
              <span dir="auto">{cause.text || 'A root cause without words yet'}</span>
              {cause.category && <span className="wc-tag">{cause.category}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="wc-linkedanalysis__none">No root cause marked yet.</p>
      )}
      <div className="wc-linkedanalysis__foot">
        <span className="wc-linkedanalysis__actions">
          {row.openActions === 0
            ? 'No open actions'
            : `${row.openActions} open ${row.openActions === 1 ? 'action' : 'actions'}`}
          {row.overdueActions > 0 && (
            <strong className="wc-overdue"> · {row.overdueActions} overdue</strong>
          )}
        </span>
        <button
          type="button"
          className="wc-textbutton"
          aria-describedby={titleId}
          onClick={onUnlink}
        >
          Unlink
        </button>
      </div>
    </li>
  );
}
