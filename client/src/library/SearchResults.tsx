import { useEffect, useState } from 'react';
import type { SearchApi, SearchKind, SearchResult } from '../api/searchApi';
import { messageOf } from '../api/request';
import { editorPath } from '../router/matchRoute';
import { Link } from '../router/Link';
import { casePath, customerPath } from './libraryPaths';
import { Snippet } from './Snippet';
import './SearchResults.css';

const GROUP_NAMES: Record<SearchKind, string> = {
  case: 'Cases',
  customer: 'Customers',
  analysis: 'Analyses',
  why: 'Whys',
  action: 'Actions',
};

const KIND_NAMES: Record<SearchKind, string> = {
  case: 'Case',
  customer: 'Customer',
  analysis: 'Analysis',
  why: 'Why',
  action: 'Action',
};

const FIELD_NAMES: Record<string, string> = {
  summary: 'summary',
  description: 'description',
  name: 'name',
  title: 'title',
  problem: 'problem statement',
  text: 'why',
  evidence: 'evidence',
  externalRef: 'reference',
};

/** Where a hit opens: a why or an action opens its analysis. */
export function resultPath(result: SearchResult): string {
  switch (result.kind) {
    case 'case':
      return casePath(result.caseId ?? result.id);
    case 'customer':
      return customerPath(result.id);
    default:
      return editorPath(result.analysisId ?? result.id);
  }
}

/** Hits grouped by kind; groups in the order of their best-ranked hit, hits in the server's rank. */
export function groupResults(results: readonly SearchResult[]) {
  const groups = new Map<SearchKind, SearchResult[]>();
  for (const result of results) {
    const group = groups.get(result.kind) ?? [];
    group.push(result);
    groups.set(result.kind, group);
  }
  return [...groups].map(([kind, hits]) => ({ kind, name: GROUP_NAMES[kind] ?? kind, hits }));
}

/** "Case · description": the kind, and the field when it says more than the kind. */
function whereMatched(hit: SearchResult): string {
  const kind = KIND_NAMES[hit.kind] ?? hit.kind;
  const field = FIELD_NAMES[hit.field] ?? hit.field;
  return field && field.toLowerCase() !== kind.toLowerCase() ? `${kind} · ${field}` : kind;
}

type State =
  | { kind: 'loading'; q: string; results: SearchResult[] }
  | { kind: 'ready'; q: string; results: SearchResult[] }
  | { kind: 'error'; q: string; message: string };

/** The answer to the search box, in place of the tabs while a query is typed. */
export function SearchResults({
  api,
  q,
  onClear,
}: {
  api: SearchApi;
  q: string;
  onClear: () => void;
}) {
  const [state, setState] = useState<State>({ kind: 'loading', q, results: [] });

  useEffect(() => {
    const controller = new AbortController();
    setState((old) => ({ kind: 'loading', q, results: old.kind === 'error' ? [] : old.results }));
    api.search(q, { signal: controller.signal }).then(
      (results) => !controller.signal.aborted && setState({ kind: 'ready', q, results }),
      (error: unknown) =>
        !controller.signal.aborted && setState({ kind: 'error', q, message: messageOf(error) }),
    );
    return () => controller.abort();
  }, [api, q]);

  return (
    <section
      className="wc-lib-search-results"
      aria-labelledby="wc-lib-search-results-title"
      aria-busy={state.kind === 'loading'}
    >
      <div className="wc-lib-search-results__head">
        <h2 id="wc-lib-search-results-title">Search results</h2>
        <p className="wc-muted" aria-live="polite">
          {state.kind === 'ready' &&
            (state.results.length === 0
              ? `Nothing matches “${q}”.`
              : `${state.results.length} ${state.results.length === 1 ? 'match' : 'matches'} for “${q}”`)}
          {state.kind === 'loading' && state.results.length === 0 && 'Searching…'}
        </p>
        <button type="button" className="wc-button" onClick={onClear}>
          Back to the library
        </button>
      </div>
      {state.kind === 'error' && (
        <p role="alert" className="wc-error">
          Could not search: {state.message}
        </p>
      )}
      {state.kind !== 'error' &&
        groupResults(state.results).map((group) => (
          <section key={group.kind} className="wc-lib-search-group" aria-label={group.name}>
            <h3>
              {group.name} <span className="wc-lib-count">{group.hits.length}</span>
            </h3>
            <ul>
              {group.hits.map((hit) => (
                <li key={`${hit.kind}/${hit.analysisId ?? ''}/${hit.id}/${hit.field}`}>
                  <Link to={resultPath(hit)} dir="auto" className="wc-lib-search-hit__title">
                    {hit.title || 'Untitled'}
                  </Link>
                  <span className="wc-lib-search-hit__field">{whereMatched(hit)}</span>
                  <Snippet text={hit.snippet} />
                </li>
              ))}
            </ul>
          </section>
        ))}
    </section>
  );
}
