// Golden files are test data read and written from Node; shared's own code stays free of Node.
// eslint-disable-next-line no-restricted-imports
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useFixedIdsAndClock } from './fixedIdsAndClock';
import { branchingExportInput, EUROPEAN_CASE, sampleExportInput } from './exportFixtures';
import { exportSlug, type ExportInput } from './exportInput';
import { exportAnalysisJson } from './json';
import { renderCsv } from './renderCsv';
import { renderMarkdown } from './renderMarkdown';

/*
 * Golden files: each export is compared byte for byte with its file in __golden__/. After a
 * deliberate change of the output, rewrite them with
 *   UPDATE_GOLDEN=1 npx vitest run shared/src/export
 * and read the diff before committing it.
 */
const GOLDEN = new URL('./__golden__/', import.meta.url);

function expectGolden(name: string, actual: string): void {
  const file = new URL(name, GOLDEN);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual, 'utf8');
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

useFixedIdsAndClock();

/** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records; throws on anything else. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      const end = /^"((?:[^"]|"")*)"/.exec(text.slice(i));
      if (!end) throw new Error(`unterminated quoted field at ${i}`);
      field += end[1]!.replace(/""/g, '"');
      i += end[0].length;
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '\r') {
      throw new Error(`bare line break at ${i}`);
    } else {
      field += text[i++];
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

const cases: [string, () => ExportInput][] = [
  ['sample', sampleExportInput],
  ['branching', branchingExportInput],
];

describe.each(cases)('exports of the %s analysis', (name, build) => {
  it('renders Markdown as in its golden file', () => {
    expectGolden(`${name}.md`, renderMarkdown(build()));
  });

  it('renders JSON as in its golden file', () => {
    const input = build();
    const json = exportAnalysisJson({
      ...input,
      caseIds: input.cases.map((linked) => linked.id),
      exportedAt: new Date(Date.UTC(2026, 11, 1, 9, 30)),
    });
    expectGolden(`${name}.json`, `${JSON.stringify(json, null, 2)}\n`);
  });

  it.each(['actions', 'whys'] as const)('renders the %s CSV as in its golden file', (table) => {
    expectGolden(`${name}-${table}.csv`, renderCsv(build(), table));
  });

  it('writes CSV that reads back, field by field, as the snapshot it came from', () => {
    const input = build();
    const { snapshot } = input;
    const whys = parseCsv(renderCsv(input, 'whys'));
    expect(whys[0]).toEqual([
      'id',
      'parent id',
      'depth',
      'text',
      'root cause',
      'verification',
      'category',
    ]);
    expect(whys.slice(1).map((row) => row[0])).toEqual(snapshot.order);
    for (const row of whys.slice(1)) {
      const why = snapshot.whys[row[0]!]!;
      expect(row).toEqual([
        why.id,
        why.parentId ?? '',
        String(why.depth),
        /^[=+\-@]/.test(why.text) ? `'${why.text}` : why.text,
        why.rootCause ? 'yes' : 'no',
        why.verification,
        why.category ?? '',
      ]);
    }
    const actions = parseCsv(renderCsv(input, 'actions'));
    expect(actions).toHaveLength(snapshot.actions.length + 1);
    expect(actions.slice(1).map((row) => row[2])).toEqual(
      snapshot.actions.map((a) => a.description.replace(/^([=+\-@])/, "'$1")),
    );
  });
});

describe('CSV quoting and formula escaping', () => {
  it('quotes commas and quotes, escapes formulas, keeps European letters', () => {
    const input = branchingExportInput();
    const csv = renderCsv(input, 'whys');
    expect(csv).toContain(`,'=SUM(A1) was pasted into the run-once flag,`);
    expect(csv).toContain(`,"The rota lives in one sheet, ""Ops, EU"", only",`);
    expect(csv).toContain('# No one in São Paulo had the rota');
    const actions = parseCsv(renderCsv(input, 'actions'));
    const byKind = Object.fromEntries(actions.slice(1).map((row) => [row[1], row]));
    expect(byKind.containment![3]).toBe('Zoë Müller-Łukasiewicz');
    expect(byKind.corrective!.slice(2, 4)).toEqual([
      'Replace "=SUM" in the flag, then re-run',
      "'-Ops, Ærøskøbing",
    ]);
    expect(byKind.preventive![2]).toBe("'@here: share the rota with every desk");
    expect(byKind.corrective![7]).toBe("'=SUM(A1) was pasted into the run-once flag");
    expect(csv.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });
});

describe('Markdown safety and content', () => {
  it('never lets user text become HTML, a table column or a heading', () => {
    const md = renderMarkdown(branchingExportInput());
    expect(md).not.toMatch(/(?<!\\)</);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\| the bank sent it \\*late\\*');
    expect(md).toContain('**Why 2:** \\# No one in São Paulo had the rota');
    expect(md).toContain('Customer waiting \\| rota fix follows');
    for (const row of md.split('\n').filter((line) => line.startsWith('| '))) {
      const columns = row.replace(/\\\|/g, '').split('|').length - 2;
      expect([4, 5]).toContain(columns);
    }
  });

  it('shows sign-off, the linked case with its reference as a link, and the marked whys', () => {
    const md = renderMarkdown(branchingExportInput());
    expect(md).toContain(
      '**Status:** Closed, signed off by Zoë Müller-Łukasiewicz on 2026-11-30 14:05 UTC',
    );
    expect(md).toContain(`[ZD-4821](https://help.example.com/tickets/4821?view=full%20%28copy%29)`);
    expect(md).toContain(EUROPEAN_CASE.customer.name);
    expect(md).toContain('  - **Why 2:** ~~\\<script\\>');
    expect(md).toContain('**Root cause** · _Verified_');
  });

  it('names files after the title in lowercase ASCII', () => {
    expect(exportSlug('Angry book customers')).toBe('angry-book-customers');
    expect(exportSlug('Zoë Müller-Łukasiewicz, São Paulo, Ærøskøbing!')).toBe(
      'zoe-muller-lukasiewicz-sao-paulo-aeroskobing',
    );
    expect(exportSlug('   ???  ')).toBe('analysis');
  });
});
