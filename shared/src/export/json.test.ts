import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeOrigin } from '../origin';
import { readAnalysis } from '../readAnalysis';
import { writeSampleAnalysis } from '../sample';
import { everyFieldDoc } from './jsonFixtures';
import {
  ANALYSIS_EXPORT_SCHEMA,
  EXPORT_VERSION,
  exportAnalysisJson,
  importAnalysisJson,
  type AnalysisExport,
} from './json';

const server = makeOrigin('server', 'Whychain');

function exportOf(doc: Y.Doc): AnalysisExport {
  return exportAnalysisJson({
    id: 'sourceanalysis1',
    snapshot: readAnalysis(doc),
    caseIds: ['case000001'],
  });
}

/** Through JSON text and back into a fresh document, as a file would travel. */
function roundTrip(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  const result = importAnalysisJson(copy, JSON.parse(JSON.stringify(exportOf(doc))), server);
  expect(result).toEqual({ ok: true, caseIds: ['case000001'], title: readAnalysis(doc).title });
  return copy;
}

describe('JSON export and import', () => {
  it('carries the format, the version and every record of the analysis', () => {
    const json = exportOf(everyFieldDoc());
    expect(json).toMatchObject({
      format: 'whychain-analysis',
      version: EXPORT_VERSION,
      caseIds: ['case000001'],
    });
    expect(Date.parse(json.exportedAt)).not.toBeNaN();
    const analysis = json.analysis as Record<string, unknown[]> & Record<string, unknown>;
    expect(analysis).toMatchObject({
      id: 'sourceanalysis1',
      status: 'closed',
      closeOverride: 'Customer waiting',
    });
    expect(analysis.whys).toHaveLength(6);
    expect(analysis.actions).toHaveLength(3);
    expect(analysis.comments).toHaveLength(2);
    expect(analysis.parkingLot).toHaveLength(1);
  });

  it.each([
    [
      'the sample analysis',
      () => {
        const doc = new Y.Doc();
        writeSampleAnalysis(doc, server);
        return doc;
      },
    ],
    ['a branching analysis with every field set', everyFieldDoc],
  ])('recreates %s field by field', (_name, build) => {
    const doc = build();
    const before = readAnalysis(doc);
    const after = readAnalysis(roundTrip(doc));
    // Key by key first, so a failure names the field; then the whole snapshot, nothing left out.
    // Nothing differs: ids, authors and times are kept; only the analysis gets a new id (stored
    // outside the document) and the whys' move bookkeeping restarts (not part of the snapshot).
    for (const key of Object.keys(before) as Array<keyof typeof before>) {
      expect(after[key], key).toEqual(before[key]);
    }
    expect(after).toEqual(before);
  });

  it('keeps every field set away from its default (so the comparison above is not vacuous)', () => {
    const after = readAnalysis(roundTrip(everyFieldDoc()));
    const rootCause = Object.values(after.whys).find((why) => why.verification === 'verified')!;
    expect(rootCause).toMatchObject({
      rootCause: true,
      category: 'Tools and systems',
      evidence: 'Log line 42: "run=1, run=1"',
      links: ['https://logs.example.com/run/42', 'http://wiki.example.com/flag'],
      depth: 3,
    });
    expect(Object.values(after.whys).find((why) => why.assumption)).toMatchObject({
      stopReason: 'Seen in every ticket',
    });
    expect(after.whys[after.rootIds[1]!]!.childIds.map((id) => after.whys[id]!.text)).toEqual([
      'Nobody checked',
    ]);
    expect(after.actions.find((a) => a.status === 'done')).toMatchObject({
      completionNote: 'Shipped in 4.2',
      dueDate: '2026-12-15',
      owner: 'Ops',
      whyId: rootCause.id,
    });
    expect(after.actions.find((a) => a.status === 'done')!.completedAt).toEqual(expect.any(Number));
    expect(after.comments.map((c) => [c.text, c.author, c.resolved]).sort()).toEqual([
      ['Are we sure about memory?', 'Ana São Paulo', true],
      ['The bank confirmed on time.', 'Ana São Paulo', false],
    ]);
    expect(after.parkingLot[0]).toMatchObject({ text: 'Invoice template font' });
    expect(after).toMatchObject({
      status: 'closed',
      signedOffBy: 'Ana São Paulo',
      closeOverride: 'Customer waiting',
      categories: ['Process', 'Tools and systems', 'Locale'],
      blameWords: ['forgot', 'sloppy'],
      timer: { startedAt: null, elapsedMs: 60_000 },
      learnings: 'Check every locale before a run.\n- Not a list.',
    });
  });

  it('publishes a schema whose every record lists exactly the fields the export writes', () => {
    const json = exportOf(everyFieldDoc());
    const keys = (value: object) => Object.keys(value).sort();
    const props = (schema: unknown) => keys((schema as { properties: object }).properties);
    const analysis = json.analysis as Record<string, object[]>;
    type Node = { properties: Record<string, Node>; items: Node };
    const top = (ANALYSIS_EXPORT_SCHEMA as unknown as Node).properties;
    const inner = top.analysis!.properties;
    expect(props(ANALYSIS_EXPORT_SCHEMA)).toEqual(keys(json));
    expect(props(top.analysis)).toEqual(keys(analysis));
    expect(props(inner.whys!.items)).toEqual(keys(analysis.whys![0]!));
    expect(props(inner.actions!.items)).toEqual(keys(analysis.actions![0]!));
    expect(props(inner.comments!.items)).toEqual(keys(analysis.comments![0]!));
    expect(props(inner.parkingLot!.items)).toEqual(keys(analysis.parkingLot![0]!));
    expect(ANALYSIS_EXPORT_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.parse(JSON.stringify(ANALYSIS_EXPORT_SCHEMA))).toEqual(ANALYSIS_EXPORT_SCHEMA);
  });

  it('reads a version 1 export, which had no customer message and no internal flags', () => {
    const v2 = exportOf(everyFieldDoc());
    const { customerMessage, customerVersionOverride, ...analysis } = v2.analysis as Record<
      string,
      unknown
    >;
    expect([customerMessage, customerVersionOverride]).not.toContain(undefined);
    const strip = (list: unknown, keys: string[]) =>
      (list as Record<string, unknown>[]).map((entry) =>
        Object.fromEntries(Object.entries(entry).filter(([key]) => !keys.includes(key))),
      );
    analysis.whys = strip(analysis.whys, ['internal']);
    analysis.actions = strip(analysis.actions, ['internal', 'ownerShareable']);
    const v1 = { ...v2, version: 1, analysis };
    const frozen = JSON.stringify(v1);
    const doc = new Y.Doc();
    expect(importAnalysisJson(doc, v1, server)).toMatchObject({ ok: true });
    expect(JSON.stringify(v1)).toBe(frozen);
    const read = readAnalysis(doc);
    expect(read.customerMessage).toBe('');
    expect(read.customerVersionOverride).toBeNull();
    expect(read.order.map((id) => read.whys[id]!.internal)).not.toContain(true);
    expect(read.actions.map((a) => [a.internal, a.ownerShareable]).flat()).not.toContain(true);
    expect(read.problem).toBe((v2.analysis as { problem: string }).problem);
  });

  it('refuses an export from a newer version, saying which versions it reads', () => {
    const json = { ...exportOf(everyFieldDoc()), version: EXPORT_VERSION + 1 };
    const doc = new Y.Doc();
    expect(importAnalysisJson(doc, json, server)).toEqual({
      ok: false,
      code: 'newer_version',
      field: 'version',
      reason: 'This export comes from a newer Whychain (version 3); this one reads up to 2.',
    });
    expect(readAnalysis(doc).schemaVersion).toBe(0);
  });

  it.each([
    ['not an export at all', () => 'hello', 'The export'],
    ['another format', (j: Record<string, unknown>) => ({ ...j, format: 'excalidraw' }), 'format'],
    [
      'a bad verification',
      (j: Record<string, unknown>) => withWhy(j, { verification: 'sure' }),
      'analysis.whys[0].verification',
    ],
    [
      'a javascript: link',
      (j: Record<string, unknown>) => withWhy(j, { links: ['javascript:alert(1)'] }),
      'analysis.whys[0].links[0]',
    ],
    [
      'a parent that is not in the export',
      (j: Record<string, unknown>) => withWhy(j, { parentId: 'nosuchwhy1' }),
      'analysis.whys[0].parentId',
    ],
    [
      'a why missing its text',
      (j: Record<string, unknown>) => withWhy(j, { text: undefined }),
      'analysis.whys[0].text',
    ],
    [
      'an unknown field',
      (j: Record<string, unknown>) => withWhy(j, { colour: 'red' }),
      'analysis.whys[0].colour',
    ],
    [
      'a date that does not exist',
      (j: Record<string, unknown>) =>
        withAnalysis(j, { actions: [{ ...first(j, 'actions'), dueDate: '2026-02-30' }] }),
      'analysis.actions[0].dueDate',
    ],
    [
      'a bad status',
      (j: Record<string, unknown>) => withAnalysis(j, { status: 'done' }),
      'analysis.status',
    ],
  ])('refuses %s, naming the field', (_name, spoil, field) => {
    const json = JSON.parse(JSON.stringify(exportOf(everyFieldDoc()))) as Record<string, unknown>;
    const result = importAnalysisJson(new Y.Doc(), spoil(json), server);
    expect(result).toMatchObject({ ok: false, code: 'invalid', field });
    expect(!result.ok && result.reason).toContain(field);
  });

  it('refuses a loop of parents', () => {
    const json = JSON.parse(JSON.stringify(exportOf(everyFieldDoc()))) as Record<string, unknown>;
    const whys = (json.analysis as Record<string, unknown>).whys as Record<string, unknown>[];
    whys[0]!.parentId = whys[1]!.id;
    expect(importAnalysisJson(new Y.Doc(), json, server)).toMatchObject({
      ok: false,
      field: 'analysis.whys[0].parentId',
    });
  });
});

function first(json: Record<string, unknown>, list: string): Record<string, unknown> {
  return ((json.analysis as Record<string, unknown>)[list] as Record<string, unknown>[])[0]!;
}

function withAnalysis(json: Record<string, unknown>, patch: object) {
  return { ...json, analysis: { ...(json.analysis as object), ...patch } };
}

function withWhy(json: Record<string, unknown>, patch: object) {
  const whys = (json.analysis as Record<string, unknown>).whys as object[];
  const why = Object.fromEntries(
    Object.entries({ ...whys[0], ...patch }).filter(([, v]) => v !== undefined),
  );
  return withAnalysis(json, { whys: [why, ...whys.slice(1)] });
}
