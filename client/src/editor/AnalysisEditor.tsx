import { useEffect, useMemo } from 'react';
import { makeOrigin } from '@whychain/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { WhyCanvas } from '../flow/WhyCanvas';
import type { User } from '../identity/userIdentity';
import type { Connection } from '../sync/createSyncSession';
import { createEditorActions } from './createEditorActions';
import type { EditorStore } from './createEditorStore';
import { EditorHeader } from './EditorHeader';
import { EditorStoreProvider } from './EditorStoreProvider';
import { peersByNode } from './peersByNode';
import { PresenceList } from './PresenceList';
import { readOnlyReason } from './readOnlyReason';
import { useAnalysis } from './useAnalysis';
import { EditorActionsContext } from './useEditorActions';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useEditorStore, useEditorStoreApi } from './useEditorStore';
import { usePresence } from './usePresence';
import { useUndoHistory } from './useUndoHistory';
import './editor.css';

export interface AnalysisEditorProps {
  /** The analysis document; a plain Y.Doc in tests, the synced one in the app. */
  doc: Y.Doc;
  /** Presence of the room; without it only you are listed. */
  awareness?: Awareness | null;
  connection: Connection;
  user: User;
  /** False until the document has been synced with the server; nothing is shown or written before. */
  synced?: boolean;
  /** The local UI store to use (a fresh one by default). */
  store?: EditorStore;
}

/** The analysis editor: the why-tree canvas, presence and connection state for one document. */
export function AnalysisEditor({ store, ...props }: AnalysisEditorProps) {
  return (
    <EditorStoreProvider store={store}>
      <EditorLayout {...props} />
    </EditorStoreProvider>
  );
}

function EditorLayout({ doc, awareness, connection, user, synced = true }: AnalysisEditorProps) {
  const { snapshot, initialized } = useAnalysis(doc);
  const ready = synced && initialized;
  const origin = useMemo(() => makeOrigin('local', user.name), [user.name]);
  const history = useUndoHistory(doc, origin);
  const store = useEditorStoreApi();
  const actions = useMemo(
    () => createEditorActions({ doc, origin, store, history }),
    [doc, origin, store, history],
  );
  const onKeyDown = useEditorShortcuts(actions);
  const selectedId = useEditorStore((state) => state.selectedId);
  const notice = useEditorStore((state) => state.notice);
  const peers = usePresence(awareness);
  const marks = useMemo(() => peersByNode(peers), [peers]);
  const lockedReason = ready ? readOnlyReason(snapshot) : null;

  useEffect(() => {
    awareness?.setLocalStateField('user', { name: user.name, color: user.color });
  }, [awareness, user.name, user.color]);
  useEffect(() => {
    awareness?.setLocalStateField('selectedId', selectedId);
  }, [awareness, selectedId]);
  useEffect(() => {
    if (ready && snapshot.title) document.title = `${snapshot.title} · Whychain`;
  }, [ready, snapshot.title]);

  const self = awareness ? peers : [{ clientId: 0, ...user, isSelf: true, selectedId }];

  return (
    <EditorActionsContext.Provider value={actions}>
      <div className="wc-editor" onKeyDown={onKeyDown}>
        <EditorHeader
          title={ready ? snapshot.title : ''}
          status={ready ? snapshot.status : null}
          connection={connection}
          history={ready && !lockedReason ? history : null}
        />
        {lockedReason && <p className="wc-banner">{lockedReason}</p>}
        {notice && (
          <p role="alert" className="wc-banner wc-banner--error">
            {notice}
            <button
              type="button"
              className="wc-link"
              onClick={() => store.getState().setNotice(null)}
            >
              Dismiss
            </button>
          </p>
        )}
        <div className="wc-editor__body">
          <main className="wc-editor__canvas">
            {ready ? (
              <WhyCanvas snapshot={snapshot} readOnly={lockedReason !== null} peersByNode={marks} />
            ) : (
              <p className="wc-loading" aria-live="polite">
                Loading analysis…
              </p>
            )}
          </main>
          <aside className="wc-sidepanel">
            <PresenceList peers={self} />
            <section className="wc-help" aria-label="Keyboard">
              <h2>Keyboard</h2>
              <dl>
                <dt>Ctrl + Enter</dt>
                <dd>add a why under the one you are typing in</dd>
                <dt>Esc</dt>
                <dd>leave the text box</dd>
                <dt>Ctrl + Z</dt>
                <dd>undo your last change</dd>
              </dl>
            </section>
          </aside>
        </div>
      </div>
    </EditorActionsContext.Provider>
  );
}
