import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppSetting } from './entities/app-setting.entity';

/**
 * The value of app_settings[key], generated once with `generate` when absent. Every process sharing the
 * database gets the same value, whichever created it (the insert ignores a concurrent one).
 */
export async function resolveStoredSecret(db: DataSource, key: string, generate: () => string): Promise<string> {
  const repo = db.getRepository(AppSetting);
  await repo.createQueryBuilder().insert().values({ key, value: generate() }).orIgnore().execute();
  return (await repo.findOneByOrFail({ key })).value;
}

/**
 * JWT_SECRET when set; otherwise one generated on first start and stored in the database,
 * so tokens survive restarts and every process sharing the database agrees on it.
 */
export async function resolveJwtSecret(configured: string | undefined, db: DataSource): Promise<string> {
  return configured ?? resolveStoredSecret(db, 'jwt_secret', () => randomBytes(48).toString('base64url'));
}
