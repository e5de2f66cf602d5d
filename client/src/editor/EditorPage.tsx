import { useState } from 'react';
import { DisplayNameDialog } from '../identity/DisplayNameDialog';
import { loadUser, saveUser, type User } from '../identity/userIdentity';
import { useSyncedAnalysis } from '../sync/useSyncedAnalysis';
import { AnalysisEditor } from './AnalysisEditor';
import { MissingAnalysis } from './MissingAnalysis';

/** The editor route: asks for a display name once, then joins the analysis's room. */
export function EditorPage({ analysisId }: { analysisId: string }) {
  const [user, setUser] = useState<User | null>(() => loadUser());
  if (!user) return <DisplayNameDialog onSubmit={(name) => setUser(saveUser(name))} />;
  return <SyncedEditor key={analysisId} analysisId={analysisId} user={user} />;
}

function SyncedEditor({ analysisId, user }: { analysisId: string; user: User }) {
  const { session, connection, synced, closed } = useSyncedAnalysis(analysisId);
  if (closed) return <MissingAnalysis code={closed.code} reason={closed.reason} />;
  if (!session) return null;
  return (
    <AnalysisEditor
      key={session.doc.guid}
      doc={session.doc}
      awareness={session.awareness}
      connection={connection}
      synced={synced}
      user={user}
    />
  );
}
