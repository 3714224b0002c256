import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DraftsController } from './drafts.controller';
import { DraftsRepository } from './drafts.repository';
import { DraftsService } from './drafts.service';
import { Draft } from './entities/draft.entity';

/** Compose-page drafts (issue 3). Not a tool: it calls no model and exports nothing. */
@Module({
  imports: [TypeOrmModule.forFeature([Draft])],
  controllers: [DraftsController],
  providers: [DraftsService, DraftsRepository],
})
export class DraftsModule {}
