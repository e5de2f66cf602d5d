import { useCallback } from 'react';
import type { CaseJson } from '@whychain/shared';
import type { CasesApi } from '../api/casesApi';
import { formatDate, labelOf, SEVERITY_LABELS } from './caseFormat';
import { PickDialog } from './PickDialog';

interface LinkCaseDialogProps {
  api: CasesApi;
  linkedIds: readonly string[];
  onLink: (caseId: string) => Promise<void>;
  onClose: () => void;
}

/** Search the cases (summary, description, customer) and pick one this analysis explains. */
export function LinkCaseDialog({ api, linkedIds, onLink, onClose }: LinkCaseDialogProps) {
  const search = useCallback(
    (q: string | undefined, signal: AbortSignal) =>
      api.list({ q, sort: '-receivedAt', limit: 20 }, signal).then((page) => page.cases),
    [api],
  );
  return (
    <PickDialog<CaseJson>
      title="Link case"
      description="Pick a customer case this analysis explains."
      searchLabel="Search cases"
      placeholder="Customer, summary or reference"
      noMatch="No case matches."
      search={search}
      titleOf={(found) => `${found.customer.name}: ${found.summary}`}
      metaOf={(found) =>
        [
          `${labelOf(SEVERITY_LABELS, found.severity)} severity`,
          found.externalRef,
          formatDate(found.receivedAt),
        ]
          .filter(Boolean)
          .join(' · ')
      }
      linkedIds={linkedIds}
      onPick={onLink}
      onClose={onClose}
    />
  );
}
