import { describe, expect, it } from 'vitest';
import { rememberShortTexts } from './rememberShortTexts';

describe('rememberShortTexts', () => {
  const counted = () => {
    const calls: string[] = [];
    return { calls, upper: rememberShortTexts((text) => (calls.push(text), text.toUpperCase()), 3) };
  };

  it('works out a short text once and answers repeats, equal texts made anew too, with the same string', () => {
    const { calls, upper } = counted();
    const first = upper('abc');
    expect(upper('abc')).toBe(first);
    expect(upper(['a', 'b', 'c'].join(''))).toBe('ABC');
    expect(calls).toEqual(['abc']);
  });

  it('works out a long text every time: it is not kept', () => {
    const { calls, upper } = counted();
    const long = 'x'.repeat(65);
    expect(upper(long)).toBe(long.toUpperCase());
    expect(upper(long)).toBe(long.toUpperCase());
    expect(calls).toEqual([long, long]);
  });

  it('starts over when full, and still answers right', () => {
    const { calls, upper } = counted();
    for (const text of ['a', 'b', 'c', 'd']) upper(text);
    // Full at three: 'd' started a new memo, so 'a' is worked out again.
    expect(upper('d')).toBe('D');
    expect(upper('a')).toBe('A');
    expect(calls).toEqual(['a', 'b', 'c', 'd', 'a']);
  });
});
