import { compareAlertIds } from './health-events';

describe('compareAlertIds', () => {
  it('orders numerically, not as text', () => {
    expect(compareAlertIds('9', '10')).toBe(-1);
    expect(compareAlertIds('10', '9')).toBe(1);
    expect(compareAlertIds('12345678901234567890', '12345678901234567890')).toBe(0);
  });
});
