import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { CreateUserDto } from './dto/create-user.dto';
import { User } from './entities/user.entity';
import { hashPassword } from './password';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  list(organizationId: string): Promise<User[]> {
    return this.users.listFor(organizationId);
  }

  /** Scoped by organization: another organization's user is "not found", never "forbidden". */
  async get(organizationId: string, id: string): Promise<User> {
    const user = await this.users.findOne(organizationId, id);
    if (!user) throw new NotFoundException('User not found');
    return user;
  }

  async create(organizationId: string, dto: CreateUserDto): Promise<User> {
    if (await this.users.emailTaken(dto.email)) {
      throw new ConflictException('email is already registered');
    }
    return this.users.create({
      organizationId,
      email: dto.email,
      name: dto.name,
      role: dto.role,
      passwordHash: await hashPassword(dto.password),
      lastLoginAt: null,
    });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email.trim().toLowerCase());
  }

  async recordLogin(id: string): Promise<void> {
    await this.users.recordLogin(id, new Date());
  }
}
