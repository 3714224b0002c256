import type { DataSource } from 'typeorm';
import { StoredSecretsRepository } from '../../src/core/secrets/stored-secrets.repository';
import { AppSetting } from '../../src/core/secrets/app-setting.entity';
import { DRIVERS, migratedDataSource } from '../support/dual-database';

describe.each(DRIVERS)('StoredSecretsRepository on %s', (driver) => {
  let db: DataSource;
  let cleanup: () => Promise<void>;
  let repo: StoredSecretsRepository;

  beforeAll(async () => {
    ({ db, cleanup } = await migratedDataSource(driver, [AppSetting]));
    repo = new StoredSecretsRepository(db);
  }, 120_000);

  afterAll(() => cleanup?.());

  it('storedSecret stores the generated value once and returns it ever after', async () => {
    expect(await repo.storedSecret('first', () => 'generated-1')).toBe('generated-1');
    expect(await repo.storedSecret('first', () => 'generated-2')).toBe('generated-1');
    // Another "process" on the same database agrees.
    expect(await new StoredSecretsRepository(db).storedSecret('first', () => 'generated-3')).toBe('generated-1');
  });

  it('keeps keys apart', async () => {
    expect(await repo.storedSecret('second', () => 'other')).toBe('other');
    expect(await repo.storedSecret('first', () => 'ignored')).toBe('generated-1');
  });

  it('racing first calls all get the one value that was stored', async () => {
    const values = await Promise.all(Array.from({ length: 8 }, (_, i) => repo.storedSecret('raced', () => `candidate-${i}`)));
    expect(new Set(values).size).toBe(1);
    const rows: { value: string }[] = await db.query(`SELECT "value" FROM "app_settings" WHERE "key" = 'raced'`);
    expect(rows).toEqual([{ value: values[0] }]);
  });
});
