import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippetParts';

describe('snippetParts', () => {
  it('cuts a snippet into plain and matched runs', () => {
    expect(snippetParts('the \u0002book\u0003 was \u0002late\u0003.')).toEqual([
      { text: 'the ', marked: false },
      { text: 'book', marked: true },
      { text: ' was ', marked: false },
      { text: 'late', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('keeps a snippet without markers whole', () => {
    expect(snippetParts('nothing matched here')).toEqual([
      { text: 'nothing matched here', marked: false },
    ]);
  });

  it('never shows a control character, even when a marker is left unbalanced', () => {
    const parts = snippetParts('…ordered \u0002late');
    expect(parts).toEqual([
      { text: '…ordered ', marked: false },
      { text: 'late', marked: true },
    ]);
    expect(
      snippetParts('over\u0003due')
        .map((p) => p.text)
        .join(''),
    ).toBe('overdue');
  });
});
