import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addWhy } from '../commands/addWhy';
import { createAnalysis } from '../commands/createAnalysis';
import { makeOrigin } from '../origin';
import { readAnalysis } from '../readAnalysis';
import { SAMPLE_ANALYSIS } from '../sample';
import { branchingExportInput, sampleExportInput } from './exportFixtures';
import { layoutPrintTree } from './printLayout';
import { escapeXml, renderTreeSvg } from './renderSvg';

const origin = makeOrigin('local', 'Test');

/** The text of the SVG's <text> elements, tags and entities undone, one element each. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>(.*?)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/<tspan x=[^>]*>(.*?)<\/tspan>/g, (_, line: string) => `${line}\n`)
      .replace(/<\/?tspan\b[^>]*>/g, '')
      .trim()
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

function hostileInput() {
  const doc = new Y.Doc();
  createAnalysis(
    doc,
    { title: 'Tom & "Jerry" <b>', problem: "<script>alert('x')</script>" },
    origin,
  );
  addWhy(doc, { parentId: null, text: 'a < b && c > "d"' }, origin);
  return { snapshot: readAnalysis(doc), cases: [], id: 'hostile' };
}

describe('renderTreeSvg', () => {
  it('escapes every piece of user text, so markup shows as typed', () => {
    const svg = renderTreeSvg(hostileInput());
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('<title>Tom &amp; &quot;Jerry&quot; &lt;b&gt;</title>');
    expect(svg).toContain('&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;');
    expect(texts(svg)).toContain('a < b && c > "d"');
    expect(escapeXml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&apos;');
  });

  it('draws a box per why and the problem, sized as the print layout', () => {
    const input = branchingExportInput();
    const svg = renderTreeSvg(input);
    const layout = layoutPrintTree(input.snapshot);
    const boxes = svg.match(/<rect [^>]*rx="6"/g) ?? [];
    expect(boxes).toHaveLength(input.snapshot.order.length + 1);
    const width = String(Math.round(layout.width * 100) / 100);
    const height = String(Math.round(layout.height * 100) / 100);
    expect(svg).toMatch(
      new RegExp(`^<svg [^>]*width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`),
    );
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg.match(/<polyline /g)).toHaveLength(input.snapshot.order.length);
    const rootCauses = input.snapshot.order.filter((id) => input.snapshot.whys[id]!.rootCause);
    expect(svg.match(/stroke="#6d28d9"/g)).toHaveLength(rootCauses.length);
    const ruledOut = input.snapshot.order.filter(
      (id) => input.snapshot.whys[id]!.verification === 'ruled_out',
    );
    expect(ruledOut.length).toBeGreaterThan(0);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(ruledOut.length);
  });

  it('prints the sample analysis as label, wrapped text and status for each box, in order', () => {
    const svg = renderTreeSvg(sampleExportInput());
    expect(svg).toContain(`<title>${escapeXml(SAMPLE_ANALYSIS.title)}</title>`);
    const shown = texts(svg);
    expect(shown[0]).toBe('Problem');
    expect(shown[1]!.replace(/\n/g, ' ')).toBe(SAMPLE_ANALYSIS.problem);
    const whys = SAMPLE_ANALYSIS.whys.map((text, index) => [
      `Why ${index + 1}`,
      text,
      index === SAMPLE_ANALYSIS.whys.length - 1 ? 'Root cause · Hypothesis' : 'Hypothesis',
    ]);
    const rest = shown.slice(2).map((text) => text.replace(/\n/g, ' '));
    expect(rest).toEqual(whys.flat());
    expect(svg.match(/font-weight="bold"/g)).toHaveLength(SAMPLE_ANALYSIS.whys.length + 2);
    expect(svg.endsWith('</svg>\n')).toBe(true);
  });
});
