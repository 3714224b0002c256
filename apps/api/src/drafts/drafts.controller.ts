import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiUuidParam } from '../core/http/api-uuid-param';
import type { AuthPrincipal } from '../auth/auth-principal';
import { Principal } from '../auth/auth.decorators';
import { DraftResponseDto } from './dto/draft-response.dto';
import { SaveDraftDto } from './dto/save-draft.dto';
import { DraftOwner, DraftsService } from './drafts.service';

/**
 * A draft belongs to the person writing it. An API key has no person behind it, so it gets a 403 here
 * rather than a shared pile of drafts every integration could overwrite.
 */
function ownerOf(p: AuthPrincipal): DraftOwner {
  if (p.kind !== 'user') {
    throw new ForbiddenException('Drafts belong to a signed-in user; an API key cannot read or write them. Sign in to use drafts.');
  }
  return { organizationId: p.organizationId, userId: p.id };
}

@ApiTags('drafts')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiForbiddenResponse({ description: 'Called with an API key: drafts are per signed-in user.' })
@Controller('drafts')
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @ApiOperation({
    summary: 'List your drafts',
    description: 'Your drafts, most recently edited first (at most 100).',
  })
  @Get()
  async listDrafts(@Principal() p: AuthPrincipal): Promise<DraftResponseDto[]> {
    return (await this.drafts.list(ownerOf(p))).map(DraftResponseDto.from);
  }

  @ApiOperation({
    summary: 'Create a draft',
    description: 'Saves a new draft.',
  })
  @Post()
  async createDraft(@Principal() p: AuthPrincipal, @Body() dto: SaveDraftDto): Promise<DraftResponseDto> {
    return DraftResponseDto.from(await this.drafts.create(ownerOf(p), dto));
  }

  @ApiOperation({
    summary: 'Replace a draft',
    description: 'Replaces one of your drafts (platform, content and hashtags).',
  })
  @ApiUuidParam()
  @Put(':id')
  async updateDraft(
    @Principal() p: AuthPrincipal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SaveDraftDto,
  ): Promise<DraftResponseDto> {
    return DraftResponseDto.from(await this.drafts.update(ownerOf(p), id, dto));
  }

  @ApiOperation({
    summary: 'Delete a draft',
    description: 'Deletes one of your drafts.',
  })
  @HttpCode(204)
  @ApiUuidParam()
  @Delete(':id')
  async deleteDraft(@Principal() p: AuthPrincipal, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.drafts.remove(ownerOf(p), id);
  }
}
