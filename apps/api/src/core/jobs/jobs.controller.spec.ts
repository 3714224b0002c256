import { Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ROLES } from '../http/access.decorators';
import { InProcessJobsAdapter } from './in-process-jobs.adapter';
import { JobRegistry } from './job-registry';
import { JobsController } from './jobs.controller';
import { JOBS_PORT } from './jobs.port';
import { InMemoryJobStatusStore } from './testing/in-memory-job-status.store';

describe('JobsController', () => {
  let app: NestFastifyApplication;
  let runner: InProcessJobsAdapter;

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    runner = new InProcessJobsAdapter(new JobRegistry(new InMemoryJobStatusStore()), { concurrency: 1 });
    const moduleRef = await Test.createTestingModule({
      controllers: [JobsController],
      providers: [{ provide: JOBS_PORT, useValue: runner }],
    }).compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await app.close();
    jest.restoreAllMocks();
  });

  it('GET /api/admin/jobs lists every registered job in snake_case with the backend', async () => {
    runner.register({ name: 'never', handler: async () => undefined });
    runner.register({
      name: 'failing',
      attempts: 1,
      handler: async () => {
        throw new Error('upstream 503');
      },
    });
    await runner.enqueue('failing', {});
    await runner.onIdle();

    const res = await app.inject({ method: 'GET', url: '/api/admin/jobs' });

    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.backend).toBe('in-process');
    expect(body.jobs).toEqual([
      {
        name: 'failing',
        last_run_at: expect.any(String),
        last_success_at: null,
        last_error_at: expect.any(String),
        last_error: 'upstream 503',
        runs: 1,
        failures: 1,
      },
      { name: 'never', last_run_at: null, last_success_at: null, last_error_at: null, last_error: null, runs: 0, failures: 0 },
    ]);
  });

  it('is restricted to admins', () => {
    const roles = new Reflector().get(ROLES, JobsController.prototype.listJobs);
    expect(roles).toEqual(['admin']);
  });
});
