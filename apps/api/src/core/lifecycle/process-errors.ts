import type { LoggerService } from '@nestjs/common';

/**
 * Last-resort handlers, so what would otherwise be Node's raw stack trace on stderr is a JSON log line.
 * A rejected promise nobody awaited (a library's internal reconnect, for one) is logged and the process
 * keeps serving: its checks and in-flight work matter more than one lost promise. An uncaught exception
 * leaves the process in an unknown state: logged, then exit 1 so the supervisor restarts it.
 */
export function installProcessErrorHandlers(
  logger: Pick<LoggerService, 'error' | 'fatal'>,
  source: Pick<NodeJS.EventEmitter, 'on'> = process,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  source.on('unhandledRejection', (reason: unknown) => {
    logger.error({ msg: `Unhandled promise rejection: ${describe(reason)}`, stack: stackOf(reason) }, undefined, 'Process');
  });
  source.on('uncaughtException', (err: Error) => {
    logger.fatal?.({ msg: `Uncaught exception, exiting: ${describe(err)}`, stack: stackOf(err) }, 'Process');
    exit(1);
  });
}

const describe = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e));
const stackOf = (e: unknown) => (e instanceof Error ? e.stack : undefined);
