import * as Y from 'yjs';
import { EMPTY_RECOVERY, type CaseJson } from '../cases/caseJson';
import { addAction } from '../commands/addAction';
import { addWhy } from '../commands/addWhy';
import { createAnalysis } from '../commands/createAnalysis';
import { addEvidenceLink, editEvidence, editWhyDetails } from '../commands/editWhyDetails';
import { editLearnings } from '../commands/meeting';
import { setRootCause } from '../commands/setRootCause';
import { closeAnalysis } from '../commands/status';
import { updateAction } from '../commands/updateAction';
import type { ActionId, WhyId } from '../ids';
import { makeOrigin } from '../origin';
import { readAnalysis } from '../readAnalysis';
import type { Result } from '../result';
import { writeSampleAnalysis } from '../sample';
import type { ExportInput } from './exportInput';

/*
 * Test fixtures for the export renderers (not part of the public index). Run them with fixed ids
 * and a fixed clock (see renderers.test.ts) so the rendered output is the same every time.
 */

const team = makeOrigin('local', 'Zoë Müller-Łukasiewicz');

function ok<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** The sample analysis as the server seeds it, without linked cases. */
export function sampleExportInput(): ExportInput {
  const doc = new Y.Doc();
  writeSampleAnalysis(doc, makeOrigin('server', 'Whychain'));
  return { snapshot: readAnalysis(doc), cases: [], id: 'sampleanalysis01' };
}

/** A case linked to the branching analysis, with European names and a reference link. */
export const EUROPEAN_CASE: CaseJson = {
  id: 'casezoe000000001',
  customer: { id: 'customerzoe00001', name: 'Zoë Müller-Łukasiewicz GmbH' },
  externalRef: 'ZD-4821',
  externalUrl: 'https://help.example.com/tickets/4821?view=full (copy)',
  summary: 'Charged twice in São Paulo, refund promised from Ærøskøbing',
  description: '',
  touchpoint: 'billing',
  severity: 'high',
  stakes: { amount: 48000, currency: 'EUR', note: 'lifetime value' },
  receivedAt: '2026-11-20T09:30:00.000Z',
  owner: 'Dana',
  status: 'open',
  recovery: EMPTY_RECOVERY,
  discovery: [],
  analysisIds: ['branchinganalysis1'],
  createdAt: '2026-11-20T09:30:00.000Z',
  updatedAt: '2026-11-20T09:30:00.000Z',
};

/**
 * Two branches built with the shared commands: one ending in a verified root cause, with a ruled
 * out side branch; one ending in a root cause accepted as an assumption, whose action has no due
 * date, so closing it takes an override. Texts carry European
 * names, Markdown and HTML markup, a formula, commas and quotes; closed with an override.
 */
export function branchingExportInput(): ExportInput {
  const doc = new Y.Doc();
  ok(
    createAnalysis(
      doc,
      {
        title: 'Angry book customers',
        problem:
          'Zoë Müller-Łukasiewicz, São Paulo, Ærøskøbing: charged twice.\nShe wrote "never again".',
      },
      team,
    ),
  );
  const add = (parentId: WhyId | null, text: string) =>
    ok(addWhy(doc, { parentId, text }, team)).id;
  const twice = add(null, 'The invoice run happened twice');
  const retry = add(twice, 'The retry job did not see the first run');
  const formula = add(retry, '=SUM(A1) was pasted into the run-once flag');
  const bank = add(twice, '<script>alert(1)</script> | the bank sent it *late*');
  const language = add(null, 'Support answered in English, not Portuguese');
  const rota = add(language, '# No one in São Paulo had the rota');
  const sheet = add(rota, 'The rota lives in one sheet, "Ops, EU", only');
  ok(editWhyDetails(doc, { whyId: bank, patch: { verification: 'ruled_out' } }, team));
  ok(setRootCause(doc, { whyId: formula, rootCause: true }, team));
  ok(
    editWhyDetails(
      doc,
      { whyId: formula, patch: { verification: 'verified', category: 'Tools and systems' } },
      team,
    ),
  );
  ok(editEvidence(doc, { whyId: formula, text: 'Log line 42: "run=1, run=1"' }, team));
  ok(addEvidenceLink(doc, { whyId: formula, url: 'https://logs.example.com/run/42' }, team));
  ok(setRootCause(doc, { whyId: sheet, rootCause: true }, team));
  ok(
    editWhyDetails(
      doc,
      { whyId: sheet, patch: { assumption: true, category: 'Communication' } },
      team,
    ),
  );
  ok(
    addAction(
      doc,
      {
        whyId: null,
        kind: 'containment',
        description: 'Refund Zoë Müller-Łukasiewicz, São Paulo, in full',
        owner: 'Zoë Müller-Łukasiewicz',
        dueDate: '2026-12-01',
      },
      team,
    ),
  );
  ok(
    addAction(
      doc,
      {
        whyId: formula,
        kind: 'corrective',
        description: 'Replace "=SUM" in the flag, then re-run',
        owner: '-Ops, Ærøskøbing',
        dueDate: '2026-12-15',
      },
      team,
    ),
  );
  const rotaAction: ActionId = ok(
    addAction(
      doc,
      {
        whyId: sheet,
        kind: 'preventive',
        description: '@here: share the rota with every desk',
        owner: 'Support lead',
      },
      team,
    ),
  ).id;
  ok(updateAction(doc, { actionId: rotaAction, patch: { status: 'done' } }, team));
  ok(
    editLearnings(
      doc,
      { text: 'Check every locale before a run.\nÆrøskøbing has its own rota.\n\n- Not a list.' },
      team,
    ),
  );
  ok(closeAnalysis(doc, { overrideReason: 'Customer waiting | rota fix follows' }, team));
  return { snapshot: readAnalysis(doc), cases: [EUROPEAN_CASE], id: 'branchinganalysis1' };
}
