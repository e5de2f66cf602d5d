import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addEvidenceLink,
  addWhy,
  createAnalysis,
  editEvidence,
  editWhyDetails,
  makeOrigin,
  readAnalysis,
  removeEvidenceLink,
  setCategories,
  type WhyDetailsPatch,
  type WhyId,
} from '../index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');
const remote = makeOrigin('remote');
const gone = 'nosuchwhy01' as WhyId;

function withWhy(): { doc: Y.Doc; id: WhyId } {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Customers were overcharged' }, ada);
  const added = addWhy(doc, { parentId: null, text: 'The till used an old price list' }, ada);
  if (!added.ok) throw new Error(added.reason);
  return { doc, id: added.id };
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), remote);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), remote);
}

describe('editWhyDetails', () => {
  it('starts a new why as an unverified hypothesis with no category, assumption or reason', () => {
    const { doc, id } = withWhy();
    expect(readAnalysis(doc).whys[id]).toMatchObject({
      verification: 'hypothesis',
      category: null,
      assumption: false,
      stopReason: '',
    });
  });

  it('changes verification, category, assumption and stop reason', () => {
    const { doc, id } = withWhy();
    expect(editWhyDetails(doc, { whyId: id, patch: { verification: 'verified' } }, ada)).toEqual({
      ok: true,
    });
    expect(editWhyDetails(doc, { whyId: id, patch: { category: 'Process' } }, ada)).toEqual({
      ok: true,
    });
    expect(editWhyDetails(doc, { whyId: id, patch: { assumption: true } }, ada)).toEqual({
      ok: true,
    });
    expect(
      editWhyDetails(doc, { whyId: id, patch: { stopReason: 'Set by head office' } }, ada),
    ).toEqual({ ok: true });
    expect(readAnalysis(doc).whys[id]).toMatchObject({
      text: 'The till used an old price list',
      verification: 'verified',
      category: 'Process',
      assumption: true,
      stopReason: 'Set by head office',
    });
  });

  it('changes several fields at once and leaves the others alone', () => {
    const { doc, id } = withWhy();
    editWhyDetails(doc, { whyId: id, patch: { category: 'Policy', stopReason: 'Why' } }, ada);
    expect(
      editWhyDetails(doc, { whyId: id, patch: { verification: 'ruled_out', category: null } }, ada),
    ).toEqual({ ok: true });
    expect(readAnalysis(doc).whys[id]).toMatchObject({
      verification: 'ruled_out',
      category: null,
      assumption: false,
      stopReason: 'Why',
    });
  });

  it('accepts only a category from the analysis list, which the analysis may change', () => {
    const { doc, id } = withWhy();
    expect(editWhyDetails(doc, { whyId: id, patch: { category: 'Weather' } }, ada)).toEqual({
      ok: false,
      reason: '"Weather" is not one of this analysis\'s categories.',
    });
    expect(editWhyDetails(doc, { whyId: id, patch: { category: 'process' } }, ada)).toMatchObject({
      ok: false,
    });
    expect(readAnalysis(doc).whys[id]!.category).toBeNull();

    expect(setCategories(doc, { categories: ['Weather', 'Staffing'] }, ada)).toEqual({ ok: true });
    expect(editWhyDetails(doc, { whyId: id, patch: { category: 'Weather' } }, ada)).toEqual({
      ok: true,
    });
    expect(editWhyDetails(doc, { whyId: id, patch: { category: 'Process' } }, ada)).toEqual({
      ok: false,
      reason: '"Process" is not one of this analysis\'s categories.',
    });
    expect(readAnalysis(doc).whys[id]!.category).toBe('Weather');
  });

  it.each([
    [
      'an unknown verification',
      { verification: 'probably' },
      'Verification must be one of hypothesis, verified, ruled_out.',
    ],
    [
      'an assumption that is not true or false',
      { assumption: 'yes' },
      'Assumption must be true or false.',
    ],
    ['a stop reason that is not text', { stopReason: 42 }, 'Reason must be text.'],
    [
      'a stop reason over the limit',
      { stopReason: 'x'.repeat(5001) },
      'Reason is too long (5001 characters, at most 5000).',
    ],
  ])('refuses %s and writes nothing', (_, patch, reason) => {
    const { doc, id } = withWhy();
    const before = readAnalysis(doc);
    expect(
      editWhyDetails(
        doc,
        { whyId: id, patch: { category: 'Process', ...(patch as WhyDetailsPatch) } },
        ada,
      ),
    ).toEqual({ ok: false, reason });
    expect(readAnalysis(doc)).toEqual(before);
  });

  it('refuses a why that does not exist', () => {
    const { doc } = withWhy();
    expect(editWhyDetails(doc, { whyId: gone, patch: { verification: 'verified' } }, ada)).toEqual({
      ok: false,
      reason: 'This why no longer exists.',
    });
  });

  it('ignores fields that are not details, so it cannot overwrite the answer or move the why', () => {
    const { doc, id } = withWhy();
    const other = addWhy(doc, { parentId: null, text: 'Late delivery' }, ada);
    if (!other.ok) throw new Error(other.reason);
    const patch = { verification: 'verified', text: 'hacked', parentId: other.id, rootCause: true };
    expect(editWhyDetails(doc, { whyId: id, patch: patch as WhyDetailsPatch }, ada)).toEqual({
      ok: true,
    });
    expect(readAnalysis(doc).whys[id]).toMatchObject({
      text: 'The till used an old price list',
      parentId: null,
      rootCause: false,
      verification: 'verified',
    });
  });
});

