import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  closeAnalysis,
  createAnalysis,
  DEFAULT_BLAME_WORDS,
  DEFAULT_CATEGORIES,
  editLearnings,
  findBlame,
  makeOrigin,
  pauseTimer,
  pauseTimerOnEmptyRoom,
  readAnalysis,
  resetTimer,
  setBlameWords,
  setCategories,
  startTimer,
  timerElapsed,
} from '../index';

const ada = makeOrigin('local', 'Ada');
const bob = makeOrigin('local', 'Bob');
const remote = makeOrigin('remote');

function fresh(): Y.Doc {
  const doc = new Y.Doc();
  createAnalysis(doc, { title: 'Angry customers', problem: 'Customers were overcharged' }, ada);
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), remote);
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), remote);
}

describe('editLearnings', () => {
  it('writes and changes the learnings', () => {
    const doc = fresh();
    expect(readAnalysis(doc).learnings).toBe('');
    expect(editLearnings(doc, { text: 'Give every price list an owner.' }, ada)).toEqual({
      ok: true,
    });
    expect(readAnalysis(doc).learnings).toBe('Give every price list an owner.');
  });

  it('merges edits made at the same time on two replicas', () => {
    const a = fresh();
    const b = new Y.Doc();
    editLearnings(a, { text: 'Price lists need an owner.' }, ada);
    sync(a, b);
    editLearnings(a, { text: 'All price lists need an owner.' }, ada);
    editLearnings(b, { text: 'Price lists need an owner. Check them monthly.' }, bob);
    sync(a, b);
    const merged = 'All price lists need an owner. Check them monthly.';
    expect(readAnalysis(a).learnings).toBe(merged);
    expect(readAnalysis(b).learnings).toBe(merged);
  });

  it('refuses learnings over the limit or that are not text', () => {
    const doc = fresh();
    expect(editLearnings(doc, { text: 'x'.repeat(20_001) }, ada)).toEqual({
      ok: false,
      reason: 'Learnings is too long (20001 characters, at most 20000).',
    });
    expect(editLearnings(doc, { text: 7 as never }, ada)).toEqual({
      ok: false,
      reason: 'Learnings must be text.',
    });
    expect(readAnalysis(doc).learnings).toBe('');
  });
});

describe('meeting timer', () => {
  it('starts stopped at zero', () => {
    const timer = readAnalysis(fresh()).timer;
    expect(timer).toEqual({ startedAt: null, elapsedMs: 0 });
    expect(timerElapsed(timer, 50_000)).toBe(0);
  });

  it('counts while running, keeps the time when paused and adds to it when resumed', () => {
    const doc = fresh();
    expect(startTimer(doc, ada, 10_000)).toEqual({ ok: true });
    expect(readAnalysis(doc).timer).toEqual({ startedAt: 10_000, elapsedMs: 0 });
    expect(timerElapsed(readAnalysis(doc).timer, 13_000)).toBe(3_000);

    expect(pauseTimer(doc, ada, 15_000)).toEqual({ ok: true });
    expect(readAnalysis(doc).timer).toEqual({ startedAt: null, elapsedMs: 5_000 });
    expect(timerElapsed(readAnalysis(doc).timer, 99_000)).toBe(5_000);

    expect(startTimer(doc, bob, 20_000)).toEqual({ ok: true });
    expect(timerElapsed(readAnalysis(doc).timer, 22_000)).toBe(7_000);
    expect(pauseTimer(doc, bob, 24_000)).toEqual({ ok: true });
    expect(readAnalysis(doc).timer).toEqual({ startedAt: null, elapsedMs: 9_000 });
  });

  it('shows the same running time on another replica', () => {
    const a = fresh();
    const b = new Y.Doc();
    startTimer(a, ada, 10_000);
    sync(a, b);
    expect(timerElapsed(readAnalysis(b).timer, 12_500)).toBe(2_500);
  });

  it('never counts backwards when a clock is behind the start', () => {
    const doc = fresh();
    startTimer(doc, ada, 10_000);
    expect(timerElapsed(readAnalysis(doc).timer, 9_000)).toBe(0);
    expect(pauseTimer(doc, ada, 8_000)).toEqual({ ok: true });
    expect(readAnalysis(doc).timer).toEqual({ startedAt: null, elapsedMs: 0 });
  });

  it('refuses to start a running timer or pause a stopped one', () => {
    const doc = fresh();
    expect(pauseTimer(doc, ada, 1_000)).toEqual({ ok: false, reason: 'The timer is not running.' });
    startTimer(doc, ada, 1_000);
    expect(startTimer(doc, ada, 2_000)).toEqual({
      ok: false,
      reason: 'The timer is already running.',
    });
    expect(readAnalysis(doc).timer).toEqual({ startedAt: 1_000, elapsedMs: 0 });
  });

  it('runs from a start at time zero like any other', () => {
    const doc = fresh();
    startTimer(doc, ada, 0);
    expect(startTimer(doc, ada, 5)).toMatchObject({ ok: false });
    expect(pauseTimer(doc, ada, 4_000)).toEqual({ ok: true });
    expect(readAnalysis(doc).timer).toEqual({ startedAt: null, elapsedMs: 4_000 });
  });

  it.each([
    ['running', (doc: Y.Doc) => void startTimer(doc, ada, 1_000)],
    ['paused', (doc: Y.Doc) => void (startTimer(doc, ada, 1_000), pauseTimer(doc, ada, 4_000))],
  ])('resets a %s timer to zero, stopped', (_, prepare) => {
    const doc = fresh();
    prepare(doc);
    expect(resetTimer(doc, ada)).toEqual({ ok: true });
    expect(readAnalysis(doc).timer).toEqual({ startedAt: null, elapsedMs: 0 });
    expect(timerElapsed(readAnalysis(doc).timer, 60_000)).toBe(0);
  });
});

