import { byAlertId, isAlertId } from './alert-id';

describe('isAlertId', () => {
  it.each(['0', '1', '42', '9223372036854775807'])('accepts %s', (id) => {
    expect(isAlertId(id)).toBe(true);
  });

  it.each([
    ['a number', 42],
    ['an empty string', ''],
    ['a negative id', '-1'],
    ['a leading zero', '042'],
    ['a decimal point', '1.5'],
    ['spaces', ' 1'],
    ['hex', '0x10'],
    ['more than a bigint holds', '9223372036854775808'],
    ['20 digits', '10000000000000000000'],
    ['null', null],
  ])('refuses %s', (_, value) => {
    expect(isAlertId(value)).toBe(false);
  });
});

describe('byAlertId', () => {
  it('orders by numeric value, not as text', () => {
    const ids = ['10', '9', '100', '11'].map((id) => ({ id }));
    expect(ids.sort(byAlertId).map((a) => a.id)).toEqual(['9', '10', '11', '100']);
  });

  it('orders ids beyond 2^53 exactly', () => {
    const ids = ['9007199254740993', '9007199254740992'].map((id) => ({ id }));
    expect(ids.sort(byAlertId).map((a) => a.id)).toEqual(['9007199254740992', '9007199254740993']);
  });
});
