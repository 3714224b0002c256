import { compareAlertIds, overallHealth } from './health-events';

describe('compareAlertIds', () => {
  it('orders numerically, not as text', () => {
    expect(compareAlertIds('9', '10')).toBe(-1);
    expect(compareAlertIds('10', '9')).toBe(1);
    expect(compareAlertIds('12345678901234567890', '12345678901234567890')).toBe(0);
  });
});

describe('overallHealth', () => {
  it('is down only when every known platform is down', () => {
    expect(overallHealth(['down', 'healthy', 'healthy', 'healthy'])).toBe('degraded');
    expect(overallHealth(['down', 'down', 'unknown'])).toBe('down');
    expect(overallHealth(['healthy', 'unknown'])).toBe('healthy');
    expect(overallHealth(['unknown'])).toBe('degraded');
    expect(overallHealth([])).toBe('healthy');
  });
});
