import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { OrganizationsService } from './organizations.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, User])],
  controllers: [UsersController],
  providers: [OrganizationsService, UsersService],
  exports: [OrganizationsService, UsersService],
})
export class OrganizationsModule {}
