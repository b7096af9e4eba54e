import { renderHook } from '@testing-library/react';
import { useHideTriggers } from './use-hide-triggers';

describe('useHideTriggers', () => {
  it('hides what was due when the timer fires a little before the clock reads its time', () => {
    vi.useFakeTimers();
    try {
      const start = Date.now();
      const onExpiry = vi.fn();
      renderHook(() => useHideTriggers({ hideAll: () => undefined, nextExpiry: start + 200, onExpiry }));
      // Node and browsers sometimes run a timer when Date.now() is still a millisecond short of it.
      const now = vi.spyOn(Date, 'now').mockReturnValue(start + 199);
      vi.advanceTimersByTime(200);
      now.mockRestore();
      expect(onExpiry).toHaveBeenCalledWith(start + 200);
    } finally {
      vi.useRealTimers();
    }
  });
});
