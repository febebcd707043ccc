import { lockMinutesAfter } from './throttle';

describe(lockMinutesAfter.name, () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [7, 4],
    [10, 32],
    [11, 60],
    [50, 60],
  ])('after %i failures → %i minutes', (failures, minutes) => {
    expect(lockMinutesAfter(failures)).toBe(minutes);
  });
});
