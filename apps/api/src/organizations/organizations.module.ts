import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganizationSettings } from './entities/organization-settings.entity';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { OrganizationSettingsController } from './organization-settings.controller';
import { OrganizationSettingsService } from './organization-settings.service';
import { OrganizationsService } from './organizations.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, OrganizationSettings, User])],
  controllers: [UsersController, OrganizationSettingsController],
  providers: [OrganizationsService, OrganizationSettingsService, UsersService],
  exports: [OrganizationsService, OrganizationSettingsService, UsersService],
})
export class OrganizationsModule {}
