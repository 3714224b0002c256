import { Injectable, NotFoundException } from '@nestjs/common';
import { DraftOwner, DraftsRepository } from './drafts.repository';
import { SaveDraftDto } from './dto/save-draft.dto';
import { Draft } from './entities/draft.entity';

export type { DraftOwner } from './drafts.repository';

/** Most drafts a user sees in the list; older ones stay stored. */
const LIST_LIMIT = 100;

@Injectable()
export class DraftsService {
  constructor(private readonly drafts: DraftsRepository) {}

  list(owner: DraftOwner): Promise<Draft[]> {
    return this.drafts.listFor(owner, LIST_LIMIT);
  }

  create(owner: DraftOwner, dto: SaveDraftDto): Promise<Draft> {
    return this.drafts.create(owner, { platform: dto.platform, content: dto.content, hashtags: dto.hashtags ?? [] });
  }

  async update(owner: DraftOwner, id: string, dto: SaveDraftDto): Promise<Draft> {
    const draft = await this.get(owner, id);
    draft.platform = dto.platform;
    draft.content = dto.content;
    draft.hashtags = dto.hashtags ?? [];
    return this.drafts.save(draft);
  }

  async remove(owner: DraftOwner, id: string): Promise<void> {
    if (!(await this.drafts.delete(owner, id))) throw new NotFoundException('Draft not found');
  }

  private async get(owner: DraftOwner, id: string): Promise<Draft> {
    const draft = await this.drafts.findOne(owner, id);
    if (!draft) throw new NotFoundException('Draft not found');
    return draft;
  }
}
