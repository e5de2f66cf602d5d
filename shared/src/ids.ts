declare const brand: unique symbol;

/** A string tagged with the kind of record it identifies, so ids of different records never mix. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type AnalysisId = Brand<string, 'AnalysisId'>;
export type WhyId = Brand<string, 'WhyId'>;
export type ActionId = Brand<string, 'ActionId'>;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random 16-character id from a cryptographic source. */
export function newId<T extends string>(): Brand<string, T> {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out as Brand<string, T>;
}

const ID_PATTERN = /^[0-9a-z]{6,64}$/;

/** Whether a string has the shape of an id made by `newId` (used to validate ids from the outside). */
export function isIdShaped(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
