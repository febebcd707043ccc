import { SystemClock } from './clock';

describe(SystemClock.name, () => {
  it('shifts now by the offset, and tells the wall time only while shifted', () => {
    const day = 86_400_000;
    const shifted = new SystemClock(30 * day);
    const gap = shifted.now().getTime() - shifted.wallNow()!.getTime();
    expect(gap).toBeGreaterThanOrEqual(30 * day - 50);
    expect(gap).toBeLessThanOrEqual(30 * day + 50);
    expect(new SystemClock().wallNow()).toBeUndefined();
    expect(Math.abs(new SystemClock().now().getTime() - Date.now())).toBeLessThan(50);
  });
});
