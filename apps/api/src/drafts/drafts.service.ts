import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SaveDraftDto } from './dto/save-draft.dto';
import { Draft } from './entities/draft.entity';

/** Whose drafts: every query is scoped by both, so another user's or organization's draft is "not found". */
export interface DraftOwner {
  organizationId: string;
  userId: string;
}

/** Most drafts a user sees in the list; older ones stay stored. */
const LIST_LIMIT = 100;

@Injectable()
export class DraftsService {
  constructor(@InjectRepository(Draft) private readonly drafts: Repository<Draft>) {}

  list(owner: DraftOwner): Promise<Draft[]> {
    return this.drafts.find({
      where: { organizationId: owner.organizationId, userId: owner.userId },
      order: { updatedAt: 'DESC', id: 'ASC' },
      take: LIST_LIMIT,
    });
  }

  create(owner: DraftOwner, dto: SaveDraftDto): Promise<Draft> {
    return this.drafts.save(
      this.drafts.create({
        organizationId: owner.organizationId,
        userId: owner.userId,
        platform: dto.platform,
        content: dto.content,
        hashtags: dto.hashtags ?? [],
      }),
    );
  }

  async update(owner: DraftOwner, id: string, dto: SaveDraftDto): Promise<Draft> {
    const draft = await this.get(owner, id);
    draft.platform = dto.platform;
    draft.content = dto.content;
    draft.hashtags = dto.hashtags ?? [];
    return this.drafts.save(draft);
  }

  async remove(owner: DraftOwner, id: string): Promise<void> {
    const result = await this.drafts.delete({ id, organizationId: owner.organizationId, userId: owner.userId });
    if (!result.affected) throw new NotFoundException('Draft not found');
  }

  private async get(owner: DraftOwner, id: string): Promise<Draft> {
    const draft = await this.drafts.findOneBy({ id, organizationId: owner.organizationId, userId: owner.userId });
    if (!draft) throw new NotFoundException('Draft not found');
    return draft;
  }
}
