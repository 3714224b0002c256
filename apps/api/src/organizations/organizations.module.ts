import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationSettings } from './entities/organization-settings.entity';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { OperatorKeyGuard } from './operator/operator-key.guard';
import { OperatorOrganizationsController } from './operator/operator-organizations.controller';
import { OrganizationSettingsController } from './organization-settings.controller';
import { OrganizationSettingsRepository } from './organization-settings.repository';
import { OrganizationSettingsService } from './organization-settings.service';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrganizationSettings, User])],
  controllers: [UsersController, OrganizationSettingsController, OperatorOrganizationsController],
  providers: [
    OrganizationsService,
    OrganizationSettingsService,
    UsersService,
    OperatorKeyGuard,
    // Repositories stay inside the module: other modules go through the services.
    OrganizationsRepository,
    OrganizationSettingsRepository,
    UsersRepository,
  ],
  exports: [OrganizationsService, OrganizationSettingsService, UsersService],
})
export class OrganizationsModule {}