describe('editEvidence', () => {
  it('sets and changes the evidence text', () => {
    const { doc, id } = withWhy();
    expect(editEvidence(doc, { whyId: id, text: 'Receipt #123 shows 2024 prices' }, ada)).toEqual({
      ok: true,
    });
    expect(readAnalysis(doc).whys[id]!.evidence).toBe('Receipt #123 shows 2024 prices');
    expect(editEvidence(doc, { whyId: id, text: '' }, ada)).toEqual({ ok: true });
    expect(readAnalysis(doc).whys[id]!.evidence).toBe('');
  });

  it('merges edits made at the same time on two replicas', () => {
    const { doc: a, id } = withWhy();
    const b = new Y.Doc();
    editEvidence(a, { whyId: id, text: 'Receipt shows old prices.' }, ada);
    sync(a, b);

    expect(editEvidence(a, { whyId: id, text: 'Receipt #123 shows old prices.' }, ada)).toEqual({
      ok: true,
    });
    expect(
      editEvidence(b, { whyId: id, text: 'Receipt shows old prices. Till log confirms it.' }, bob),
    ).toEqual({ ok: true });
    sync(a, b);

    const evidence = 'Receipt #123 shows old prices. Till log confirms it.';
    expect(readAnalysis(a).whys[id]!.evidence).toBe(evidence);
    expect(readAnalysis(b).whys[id]!.evidence).toBe(evidence);
  });

  it('refuses text over the limit, text that is not text and a missing why', () => {
    const { doc, id } = withWhy();
    expect(editEvidence(doc, { whyId: id, text: 'x'.repeat(20_001) }, ada)).toEqual({
      ok: false,
      reason: 'Evidence is too long (20001 characters, at most 20000).',
    });
    expect(editEvidence(doc, { whyId: id, text: null as never }, ada)).toEqual({
      ok: false,
      reason: 'Evidence must be text.',
    });
    expect(editEvidence(doc, { whyId: gone, text: 'x' }, ada)).toEqual({
      ok: false,
      reason: 'This why no longer exists.',
    });
    expect(readAnalysis(doc).whys[id]!.evidence).toBe('');
  });
});

