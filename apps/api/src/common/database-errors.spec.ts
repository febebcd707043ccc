import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isConcurrencyAbort, isDatabaseUnavailable } from './database-errors';

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

describe('isDatabaseUnavailable', () => {
  const withCode = (code: string) => Object.assign(new Error('x'), { code });
  const failed = (driverError: Error) => new QueryFailedError('SELECT …', [], driverError);

  it.each([
    ['a refused connection from the pool', withCode('ECONNREFUSED')],
    ['a reset socket', withCode('ECONNRESET')],
    ['the server shutting down under a query', failed(withCode('57P01'))],
    ['the server starting up', failed(withCode('57P03'))],
    ['a connection exception', failed(withCode('08006'))],
    ['no connection slot left', failed(withCode('53300'))],
    ['the connection closed under a query', failed(new Error('Connection terminated unexpectedly'))],
    ['a pool that waited too long to connect', new Error('timeout exceeded when trying to connect')],
    ['the next statement of a transaction whose connection died', new QueryRunnerAlreadyReleasedError()],
    ['the next repository call of that transaction', new QueryRunnerProviderAlreadyReleasedError()],
    ['an error wrapped as its cause', new Error('outer', { cause: withCode('ECONNREFUSED') })],
  ])('is %s: answered 503', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a constraint violation', failed(withCode('23505'))],
    ['a deadlock', failed(withCode('40P01'))],
    ['a syntax error', failed(withCode('42601'))],
    ['a plain error', new Error('Connection to the mail server failed')],
    ['nothing', undefined],
  ])('is not %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
