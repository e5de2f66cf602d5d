import { useState } from 'react';
import { DisplayNameDialog } from '../identity/DisplayNameDialog';
import { loadUser, saveUser, type User } from '../identity/userIdentity';
import { useSyncedAnalysis } from '../sync/useSyncedAnalysis';
import { AnalysisEditor } from './AnalysisEditor';
import { MissingAnalysis } from './MissingAnalysis';
import { SyncRefusedNotice } from './SyncRefusedNotice';

/** The editor route: asks for a display name once, then joins the analysis's room. */
export function EditorPage({ analysisId }: { analysisId: string }) {
  const [user, setUser] = useState<User | null>(() => loadUser());
  if (!user) return <DisplayNameDialog onSubmit={(name) => setUser(saveUser(name))} />;
  return <SyncedEditor key={analysisId} analysisId={analysisId} user={user} />;
}

/**
 * The editor on the synced document. A copy cached on this device is shown at once, before the
 * server answers; edits made offline are kept there and merge when the connection is back.
 */
function SyncedEditor({ analysisId, user }: { analysisId: string; user: User }) {
  const { session, connection, loaded, closed, refused } = useSyncedAnalysis(analysisId);
  const [noticeHidden, setNoticeHidden] = useState(false);
  if (!refused && noticeHidden) setNoticeHidden(false); // shown again on the next refusal
  if (closed) return <MissingAnalysis code={closed.code} reason={closed.reason} />;
  if (!session) return null;
  return (
    <>
      <AnalysisEditor
        key={session.doc.guid}
        doc={session.doc}
        awareness={session.awareness}
        connection={connection}
        synced={loaded}
        user={user}
      />
      {refused && !noticeHidden && (
        <SyncRefusedNotice
          reason={refused.reason}
          onRetry={session.retry}
          onHide={() => setNoticeHidden(true)}
        />
      )}
    </>
  );
}
