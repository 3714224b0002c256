import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * One open transaction. Services pass it from `Transactions.run` to repository methods and never look
 * inside: only repositories (and core/database) know it is a TypeORM EntityManager.
 */
export type Tx = EntityManager;

/** The one way services start a transaction; repositories take the `Tx` it hands out. */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}
