import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CreateUserDto } from './dto/create-user.dto';
import { User } from './entities/user.entity';
import { hashPassword } from './password';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  list(organizationId: string): Promise<User[]> {
    return this.users.find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  /** Scoped by organization: another organization's user is "not found", never "forbidden". */
  async get(organizationId: string, id: string): Promise<User> {
    const user = await this.users.findOneBy({ organizationId, id });
    if (!user) throw new NotFoundException('User not found');
    return user;
  }

  async create(organizationId: string, dto: CreateUserDto): Promise<User> {
    if (await this.users.existsBy({ email: dto.email })) {
      throw new ConflictException('email is already registered');
    }
    return this.users.save({
      organizationId,
      email: dto.email,
      name: dto.name,
      role: dto.role,
      passwordHash: await hashPassword(dto.password),
      lastLoginAt: null,
    });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.trim().toLowerCase() });
  }

  async recordLogin(id: string): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: new Date() });
  }
}
