import { historyGaps } from './history-gaps';

const at = (s: number) => new Date(Date.UTC(2026, 11, 4, 12, 0, 0) + s * 1000);

describe('historyGaps', () => {
  it('finds no gap in checks about one interval apart', () => {
    expect(historyGaps([at(0), at(21), at(40), at(61)], 20, at(70), true)).toEqual([]);
  });

  it('reports checks further apart than two intervals, with how many were missed', () => {
    // 20 s interval: 0 → 100 s is four missed checks (20, 40, 60, 80).
    expect(historyGaps([at(0), at(100), at(120)], 20, at(125), true)).toEqual([{ from: at(0), to: at(100), missed: 4 }]);
  });

  it('reports the stretch since the last check of an enabled monitor, not of a disabled one', () => {
    expect(historyGaps([at(0), at(20)], 20, at(90), true)).toEqual([{ from: at(20), to: at(90), missed: 3 }]);
    expect(historyGaps([at(0), at(20)], 20, at(90), false)).toEqual([]);
  });

  it('needs a check to measure from', () => {
    expect(historyGaps([], 20, at(1000), true)).toEqual([]);
  });
});
