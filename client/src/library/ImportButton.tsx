import { useRef, useState, type ChangeEvent } from 'react';
import { createJsonClient, defaultBaseUrl, messageOf } from '../api/request';
import { editorPath } from '../router/matchRoute';
import { navigate } from '../router/navigate';
import './importButton.css';

/** Sends one JSON export to the server; resolves with the new analysis's id. */
export type ImportAnalysis = (exportJson: unknown) => Promise<{ id: string }>;

/** `POST /api/import` on the server at `baseUrl`; throws with the server's `error` on a 400. */
export function createImportAnalysis(baseUrl: string = defaultBaseUrl()): ImportAnalysis {
  const client = createJsonClient(baseUrl);
  return (exportJson) => client.post<{ id: string }>('/api/import', exportJson);
}

/**
 * The library's "Import" button: pick a JSON export and the server recreates the analysis under
 * a new id, then the editor opens on it. A file the server refuses (a newer version, a damaged
 * field) says why next to the button, in the server's words.
 */
export function ImportButton({
  importAnalysis,
  baseUrl,
}: {
  importAnalysis?: ImportAnalysis;
  baseUrl?: string;
}) {
  const [send] = useState(() => importAnalysis ?? createImportAnalysis(baseUrl));
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared at once so picking the same file again (after fixing it) fires a change again.
    input.value = '';
    if (!file) return;
    setError(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setError(`${file.name} is not a JSON file. Choose a JSON export of an analysis.`);
      return;
    }
    setBusy(true);
    try {
      const { id } = await send(parsed);
      navigate(editorPath(id));
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wc-import">
      <button
        type="button"
        className="wc-button"
        disabled={busy}
        aria-busy={busy}
        onClick={() => inputRef.current?.click()}
      >
        Import
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        aria-label="Import analysis (JSON)"
        hidden
        onChange={(event) => void onFile(event)}
      />
      {error && (
        <p role="alert" className="wc-import__error">
          {error}
        </p>
      )}
    </div>
  );
}
