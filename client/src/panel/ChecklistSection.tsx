import { useMemo } from 'react';
import { computeChecklist, type AnalysisSnapshot } from '@whychain/shared';
import { useEditorStoreApi } from '../editor/useEditorStore';
import { ChecklistItems } from './ChecklistItems';
import { CollapsibleSection } from './CollapsibleSection';

/** The "ready to close?" checklist, always at hand; clicking a problem selects its why. */
export function ChecklistSection({ snapshot }: { snapshot: AnalysisSnapshot }) {
  const store = useEditorStoreApi();
  const checklist = useMemo(() => computeChecklist(snapshot), [snapshot]);
  const done = checklist.items.filter((item) => item.ok).length;
  return (
    <CollapsibleSection
      title="Ready to close?"
      className="wc-panel__checklist"
      summary={
        <span className={checklist.passed ? 'wc-pill wc-pill--ok' : 'wc-pill'}>
          {checklist.passed ? 'Ready' : `${done} of ${checklist.items.length} done`}
        </span>
      }
    >
      <ChecklistItems checklist={checklist} onSelectWhy={(id) => store.getState().select(id)} />
    </CollapsibleSection>
  );
}
