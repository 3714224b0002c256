import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppSetting } from './entities/app-setting.entity';

/**
 * JWT_SECRET when set; otherwise one generated on first start and stored in the database,
 * so tokens survive restarts and every process sharing the database agrees on it.
 */
export async function resolveJwtSecret(configured: string | undefined, db: DataSource): Promise<string> {
  if (configured) return configured;
  const repo = db.getRepository(AppSetting);
  await repo
    .createQueryBuilder()
    .insert()
    .values({ key: 'jwt_secret', value: randomBytes(48).toString('base64url') })
    .orIgnore()
    .execute();
  const row = await repo.findOneByOrFail({ key: 'jwt_secret' });
  return row.value;
}
