import { describe, expect, it } from 'vitest';
import { significantWords, similarWording, wordingLikeness } from './wording';

describe('wording likeness', () => {
  it('ignores case, accents, common words and plural endings', () => {
    expect([...significantWords('The Forms were NOT ordered in time')]).toEqual([
      'form',
      'order',
      'time',
    ]);
    expect(wordingLikeness('Nobody owns the price forms', 'nobody own price form')).toBe(1);
  });

  it('finds the same cause in other words, and not a different one', () => {
    expect(
      similarWording('Nobody owns the customer master data', 'No owner for customer master data'),
    ).toBe(true);
    expect(
      similarWording('The new forms were not ordered', 'The price forms were never ordered'),
    ).toBe(true);
    expect(similarWording('The new forms were not ordered', 'The courier lost the parcel')).toBe(
      false,
    );
    expect(similarWording('forms', 'forms')).toBe(false); // one word is too little to say
  });
});
