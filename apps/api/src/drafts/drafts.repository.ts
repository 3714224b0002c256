import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Draft } from './entities/draft.entity';

/** Whose drafts: every query is scoped by both, so another user's or organization's draft is "not found". */
export interface DraftOwner {
  organizationId: string;
  userId: string;
}

/** What a draft is written with; the rest comes from the owner and the database. */
export type DraftFields = Pick<Draft, 'platform' | 'content' | 'hashtags'>;

/** Compose-page drafts, always scoped by owner (organization and user). */
@Injectable()
export class DraftsRepository {
  constructor(@InjectRepository(Draft) private readonly drafts: Repository<Draft>) {}

  /** The owner's newest `limit` drafts, most recently updated first. */
  listFor(owner: DraftOwner, limit: number): Promise<Draft[]> {
    return this.drafts.find({
      where: { organizationId: owner.organizationId, userId: owner.userId },
      order: { updatedAt: 'DESC', id: 'ASC' },
      take: limit,
    });
  }

  findOne(owner: DraftOwner, id: string): Promise<Draft | null> {
    return this.drafts.findOneBy({ id, organizationId: owner.organizationId, userId: owner.userId });
  }

  create(owner: DraftOwner, fields: DraftFields): Promise<Draft> {
    return this.drafts.save(this.drafts.create({ organizationId: owner.organizationId, userId: owner.userId, ...fields }));
  }

  /** Writes the changed fields of a draft read with findOne; updated_at moves forward. */
  save(draft: Draft): Promise<Draft> {
    return this.drafts.save(draft);
  }

  /** Deletes the owner's draft; false when there was none. */
  async delete(owner: DraftOwner, id: string): Promise<boolean> {
    const result = await this.drafts.delete({ id, organizationId: owner.organizationId, userId: owner.userId });
    return !!result.affected;
  }
}
