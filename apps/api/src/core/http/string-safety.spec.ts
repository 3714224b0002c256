import { findUnsafeInput, MAX_INPUT_DEPTH, stringProblem } from './string-safety';

describe('stringProblem', () => {
  it.each([
    ['plain text', null],
    ['emoji 🚀 pair', null],
    ['a\u0000b', 'NUL characters'],
    ['lone high \uD83D', 'unpaired surrogate characters'],
    ['lone low \uDE80 x', 'unpaired surrogate characters'],
    ['\uDE80\uD83D', 'unpaired surrogate characters'],
  ])('%j → %s', (value, expected) => {
    expect(stringProblem(value)).toBe(expected);
  });
});

describe('findUnsafeInput', () => {
  it('names the field of every bad string, with dotted paths into arrays and objects', () => {
    const found = findUnsafeInput({ name: 'ok', hashtags: ['#fine', '#bad\u0000'], nested: { note: '\uD800' } });
    expect(found).toEqual([
      { field: 'hashtags.1', message: 'hashtags.1 must not contain NUL characters' },
      { field: 'nested.note', message: 'nested.note must not contain unpaired surrogate characters' },
    ]);
  });

  it('checks field names too', () => {
    expect(findUnsafeInput({ 'a\u0000': 1 })).toEqual([{ field: 'a\u0000', message: 'value has a field name that contains NUL characters' }]);
  });

  it('accepts clean values of every JSON type', () => {
    expect(findUnsafeInput({ a: 1, b: true, c: null, d: [1, 'x', { e: 'y' }] })).toEqual([]);
    expect(findUnsafeInput(undefined)).toEqual([]);
  });

  it('refuses nesting deeper than any DTO without recursing (no stack overflow at 100,000 levels)', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const found = findUnsafeInput({ body: deep });
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(new RegExp(`nested more than ${MAX_INPUT_DEPTH} levels deep$`));
  });

  it('stops after the limit', () => {
    expect(findUnsafeInput(Array.from({ length: 50 }, () => '\u0000'), '', 3)).toHaveLength(3);
  });
});
