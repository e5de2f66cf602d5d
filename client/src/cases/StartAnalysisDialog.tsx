import { useId, useState, type FormEvent } from 'react';
import { LIMITS, type CaseJson } from '@whychain/shared';
import type { AnalysisRowsApi } from '../api/analysisRowsApi';
import { messageOf } from '../api/request';
import { Modal, ModalFooter } from './Modal';

/** The problem statement a case suggests: who was let down and how, in the case's own words. */
export function problemFromCase(found: CaseJson): string {
  const lines = [`${found.customer.name}: ${found.summary}`];
  if (found.description.trim()) lines.push(found.description.trim());
  return lines.join('\n\n').slice(0, LIMITS.problemLength);
}

interface StartAnalysisDialogProps {
  found: CaseJson;
  api: AnalysisRowsApi;
  onStarted: (analysisId: string) => void;
  onClose: () => void;
}

/** Starts an analysis linked to this case, its title and problem taken from the case. */
export function StartAnalysisDialog({ found, api, onStarted, onClose }: StartAnalysisDialogProps) {
  const id = useId();
  const [title, setTitle] = useState(() => found.summary.slice(0, LIMITS.titleLength));
  const [problem, setProblem] = useState(() => problemFromCase(found));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return setError('Title is required.');
    setBusy(true);
    try {
      const created = await api.create({ title: title.trim(), problem, caseIds: [found.id] });
      onStarted(created.id);
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };

  return (
    <Modal
      title="Start analysis from this case"
      description="The new analysis is linked to this case. Adjust the problem statement if needed."
      onClose={onClose}
      className="wc-startdialog"
    >
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="wc-casefield">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            type="text"
            dir="auto"
            maxLength={LIMITS.titleLength}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </div>
        <div className="wc-casefield">
          <label htmlFor={`${id}-problem`}>Problem statement</label>
          <textarea
            id={`${id}-problem`}
            dir="auto"
            rows={5}
            maxLength={LIMITS.problemLength}
            value={problem}
            onChange={(event) => setProblem(event.target.value)}
          />
        </div>
        <ModalFooter error={error} onCancel={onClose}>
          <button type="submit" className="wc-button wc-button--primary" disabled={busy}>
            {busy ? 'Starting…' : 'Start analysis'}
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