describe('pauseTimerOnEmptyRoom', () => {
  const server = makeOrigin('server', 'Whychain');

  it('pauses a running timer at the moment given, and leaves a stopped one as it is', () => {
    const doc = fresh();
    startTimer(doc, ada, 1_000);
    expect(pauseTimerOnEmptyRoom(doc, server, 61_000)).toEqual({ ok: true });
    expect(readAnalysis(doc).timer).toEqual({ startedAt: null, elapsedMs: 60_000 });
    const before = Y.encodeStateVector(doc);
    expect(pauseTimerOnEmptyRoom(doc, server, 99_000)).toMatchObject({ ok: false });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('also stops the timer of a closed analysis, which nobody can pause any more', () => {
    const doc = fresh();
    startTimer(doc, ada, 1_000);
    expect(closeAnalysis(doc, { overrideReason: 'Duplicate' }, ada).ok).toBe(true);
    expect(pauseTimer(doc, ada, 5_000)).toMatchObject({ ok: false });
    expect(pauseTimerOnEmptyRoom(doc, server, 5_000)).toEqual({ ok: true });
    expect(readAnalysis(doc).timer).toEqual({ startedAt: null, elapsedMs: 4_000 });
  });
});

describe('setCategories', () => {
  it('starts with the default categories', () => {
    expect(readAnalysis(fresh()).categories).toEqual(DEFAULT_CATEGORIES);
  });

  it('replaces the list, trimmed, without duplicates or empty entries, in the given order', () => {
    const doc = fresh();
    expect(
      setCategories(doc, { categories: ['  Weather ', 'Staffing', 'Weather', '', '   '] }, ada),
    ).toEqual({ ok: true });
    expect(readAnalysis(doc).categories).toEqual(['Weather', 'Staffing']);
  });

  it.each([
    ['an empty list', [], 'Keep at least one category.'],
    ['a list of blanks', ['', '  '], 'Keep at least one category.'],
    ['something that is not a list', 'Weather', 'Categories must be a list of words.'],
    ['a list with a number in it', ['Weather', 3], 'Categories must be a list of words.'],
    [
      'a category over 200 characters',
      ['Weather', `Supplier${'x'.repeat(193)}`],
      '"Supplierxxxxxxxxxxxx..." is too long for categories.',
    ],
    [
      'more than 50 categories',
      Array.from({ length: 51 }, (_, i) => `Category ${i}`),
      'Categories can hold at most 50 entries.',
    ],
  ])('refuses %s and keeps the list', (_, categories, reason) => {
    const doc = fresh();
    expect(setCategories(doc, { categories: categories as string[] }, ada)).toEqual({
      ok: false,
      reason,
    });
    expect(readAnalysis(doc).categories).toEqual(DEFAULT_CATEGORIES);
  });

  it('accepts exactly 50 categories and 200 characters, counted after cleaning', () => {
    const doc = fresh();
    const fifty = Array.from({ length: 50 }, (_, i) => `Category ${i}`);
    const long = `  ${'x'.repeat(200)}  `;
    expect(setCategories(doc, { categories: [...fifty, ...fifty, '', ' '] }, ada)).toEqual({
      ok: true,
    });
    expect(readAnalysis(doc).categories).toEqual(fifty);
    expect(setCategories(doc, { categories: [long] }, ada)).toEqual({ ok: true });
    expect(readAnalysis(doc).categories).toEqual(['x'.repeat(200)]);
  });
});

describe('setBlameWords', () => {
  it('starts with the default phrases, which the hint uses', () => {
    const words = readAnalysis(fresh()).blameWords;
    expect(words).toEqual(DEFAULT_BLAME_WORDS);
    expect(findBlame('Bob forgot the forms', words)).toBe('forgot');
  });

  it('replaces the phrases, cleaned, and the hint follows the new list', () => {
    const doc = fresh();
    expect(setBlameWords(doc, { words: [' rushed ', 'rushed', '', 'sloppy'] }, ada)).toEqual({
      ok: true,
    });
    const words = readAnalysis(doc).blameWords;
    expect(words).toEqual(['rushed', 'sloppy']);
    expect(findBlame('Staff rushed the order', words)).toBe('rushed');
    expect(findBlame('Bob forgot the forms', words)).toBeUndefined();
  });

  it('accepts an empty list, which turns the hint off', () => {
    const doc = fresh();
    expect(setBlameWords(doc, { words: [] }, ada)).toEqual({ ok: true });
    expect(readAnalysis(doc).blameWords).toEqual([]);
    expect(findBlame('Bob forgot the forms', readAnalysis(doc).blameWords)).toBeUndefined();
  });

  it.each([
    ['something that is not a list', null, 'Blame words must be a list of words.'],
    [
      'a list with something that is not text',
      ['lazy', {}],
      'Blame words must be a list of words.',
    ],
    [
      'a phrase over 200 characters',
      ['y'.repeat(201)],
      `"${'y'.repeat(20)}..." is too long for blame words.`,
    ],
    [
      'more than 50 phrases',
      Array.from({ length: 51 }, (_, i) => `word${i}`),
      'Blame words can hold at most 50 entries.',
    ],
  ])('refuses %s and keeps the list', (_, words, reason) => {
    const doc = fresh();
    expect(setBlameWords(doc, { words: words as string[] }, ada)).toEqual({ ok: false, reason });
    expect(readAnalysis(doc).blameWords).toEqual(DEFAULT_BLAME_WORDS);
  });
});
