/**
 * Where the editor's first render goes, for finding what to make faster (not part of the bench).
 *
 *   npx vite build --outDir /tmp/prof --emptyOutDir --minify false
 *   CLIENT_DIR=/tmp/prof WHYS=5000 node --import tsx tests/bench/profileEditor.ts
 *
 * Opens an analysis of WHYS whys (default 5,000) in Chromium with the JavaScript sampling profiler
 * on, until the first render is done (the bench's probe; PHASE=pan: while panning the deep rows
 * instead), then prints the `performance.measure`
 * entries the page made, the functions with the most time of their own and the time by script
 * file; and the browser's main-thread work (style, layout, paint, garbage collection) from a trace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { newId } from '@whychain/shared';
import { silentLogger, startServer } from '@whychain/server';
import { launchChromium } from '../fixtures/browser';
import { panAndMeasure, RENDER_PROBE } from './editorProbes';
import { buildAnalysis, goDeep, zoomAllOut } from './editorSpeed';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const top = (totals: Map<string, number>, count: number) =>
  [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, total]) => `  ${(total / 1000).toFixed(1).padStart(8)} ms  ${name}`)
    .join('\n');

const nameOf = (frame: ProfileNode['callFrame']) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() || '(native)'}:${frame.lineNumber + 1}`;

/** Time of each function's own, by file, and with everything it called (once per sample). */
function times(profile: Profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    const file = frame.url.split('/').pop() || '(native)';
    byFunction.set(nameOf(frame), (byFunction.get(nameOf(frame)) ?? 0) + delta);
    byFile.set(file, (byFile.get(file) ?? 0) + delta);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at)!.callFrame);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
  });
  // Who calls the function named in CALLERS, by call chain (innermost first, a few frames).
  const callers = new Map<string, number>();
  const wanted = process.env.CALLERS;
  if (wanted) {
    profile.samples.forEach((id, i) => {
      const chain: string[] = [];
      let found = false;
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)!.callFrame;
        if (found) chain.push(frame.functionName || '(anon)');
        else if (frame.functionName === wanted) found = true;
        if (chain.length === 12) break;
      }
      if (found) {
        const key = chain.join(' < ');
        callers.set(key, (callers.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
      }
    });
  }
  return { byFunction, byFile, inclusive, callers };
}

async function main() {
  const size = Number(process.env.WHYS ?? 5000);
  const dataDir = mkdtempSync(join(tmpdir(), 'whychain-profile-'));
  const server = await startServer({ port: 0, dataDir, log: silentLogger });
  const browser = await launchChromium();
  try {
    const id = newId<'AnalysisId'>();
    const doc: Y.Doc = buildAnalysis(size);
    await server.store.create(id, Y.encodeStateAsUpdate(doc), { title: 'p', status: 'draft' });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript("localStorage.setItem('whychain.displayName', 'Bench')");
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const phase = process.env.PHASE ?? 'load';
    const start = async () => {
      await cdp.send('Profiler.start');
      await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
      await browser.startTracing(page, {
        categories: ['devtools.timeline', 'v8', 'blink.user_timing'],
      });
    };
    if (phase === 'load') await start();
    await page.goto(`${server.url}/a/${id}`);
    const render = (await page.evaluate(RENDER_PROBE)) as { fromOpen: number; fromData: number };
    if (phase === 'pan') {
      await goDeep(page);
      await zoomAllOut(page);
      await start();
      console.log('pan frames', await panAndMeasure(page));
    }
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const coverage = (await cdp.send('Profiler.takePreciseCoverage')) as {
      result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[];
    };
    const counted = new Map<string, number>();
    for (const script of coverage.result) {
      if (!script.url.includes('/assets/')) continue;
      for (const fn of script.functions) {
        if (!fn.functionName) continue;
        counted.set(fn.functionName, (counted.get(fn.functionName) ?? 0) + fn.ranges[0]!.count);
      }
    }
    const watched = (
      process.env.COUNT ??
      'readAnalysis,resolveTree,layoutTree,toFlow,reuseUnchanged,boundsOf,WhyNode,ProblemNode,Canvas,Overview,fitNow,nodeTextPx,getDimensions,updateNodeInternals,useAnalysis'
    ).split(',');
    console.log('Calls: ' + watched.map((name) => `${name} ${counted.get(name) ?? 0}`).join(', '));
    const trace = JSON.parse((await browser.stopTracing()).toString()) as {
      traceEvents: { name: string; ph: string; dur?: number; tid: number }[];
    };
    const marks = (await page.evaluate(
      "performance.getEntries().filter((e) => e.entryType === 'mark' || e.entryType === 'measure').map((e) => [e.name, e.startTime, e.duration])",
    )) as [string, number, number][];
    console.log(
      `${size} whys: render from open ${render.fromOpen.toFixed(0)} ms, after data ${render.fromData.toFixed(0)} ms`,
    );
    console.log('User Timing (start, duration):');
    for (const [name, start, duration] of marks) {
      console.log(
        `  ${start.toFixed(0).padStart(6)} ms ${duration.toFixed(1).padStart(8)} ms  ${name}`,
      );
    }
    const { byFunction, byFile, inclusive, callers } = times(profile);
    if (callers.size > 0) console.log('Callers:\n' + top(callers, 15));
    console.log('With what they call:\n' + top(inclusive, Number(process.env.TOP ?? 60)));
    console.log('Self time by function:\n' + top(byFunction, 40));
    console.log('Self time by file:\n' + top(byFile, 10));
    // The renderer's main thread is the one that ran the most FunctionCall events.
    const calls = new Map<number, number>();
    for (const e of trace.traceEvents) {
      if (e.name === 'FunctionCall') calls.set(e.tid, (calls.get(e.tid) ?? 0) + 1);
    }
    const main = [...calls].sort((a, b) => b[1] - a[1])[0]?.[0];
    const work = new Map<string, number>();
    for (const e of trace.traceEvents) {
      if (e.tid !== main || e.ph !== 'X' || !e.dur) continue;
      work.set(e.name, (work.get(e.name) ?? 0) + e.dur);
    }
    console.log('Main thread by trace event (inclusive, nested events overlap):\n' + top(work, 25));
    await context.close();
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
