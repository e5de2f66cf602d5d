import { useEffect, useState, useSyncExternalStore } from 'react';
import { createSyncSession, type SyncSession, type SyncState } from './createSyncSession';

const WAITING: SyncState = {
  connection: 'connecting',
  synced: false,
  loaded: false,
  closed: null,
  refused: null,
};
const noSubscription = () => () => undefined;

export interface SyncedAnalysis extends SyncState {
  /** Null for the instant before the connection is opened. */
  session: SyncSession | null;
}

/**
 * Opens the live, shared copy of an analysis (and its copy on this device) for as long as the
 * calling component is mounted.
 */
export function useSyncedAnalysis(analysisId: string): SyncedAnalysis {
  const [session, setSession] = useState<SyncSession | null>(null);
  useEffect(() => {
    const opened = createSyncSession(analysisId);
    setSession(opened);
    return () => {
      opened.destroy();
      setSession((current) => (current === opened ? null : current));
    };
  }, [analysisId]);
  const state = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getState ?? (() => WAITING),
  );
  return { ...state, session };
}
