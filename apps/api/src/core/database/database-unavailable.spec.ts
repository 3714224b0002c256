import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a server shutting down', pgError('57P01', 'terminating connection due to administrator command')],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a wrapped driver error', new QueryFailedError('SELECT 1', [], pgError('08006', 'connection failure'))],
  ])('says yes for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505', 'duplicate key value violates unique constraint'))],
    ['a syntax error', pgError('42601', 'syntax error at or near "SELEC"')],
    ['a programming error', new TypeError('Cannot read properties of undefined')],
    ['not an error at all', 'boom'],
    ['nothing', undefined],
  ])('says no for %s', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
