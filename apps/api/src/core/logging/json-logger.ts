import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

/** Nest's logger, written as one JSON object per line (pino) so log shippers can parse it. */
export class JsonLogger implements LoggerService {
  readonly pino: Logger;

  constructor(level: string, destination?: pino.DestinationStream) {
    this.pino = pino({ level, base: { service: 'postprober-api', pid: process.pid } }, destination);
  }

  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  error(message: unknown, trace?: string, context?: string) {
    // A plain object carries its own fields (msg among them), as in write(); errors and strings become msg.
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) this.pino.error({ context, trace, ...message });
    else this.pino.error({ context, trace }, stringify(message));
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('trace', message, context);
  }
  fatal(message: unknown, context?: string) {
    this.write('fatal', message, context);
  }

  private write(level: pino.Level, message: unknown, context?: string) {
    if (message !== null && typeof message === 'object') this.pino[level]({ context, ...message });
    else this.pino[level]({ context }, stringify(message));
  }
}

const stringify = (m: unknown) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m));
