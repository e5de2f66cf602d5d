import { Link } from '../router/Link';
import { NOT_FOUND_CODE } from '../sync/createSyncSession';

/** Shown when the server refuses the room for good, e.g. because the analysis does not exist. */
export function MissingAnalysis({ code, reason }: { code: number; reason: string }) {
  const missing = code === NOT_FOUND_CODE;
  return (
    <div className="wc-page">
      <main className="wc-card wc-missing">
        <h1>{missing ? 'This analysis does not exist' : 'This analysis cannot be opened'}</h1>
        <p>
          {missing
            ? 'It may have been deleted, or the link may be mistyped.'
            : reason || `The server closed the connection (code ${code}).`}
        </p>
        <p>
          <Link to="/">Back to all analyses</Link>
        </p>
      </main>
    </div>
  );
}
