import { LoggerService } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AppConfig, parseConfig } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { DatabaseModule } from '../../src/core/database/database.module';
import { LlmModule } from '../../src/llm/llm.module';

/** Keeps log lines for assertions (and out of the test output). */
export class CaptureLogger implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];
  log = (message: unknown) => this.push('log', message);
  warn = (message: unknown) => this.push('warn', message);
  error = (message: unknown) => this.push('error', message);
  debug = (message: unknown) => this.push('debug', message);
  verbose = (message: unknown) => this.push('verbose', message);
  fatal = (message: unknown) => this.push('fatal', message);

  at(level: string): string[] {
    return this.lines.filter((l) => l.level === level).map((l) => l.message);
  }

  private push(level: string, message: unknown): void {
    this.lines.push({ level, message: String(message) });
  }
}

/** The real config parsing, the real DatabaseModule (migrations run) and LlmModule, as the app wires them. */
export async function createLlmTestModule(
  env: Record<string, string>,
): Promise<{ module: TestingModule; config: AppConfig; logs: CaptureLogger }> {
  const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const logs = new CaptureLogger();
  const module = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(), LlmModule.forRoot()],
  })
    .setLogger(logs)
    .compile();
  await module.init();
  return { module, config, logs };
}
