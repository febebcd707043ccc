import { QueryFailedError } from 'typeorm';
import { isConcurrencyAbort } from './database-errors';

describe('isConcurrencyAbort', () => {
  const failed = (code: string) => new QueryFailedError('UPDATE …', [], Object.assign(new Error('x'), { code }));

  it('is a deadlock or a serialisation failure: answered 409, nothing written', () => {
    expect(isConcurrencyAbort(failed('40P01'))).toBe(true);
    expect(isConcurrencyAbort(failed('40001'))).toBe(true);
  });

  it('is not any other failure', () => {
    expect(isConcurrencyAbort(failed('23505'))).toBe(false);
    expect(isConcurrencyAbort(new Error('40P01'))).toBe(false);
  });
});
