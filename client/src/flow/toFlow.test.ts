import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAction,
  addComment,
  addWhy,
  createAnalysis,
  editWhyDetails,
  LAYOUT,
  layoutTree,
  makeOrigin,
  PROBLEM_ID,
  readAnalysis,
  setRootCause,
  updateAction,
  type ActionStatus,
  type WhyId,
} from '@whychain/shared';
import { toFlow, TYPING_ROOM, type FlowCache, type WhyFlowNode } from './toFlow';

const me = makeOrigin('local', 'Ada');

function build() {
  const { doc, ...ids } = buildDoc();
  return { snapshot: readAnalysis(doc), ...ids };
}

function buildDoc() {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Why are the customers angry?' }, me);
  const add = (parentId: WhyId | null, text: string) => {
    const result = addWhy(doc, { parentId, text }, me);
    if (!result.ok) throw new Error(result.reason);
    return result.id;
  };
  const overcharged = add(null, 'Overcharged for the book');
  const form = add(overcharged, 'The price form is wrong');
  const late = add(null, 'Late delivery');
  setRootCause(doc, { whyId: form, rootCause: true }, me);
  return { doc, overcharged, form, late };
}

const noUi = { selectedId: null, editingId: null };

describe('toFlow', () => {
  it('makes a problem node and one node per why, placed by layoutTree', () => {
    const { snapshot, overcharged, form, late } = build();
    const { nodes } = toFlow(snapshot, noUi);
    expect(nodes.map((node) => node.id)).toEqual([PROBLEM_ID, overcharged, form, late]);
    const boxes = layoutTree(snapshot);
    for (const node of nodes) {
      const box = boxes.get(node.id)!;
      expect(node.position).toEqual({ x: box.x, y: box.y });
      expect(node.width).toBe(box.width);
      expect(node.data.minHeight).toBe(box.height);
    }
    expect(nodes[0]).toMatchObject({
      type: 'problem',
      data: { kind: 'problem', text: 'Why are the customers angry?' },
    });
  });

  it('labels whys by depth and carries text, parent and root-cause flag', () => {
    const { snapshot, overcharged, form } = build();
    const byId = new Map(toFlow(snapshot, noUi).nodes.map((node) => [node.id, node]));
    expect((byId.get(overcharged) as WhyFlowNode).data).toMatchObject({
      label: 'Why 1',
      depth: 1,
      parentId: null,
      text: 'Overcharged for the book',
      rootCause: false,
    });
    expect((byId.get(form) as WhyFlowNode).data).toMatchObject({
      label: 'Why 2',
      parentId: overcharged,
      rootCause: true,
    });
  });

  it('marks a why saved in a broken shape as damaged, and no other', () => {
    const { snapshot, overcharged, form } = build();
    const damaged = {
      ...snapshot,
      whys: { ...snapshot.whys, [form]: { ...snapshot.whys[form]!, damaged: true } },
    };
    const byId = new Map(toFlow(damaged, noUi).nodes.map((node) => [node.id, node]));
    expect((byId.get(form) as WhyFlowNode).data.damaged).toBe(true);
    expect((byId.get(overcharged) as WhyFlowNode).data.damaged).toBe(false);
  });

  it('names each node for assistive technology', () => {
    const { snapshot, form, late } = build();
    const byId = new Map(toFlow(snapshot, noUi).nodes.map((node) => [node.id, node]));
    expect(byId.get(PROBLEM_ID)?.ariaLabel).toBe('Problem: Why are the customers angry?');
    expect(byId.get(form)?.ariaLabel).toBe('Why 2, root cause: The price form is wrong');
    expect(byId.get(late)?.ariaLabel).toBe('Why 1: Late delivery');
  });

  it('draws one edge from each parent to each of its answers, marking root causes', () => {
    const { snapshot, overcharged, form, late } = build();
    const { edges } = toFlow(snapshot, noUi);
    expect(edges.map((edge) => [edge.source, edge.target])).toEqual([
      [PROBLEM_ID, overcharged],
      [overcharged, form],
      [PROBLEM_ID, late],
    ]);
    expect(edges.find((edge) => edge.target === form)?.className).toContain('wc-edge--root');
    expect(edges.find((edge) => edge.target === late)?.className).not.toContain('wc-edge--root');
  });

  it('takes selection and editing from the UI state, and nothing else is selected', () => {
    const { snapshot, form } = build();
    const { nodes } = toFlow(snapshot, { selectedId: form, editingId: form });
    expect(nodes.filter((node) => node.selected).map((node) => node.id)).toEqual([form]);
    expect(nodes.filter((node) => node.data.editing).map((node) => node.id)).toEqual([form]);
  });

  it('keeps nodes fixed in place and read-only when asked', () => {
    const { snapshot } = build();
    const { nodes } = toFlow(snapshot, { ...noUi, readOnly: true });
    expect(nodes.every((node) => node.draggable === false && node.deletable === false)).toBe(true);
    expect(nodes.every((node) => node.data.readOnly)).toBe(true);
  });

  it('puts other people on the nodes they have selected', () => {
    const { snapshot, late } = build();
    const peersByNode = new Map([[late, [{ name: 'Grace', color: '#2f9e44' }]]]);
    const { nodes } = toFlow(snapshot, { ...noUi, peersByNode });
    expect(nodes.find((node) => node.id === late)?.data.peers).toEqual([
      { name: 'Grace', color: '#2f9e44' },
    ]);
    expect(nodes.find((node) => node.id === PROBLEM_ID)?.data.peers).toEqual([]);
  });

  it('shows only the problem for an analysis without whys', () => {
    const doc = new Y.Doc();
    createAnalysis(doc, { title: 'Empty', problem: '' }, me);
    const { nodes, edges } = toFlow(readAnalysis(doc), noUi);
    expect(nodes.map((node) => node.id)).toEqual([PROBLEM_ID]);
    expect(edges).toEqual([]);
  });

  it('folds the answers of a collapsed why away and says how many are hidden', () => {
    const { snapshot, overcharged, form, late } = build();
    const { nodes, edges } = toFlow(snapshot, { ...noUi, collapsed: new Set([overcharged]) });
    expect(nodes.map((node) => node.id)).toEqual([PROBLEM_ID, overcharged, late]);
    expect(edges.some((edge) => edge.target === form)).toBe(false);
    const folded = nodes.find((node) => node.id === overcharged) as WhyFlowNode;
    expect(folded.data).toMatchObject({ collapsed: true, hiddenCount: 1, childCount: 1 });
    const open = toFlow(snapshot, noUi).nodes.find((node) => node.id === overcharged);
    expect((open as WhyFlowNode).data).toMatchObject({ collapsed: false, hiddenCount: 0 });
  });

  it('greys a ruled-out why and everything below it, and names its verification', () => {
    const { doc, overcharged, form, late } = buildDoc();
    editWhyDetails(doc, { whyId: overcharged, patch: { verification: 'ruled_out' } }, me);
    editWhyDetails(doc, { whyId: late, patch: { verification: 'verified' } }, me);
    const byId = new Map(toFlow(readAnalysis(doc), noUi).nodes.map((node) => [node.id, node]));
    const data = (id: string) => (byId.get(id) as WhyFlowNode).data;
    expect([data(overcharged).ruledOut, data(form).ruledOut, data(late).ruledOut]).toEqual([
      true,
      true,
      false,
    ]);
    expect(byId.get(form)?.className).toContain('is-ruled-out');
    expect(data(late).verification).toBe('verified');
    expect(byId.get(late)?.ariaLabel).toBe('Why 1, verified: Late delivery');
  });

  it('carries the category, open comments and the blaming phrase of each why', () => {
    const { doc, overcharged, late } = buildDoc();
    editWhyDetails(doc, { whyId: late, patch: { category: 'Process' } }, me);
    addComment(doc, { whyId: late, text: 'Which courier?' }, me);
    addComment(doc, { whyId: late, text: 'Since when?' }, me);
    const edited = addWhy(doc, { parentId: null, text: 'Bob forgot to order the forms' }, me);
    if (!edited.ok) throw new Error(edited.reason);
    const byId = new Map(toFlow(readAnalysis(doc), noUi).nodes.map((node) => [node.id, node]));
    const data = (id: string) => (byId.get(id) as WhyFlowNode).data;
    expect(data(late)).toMatchObject({ category: 'Process', openComments: 2, blame: null });
    expect(data(overcharged)).toMatchObject({ category: null, openComments: 0 });
    expect(data(edited.id).blame).toBe('forgot');
  });

  it('makes a row as tall as its tallest drawn node, so rows below move down', () => {
    const { snapshot, overcharged, form } = build();
    const plain = new Map(toFlow(snapshot, noUi).nodes.map((node) => [node.id, node]));
    const drawnHeight = plain.get(overcharged)!.data.minHeight + 60;
    const measured = new Map([[overcharged, { width: 240, height: drawnHeight }]]);
    const tall = new Map(
      toFlow(snapshot, { ...noUi, measured }).nodes.map((node) => [node.id, node]),
    );
    expect(tall.get(overcharged)!.measured).toEqual({ width: 240, height: drawnHeight });
    expect(tall.get(overcharged)!.position).toEqual(plain.get(overcharged)!.position);
    expect(tall.get(form)!.position.y).toBe(
      tall.get(overcharged)!.position.y + drawnHeight + LAYOUT.gapY,
    );
  });

  it('gives the why being typed in a line of room below its text, moving no row', () => {
    const { snapshot, overcharged } = build();
    const plain = toFlow(snapshot, noUi).nodes;
    const typing = toFlow(snapshot, { selectedId: overcharged, editingId: overcharged }).nodes;
    const find = (nodes: typeof plain) => nodes.find((node) => node.id === overcharged)!;
    expect(find(typing).data.typingRoom).toBe(TYPING_ROOM);
    expect(find(plain).data.typingRoom).toBe(0);
    expect(find(typing).data.minHeight).toBe(find(plain).data.minHeight);
    expect(typing.map((node) => node.position)).toEqual(plain.map((node) => node.position));
  });

  it('lets whys be dragged, never the problem', () => {
    const { snapshot } = build();
    const { nodes } = toFlow(snapshot, noUi);
    expect(nodes.map((node) => node.draggable)).toEqual([false, true, true, true]);
  });

  it('keeps the node object of a why whose snapshot, box and state did not change', () => {
    const { snapshot, overcharged, form } = build();
    const cache: FlowCache = new Map();
    const first = new Map(toFlow(snapshot, { ...noUi, cache }).nodes.map((n) => [n.id, n]));
    const again = new Map(toFlow(snapshot, { ...noUi, cache }).nodes.map((n) => [n.id, n]));
    expect(again.get(overcharged)).toBe(first.get(overcharged));
    const selected = new Map(
      toFlow(snapshot, { ...noUi, selectedId: form, cache }).nodes.map((n) => [n.id, n]),
    );
    expect(selected.get(form)).not.toBe(first.get(form));
    expect(selected.get(form)!.selected).toBe(true);
    expect(selected.get(overcharged)).toBe(first.get(overcharged));
  });

  it('shows a root cause accepted as an assumption as such, unless it was verified', () => {
    const { doc, overcharged, form } = buildDoc();
    editWhyDetails(doc, { whyId: form, patch: { assumption: true } }, me);
    // The flag outlives unmarking a root cause; on a plain why it means nothing.
    editWhyDetails(doc, { whyId: overcharged, patch: { assumption: true } }, me);
    const data = (snapshot = readAnalysis(doc)) =>
      new Map(toFlow(snapshot, noUi).nodes.map((node) => [node.id, node]));
    expect((data().get(form) as WhyFlowNode).data.assumption).toBe(true);
    expect(data().get(form)?.ariaLabel).toBe(
      'Why 2, root cause, assumption: The price form is wrong',
    );
    expect((data().get(overcharged) as WhyFlowNode).data.assumption).toBe(false);
    editWhyDetails(doc, { whyId: form, patch: { verification: 'verified' } }, me);
    expect(data().get(form)?.ariaLabel).toBe(
      'Why 2, root cause, verified: The price form is wrong',
    );
  });

  it('counts the actions of each root cause: done, and overdue as of today', () => {
    const { doc, form, late } = buildDoc();
    const action = (dueDate: string | null, status: ActionStatus) => {
      const added = addAction(
        doc,
        { whyId: form, kind: 'corrective', description: `Due ${dueDate}`, dueDate },
        me,
      );
      if (!added.ok) throw new Error(added.reason);
      if (status !== 'open') updateAction(doc, { actionId: added.id, patch: { status } }, me);
    };
    action('2026-03-01', 'open'); // late
    action('2026-03-01', 'done'); // done late: not overdue
    action('2026-03-04', 'in_progress'); // due today: not yet overdue
    action(null, 'open');
    action('2026-01-01', 'cancelled'); // dropped: counted nowhere
    addAction(doc, { whyId: null, kind: 'containment', description: 'Refund them' }, me);
    const flow = (today?: string) =>
      new Map(toFlow(readAnalysis(doc), { ...noUi, today }).nodes.map((n) => [n.id, n]));
    const data = (id: string, today?: string) => (flow(today).get(id) as WhyFlowNode).data;
    expect(data(form, '2026-03-04').actions).toEqual({ total: 4, done: 1, overdue: 1 });
    expect(data(form, '2026-03-05').actions).toEqual({ total: 4, done: 1, overdue: 2 });
    expect(data(form).actions).toEqual({ total: 4, done: 1, overdue: 0 });
    expect(data(late).actions).toBeNull();
    setRootCause(doc, { whyId: late, rootCause: true }, me);
    expect(data(late).actions).toEqual({ total: 0, done: 0, overdue: 0 });
  });

  it('draws a why again when its actions change, and only that why', () => {
    const { doc, overcharged, form } = buildDoc();
    const cache: FlowCache = new Map();
    const ui = { ...noUi, cache, today: '2026-03-04' };
    const before = readAnalysis(doc);
    const first = new Map(toFlow(before, ui).nodes.map((n) => [n.id, n]));
    addAction(doc, { whyId: form, kind: 'corrective', description: 'New form order' }, me);
    // Given the snapshot before, readAnalysis keeps the objects of the whys that did not change.
    const next = new Map(toFlow(readAnalysis(doc, before), ui).nodes.map((n) => [n.id, n]));
    expect((next.get(form) as WhyFlowNode).data.actions).toEqual({ total: 1, done: 0, overdue: 0 });
    expect(next.get(form)).not.toBe(first.get(form));
    expect(next.get(overcharged)).toBe(first.get(overcharged));
  });
});
