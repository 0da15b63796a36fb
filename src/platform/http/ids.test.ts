// Finding 21: only 1–9 digits are row ids; anything else is a 404 before the database is asked.
import { describe, expect, it } from 'vitest';
import { NotFound } from '../errors.js';
import { idOr404, parseId } from './ids.js';

describe('parseId / idOr404 (finding 21)', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    ['999999999', 999999999],
    [7, 7],
  ])('reads %s as %s', (text, n) => expect(parseId(text)).toBe(n));

  it.each(['', '0', '000', 'abc', '-1', '1.5', '1e3', ' 1', '99999999999', '2147483648', null, undefined, {}, 1.5])('refuses %s', (text) => {
    expect(parseId(text)).toBeNull();
    expect(() => idOr404(text)).toThrow(NotFound);
  });
});
