import { Writable } from 'node:stream';
import { JsonLogger } from './json-logger';

function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)));
      cb();
    },
  });
  return { logger: new JsonLogger(level, sink), lines };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with level, context and message', () => {
    const { logger, lines } = capture('info');
    logger.log('Server started', 'Main');
    logger.warn({ msg: 'Slow request', request_id: 'abc', ms: 2500 }, 'Http');
    expect(lines[0]).toMatchObject({ level: 30, context: 'Main', msg: 'Server started', service: 'postprober-api' });
    expect(lines[1]).toMatchObject({ level: 40, context: 'Http', msg: 'Slow request', request_id: 'abc', ms: 2500 });
  });

  it('keeps stack traces of errors and drops levels below the configured one', () => {
    const { logger, lines } = capture('warn');
    logger.log('not shown', 'Main');
    logger.debug('not shown either', 'Main');
    logger.error('Failed to list users', 'Error: boom\n    at x', 'Http');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'Failed to list users', trace: expect.stringContaining('boom'), context: 'Http' });
  });
});
