import { createContext, useContext } from 'react';
import type { Origin } from '@whychain/shared';
import type * as Y from 'yjs';

/** What the side panel's controls need to run commands on the analysis. */
export interface PanelEnv {
  readonly doc: Y.Doc;
  /** This user's origin for content edits: the canvas's own, so Ctrl+Z undoes panel edits too. */
  readonly origin: Origin;
  /** Origin for the meeting timer, which the undo history does not track. */
  readonly meetingOrigin: Origin;
  /** True when the analysis cannot be written to (closed, or from a newer version). */
  readonly readOnly: boolean;
}

export const PanelContext = createContext<PanelEnv | null>(null);

/** The surrounding side panel's document, origins and read-only flag; throws outside a panel. */
export function usePanel(): PanelEnv {
  const env = useContext(PanelContext);
  if (!env) throw new Error('usePanel must be used inside <SidePanel>.');
  return env;
}
