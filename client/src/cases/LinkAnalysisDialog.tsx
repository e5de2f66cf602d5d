import { useCallback } from 'react';
import type { AnalysisRow, AnalysisRowsApi } from '../api/analysisRowsApi';
import { PickDialog } from './PickDialog';

interface LinkAnalysisDialogProps {
  api: AnalysisRowsApi;
  /** Analyses already linked: listed, but not offered again. */
  linkedIds: readonly string[];
  onLink: (analysisId: string) => Promise<void>;
  onClose: () => void;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Search the analyses by title and pick the one that explains this case. */
export function LinkAnalysisDialog({ api, linkedIds, onLink, onClose }: LinkAnalysisDialogProps) {
  const search = useCallback(
    (q: string | undefined, signal: AbortSignal) =>
      api.list({ q, sort: '-updatedAt', limit: 20 }, signal).then((page) => page.analyses),
    [api],
  );
  return (
    <PickDialog<AnalysisRow>
      title="Link analysis"
      description="Pick the analysis that explains this case."
      searchLabel="Search analyses"
      placeholder="Title"
      noMatch="No analysis matches."
      search={search}
      titleOf={(row) => row.title || 'Untitled analysis'}
      metaOf={(row) =>
        `${plural(row.whyCount, 'why', 'whys')} · ${plural(row.rootCauses.length, 'root cause', 'root causes')}`
      }
      linkedIds={linkedIds}
      onPick={onLink}
      onClose={onClose}
    />
  );
}
