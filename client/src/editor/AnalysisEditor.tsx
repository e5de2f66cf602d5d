import { useEffect, useMemo } from 'react';
import { makeOrigin } from '@whychain/shared';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { WhyCanvas } from '../flow/WhyCanvas';
import { ShortcutHelp } from '../keyboard/ShortcutHelp';
import { ShortcutHelpButton } from '../keyboard/ShortcutHelpButton';
import { SidePanel } from '../panel/SidePanel';
import type { User } from '../identity/userIdentity';
import type { Connection } from '../sync/createSyncSession';
import { createEditorActions } from './createEditorActions';
import { DeletionToasts } from './DeletionToasts';
import { ExportMenu } from './ExportMenu';
import { sidePanelOpen, type EditorStore } from './createEditorStore';
import { EditorHeader } from './EditorHeader';
import { EditorStoreProvider } from './EditorStoreProvider';
import { PartErrorBoundary } from './PartErrorBoundary';
import { peersByNode } from './peersByNode';
import { PresenceList } from './PresenceList';
import { PresentationBar, PresentationToggle } from './PresentationBar';
import { readOnlyReason } from './readOnlyReason';
import { SidePanelFrame } from './SidePanelFrame';
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
      {/* The last resort: each part below has its own, so this one is seldom reached. */}
      <PartErrorBoundary part="The editor" resetKey={props.doc}>
        <EditorLayout {...props} />
      </PartErrorBoundary>
    </EditorStoreProvider>
  );
}

function EditorLayout({ doc, awareness, connection, user, synced = true }: AnalysisEditorProps) {
  const { snapshot, initialized } = useAnalysis(doc, synced);
  const ready = synced && initialized;
  const origin = useMemo(() => makeOrigin('local', user.name), [user.name]);
  // Status and timer commands: a second origin of this user that undo does not track.
  const meetingOrigin = useMemo(() => makeOrigin('local', user.name), [user.name]);
  const history = useUndoHistory(doc, origin);
  const store = useEditorStoreApi();
  const actions = useMemo(
    () => createEditorActions({ doc, origin, workflowOrigin: meetingOrigin, store, history }),
    [doc, origin, meetingOrigin, store, history],
  );
  const onKeyDown = useEditorShortcuts(actions);
  const selectedId = useEditorStore((state) => state.selectedId);
  const notice = useEditorStore((state) => state.notice);
  const presenting = useEditorStore((state) => state.presenting);
  const panelOpen = useEditorStore(sidePanelOpen);
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
      <div className={presenting ? 'wc-editor is-presenting' : 'wc-editor'} onKeyDown={onKeyDown}>
        <EditorHeader
          title={ready ? snapshot.title : ''}
          status={ready ? snapshot.status : null}
          connection={connection}
          history={ready && !lockedReason ? history : null}
          workflow={ready ? { doc, snapshot, origin: meetingOrigin } : null}
        >
          <PresentationToggle />
          <ExportMenu closed={ready && snapshot.status === 'closed'} />
          <ShortcutHelpButton />
        </EditorHeader>
        <ShortcutHelp />
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
              <PartErrorBoundary part="The tree" resetKey={snapshot}>
                <WhyCanvas
                  snapshot={snapshot}
                  readOnly={lockedReason !== null}
                  peersByNode={marks}
                  awareness={awareness}
                />
              </PartErrorBoundary>
            ) : (
              <p className="wc-loading" aria-live="polite">
                Loading analysis…
              </p>
            )}
            {ready && <DeletionToasts awareness={awareness} />}
            {ready && presenting && !panelOpen && (
              <PresentationBar
                doc={doc}
                snapshot={snapshot}
                peers={self}
                origin={origin}
                meetingOrigin={meetingOrigin}
                readOnly={lockedReason !== null}
              />
            )}
          </main>
          <SidePanelFrame>
            <PartErrorBoundary part="The list of people in the room" resetKey={peers}>
              <PresenceList peers={self} snapshot={ready ? snapshot : null} />
            </PartErrorBoundary>
            {ready && (
              <PartErrorBoundary part="The side panel" resetKey={snapshot}>
                <SidePanel
                  doc={doc}
                  snapshot={snapshot}
                  origin={origin}
                  meetingOrigin={meetingOrigin}
                  readOnly={lockedReason !== null}
                />
              </PartErrorBoundary>
            )}
          </SidePanelFrame>
        </div>
      </div>
    </EditorActionsContext.Provider>
  );
}
