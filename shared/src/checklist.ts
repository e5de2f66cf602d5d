import type { WhyId } from './ids';
import type { AnalysisSnapshot } from './readAnalysis';

export interface ChecklistItem {
  readonly id: 'leaves' | 'verified' | 'actions' | 'depth' | 'learnings';
  readonly label: string;
  readonly ok: boolean;
  /** What is missing, each naming the why concerned when there is one. */
  readonly problems: readonly { readonly whyId?: WhyId; readonly message: string }[];
}

export interface Checklist {
  readonly items: readonly ChecklistItem[];
  /** True when every item passes: the analysis may be closed without an override. */
  readonly passed: boolean;
}

/** Shortest chain, in whys, that may end without a stated reason. */
export const MIN_CHAIN_DEPTH = 3;

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text || '(empty)');

/** The "ready to close?" checklist, computed from the analysis alone. */
export function computeChecklist(snapshot: AnalysisSnapshot): Checklist {
  const whys = snapshot.order.map((id) => snapshot.whys[id]!);
  const leaves = whys.filter((w) => w.childIds.length === 0);
  const rootCauses = whys.filter((w) => w.rootCause);
  const items: ChecklistItem[] = [];

  const open = leaves.filter((w) => !w.rootCause && w.verification !== 'ruled_out');
  items.push({
    id: 'leaves',
    label: 'Every branch ends in a root cause or is ruled out',
    ok: whys.length > 0 && open.length === 0,
    problems:
      whys.length === 0
        ? [{ message: 'No whys yet.' }]
        : open.map((w) => ({
            whyId: w.id,
            message: `"${short(w.text)}" is neither a root cause nor ruled out.`,
          })),
  });

  const unverified = rootCauses.filter((w) => w.verification !== 'verified' && !w.assumption);
  items.push({
    id: 'verified',
    label: 'Every root cause is verified or accepted as an assumption',
    ok: rootCauses.length > 0 && unverified.length === 0,
    problems:
      rootCauses.length === 0
        ? [{ message: 'No root cause marked yet.' }]
        : unverified.map((w) => ({ whyId: w.id, message: `"${short(w.text)}" is not verified.` })),
  });

  const withoutAction = rootCauses.filter(
    (w) =>
      !snapshot.actions.some(
        (a) =>
          a.whyId === w.id &&
          (a.kind === 'corrective' || a.kind === 'preventive') &&
          a.status !== 'cancelled' &&
          a.owner.trim() !== '' &&
          a.dueDate !== null,
      ),
  );
  items.push({
    id: 'actions',
    label: 'Every root cause has a corrective or preventive action with an owner and a due date',
    ok: rootCauses.length > 0 && withoutAction.length === 0,
    problems:
      rootCauses.length === 0
        ? [{ message: 'No root cause marked yet.' }]
        : withoutAction.map((w) => ({
            whyId: w.id,
            message: `"${short(w.text)}" has no corrective or preventive action with owner and due date.`,
          })),
  });

  const shallow = leaves.filter(
    (w) =>
      w.depth < MIN_CHAIN_DEPTH && w.verification !== 'ruled_out' && w.stopReason.trim() === '',
  );
  items.push({
    id: 'depth',
    label: `No chain stops before ${MIN_CHAIN_DEPTH} whys without a reason`,
    ok: shallow.length === 0,
    problems: shallow.map((w) => ({
      whyId: w.id,
      message: `"${short(w.text)}" stops at why ${w.depth}; ask why again or give a reason.`,
    })),
  });

  const learned = snapshot.learnings.trim() !== '';
  items.push({
    id: 'learnings',
    label: 'Learnings for other customers are written down',
    ok: learned,
    problems: learned ? [] : [{ message: 'Learnings for other customers are empty.' }],
  });

  return { items, passed: items.every((i) => i.ok) };
}
