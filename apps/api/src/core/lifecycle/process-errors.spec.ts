import { EventEmitter } from 'node:events';
import { installProcessErrorHandlers } from './process-errors';

describe('installProcessErrorHandlers', () => {
  const setup = () => {
    const source = new EventEmitter();
    const logged: Array<{ level: string; entry: { msg: string; stack?: string } }> = [];
    const exits: number[] = [];
    installProcessErrorHandlers(
      {
        error: (entry: { msg: string }) => void logged.push({ level: 'error', entry }),
        fatal: (entry: { msg: string }) => void logged.push({ level: 'fatal', entry }),
      },
      source,
      (code) => void exits.push(code),
    );
    return { source, logged, exits };
  };

  it('logs an unhandled rejection with its message and stack and keeps the process running', () => {
    const { source, logged, exits } = setup();
    source.emit('unhandledRejection', new Error('Connection is closed.'));
    expect(logged).toHaveLength(1);
    expect(logged[0].level).toBe('error');
    expect(logged[0].entry.msg).toBe('Unhandled promise rejection: Connection is closed.');
    expect(logged[0].entry.stack).toContain('Connection is closed.');
    expect(exits).toEqual([]);
  });

  it('describes a rejection that is not an Error', () => {
    const { source, logged } = setup();
    source.emit('unhandledRejection', 'plain reason');
    expect(logged[0].entry).toEqual({ msg: 'Unhandled promise rejection: plain reason', stack: undefined });
  });

  it('logs an uncaught exception as fatal, then exits 1', () => {
    const { source, logged, exits } = setup();
    source.emit('uncaughtException', new TypeError('x is not a function'));
    expect(logged[0]).toMatchObject({ level: 'fatal', entry: { msg: 'Uncaught exception, exiting: x is not a function' } });
    expect(exits).toEqual([1]);
  });
});