describe('addEvidenceLink and removeEvidenceLink', () => {
  it('adds http and https links in order, trimmed, and removes one', () => {
    const { doc, id } = withWhy();
    expect(
      addEvidenceLink(doc, { whyId: id, url: '  https://help.example.com/ticket/42 ' }, ada),
    ).toEqual({ ok: true });
    expect(addEvidenceLink(doc, { whyId: id, url: 'http://intranet/prices' }, ada)).toEqual({
      ok: true,
    });
    expect(readAnalysis(doc).whys[id]!.links).toEqual([
      'https://help.example.com/ticket/42',
      'http://intranet/prices',
    ]);

    expect(
      removeEvidenceLink(doc, { whyId: id, url: 'https://help.example.com/ticket/42' }, ada),
    ).toEqual({ ok: true });
    expect(readAnalysis(doc).whys[id]!.links).toEqual(['http://intranet/prices']);
  });

  it.each([
    [
      'text that is not a web address',
      'ticket 42',
      'A link must be a full web address, like https://help.example.com/ticket/42.',
    ],
    [
      'an address without a scheme',
      'help.example.com/ticket/42',
      'A link must be a full web address, like https://help.example.com/ticket/42.',
    ],
    [
      'an empty address',
      '   ',
      'A link must be a full web address, like https://help.example.com/ticket/42.',
    ],
    [
      'an ftp address',
      'ftp://files.example.com/log.txt',
      'A link must start with http:// or https://.',
    ],
    ['a javascript: address', 'javascript:alert(1)', 'A link must start with http:// or https://.'],
    ['a mailto: address', 'mailto:bob@example.com', 'A link must start with http:// or https://.'],
    [
      'an address over the limit',
      `https://example.com/${'a'.repeat(2000)}`,
      'A link can be at most 2000 characters.',
    ],
  ])('refuses %s and adds nothing', (_, url, reason) => {
    const { doc, id } = withWhy();
    expect(addEvidenceLink(doc, { whyId: id, url }, ada)).toEqual({ ok: false, reason });
    expect(readAnalysis(doc).whys[id]!.links).toEqual([]);
  });

  it('accepts an address of exactly the limit', () => {
    const { doc, id } = withWhy();
    const url = `https://example.com/${'a'.repeat(2000 - 'https://example.com/'.length)}`;
    expect(url).toHaveLength(2000);
    expect(addEvidenceLink(doc, { whyId: id, url }, ada)).toEqual({ ok: true });
    expect(readAnalysis(doc).whys[id]!.links).toEqual([url]);
  });

  it('refuses a 51st link', () => {
    const { doc, id } = withWhy();
    for (let i = 0; i < 50; i++) {
      expect(addEvidenceLink(doc, { whyId: id, url: `https://crm.example.com/${i}` }, ada)).toEqual(
        {
          ok: true,
        },
      );
    }
    expect(addEvidenceLink(doc, { whyId: id, url: 'https://crm.example.com/50' }, ada)).toEqual({
      ok: false,
      reason: 'A why can have at most 50 links.',
    });
    expect(readAnalysis(doc).whys[id]!.links).toHaveLength(50);
  });

  it('refuses a link that is already there', () => {
    const { doc, id } = withWhy();
    addEvidenceLink(doc, { whyId: id, url: 'https://help.example.com/ticket/42' }, ada);
    expect(
      addEvidenceLink(doc, { whyId: id, url: ' https://help.example.com/ticket/42' }, ada),
    ).toEqual({ ok: false, reason: 'This link is already there.' });
    expect(readAnalysis(doc).whys[id]!.links).toEqual(['https://help.example.com/ticket/42']);
  });

  it('refuses to add or remove on a why that does not exist', () => {
    const { doc } = withWhy();
    const missing = { ok: false, reason: 'This why no longer exists.' };
    expect(addEvidenceLink(doc, { whyId: gone, url: 'https://example.com' }, ada)).toEqual(missing);
    expect(removeEvidenceLink(doc, { whyId: gone, url: 'https://example.com' }, ada)).toEqual(
      missing,
    );
  });

  it('refuses to remove a link that is not there, and a link removed twice', () => {
    const { doc, id } = withWhy();
    addEvidenceLink(doc, { whyId: id, url: 'https://example.com/a' }, ada);
    const notThere = { ok: false, reason: 'This link is no longer there.' };
    expect(removeEvidenceLink(doc, { whyId: id, url: 'https://example.com/b' }, ada)).toEqual(
      notThere,
    );
    expect(removeEvidenceLink(doc, { whyId: id, url: 'https://example.com/a' }, ada)).toEqual({
      ok: true,
    });
    expect(removeEvidenceLink(doc, { whyId: id, url: 'https://example.com/a' }, ada)).toEqual(
      notThere,
    );
    expect(readAnalysis(doc).whys[id]!.links).toEqual([]);
  });
});
