import { useEffect, useId, useState } from 'react';
import {
  createSeenBeforeApi,
  type SeenBeforeApi,
  type SeenBeforeMatch,
} from '../api/seenBeforeApi';
import { statusLabel } from '../library/statusLabel';
import { Link } from '../router/Link';
import { editorPath, matchRoute } from '../router/matchRoute';
import { usePathname } from '../router/usePathname';
import './seenBefore.css';

/** How long typing must pause before the server is asked: never once per keystroke. */
export const SEEN_BEFORE_DELAY_MS = 800;
/** Fewer words than this say too little to match anything worth showing. */
export const SEEN_BEFORE_MIN_WORDS = 3;

export interface SeenBeforeProps {
  /** The selected why's text, as the snapshot has it. */
  text: string;
  /** This analysis, whose own root causes are not "seen before"; the editor's URL by default. */
  analysisId?: string;
  api?: SeenBeforeApi;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * Root causes of other analyses worded like the why being written, so the room learns in the
 * meeting that this failure was found before. Quiet: nothing at all is shown without a match.
 */
export function SeenBefore({ text, analysisId, api: given }: SeenBeforeProps) {
  const [api] = useState(() => given ?? createSeenBeforeApi());
  const route = matchRoute(usePathname());
  const ownId = analysisId ?? (route.name === 'editor' ? route.analysisId : '');
  const query = text.trim().replace(/\s+/g, ' ');
  const enough = wordCount(query) >= SEEN_BEFORE_MIN_WORDS;
  const [found, setFound] = useState<{ query: string; matches: SeenBeforeMatch[] }>({
    query: '',
    matches: [],
  });
  const headingId = useId();

  useEffect(() => {
    if (!enough) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.find(query, ownId, controller.signal).then(
        (matches) => setFound({ query, matches: matches.slice(0, 3) }),
        // A hint, not a feature the meeting depends on: a failed look-up shows nothing.
        () => undefined,
      );
    }, SEEN_BEFORE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, query, ownId, enough]);

  // While the next answer is on its way the last matches stay, so the list does not flicker.
  if (!enough || found.matches.length === 0 || found.query === '') return null;

  return (
    <aside className="wc-seenbefore" aria-labelledby={headingId}>
      <h3 id={headingId} className="wc-seenbefore__title">
        Seen before
      </h3>
      <ul className="wc-seenbefore__list">
        {found.matches.map((match) => (
          <li key={`${match.analysisId}/${match.whyId}`}>
            <Link to={editorPath(match.analysisId)} dir="auto" className="wc-seenbefore__link">
              {match.analysisTitle}
            </Link>
            <span className="wc-seenbefore__meta">
              <span className={`wc-status wc-status--${match.status}`}>
                {statusLabel(match.status)}
              </span>
              {match.caseIds.length === 1
                ? '1 linked case'
                : `${match.caseIds.length} linked cases`}
            </span>
            <span className="wc-seenbefore__text" dir="auto">
              Root cause: {match.text}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
