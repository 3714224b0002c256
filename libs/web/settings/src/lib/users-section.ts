import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { UserResponseDto, UsersService } from '@postprober/api-client';
import { FormAlert } from '@postprober/web/ui';
import { FormSubmission, PASSWORD_MIN_LENGTH, describeApiError } from '@postprober/web/util';

type Role = 'admin' | 'member';

const LABELS = { name: 'Name', email: 'Email', password: 'Password', role: 'Role' } as const;
type Field = keyof typeof LABELS;

/** The organization's people, and a form to add a member or admin. */
@Component({
  selector: 'pp-users-section',
  imports: [ReactiveFormsModule, DatePipe, FormAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-section.html',
  styleUrl: './settings-section.css',
})
export class UsersSection {
  private readonly api = inject(UsersService);

  protected readonly users = signal<UserResponseDto[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(200)],
    ],
    role: ['member' as Role, Validators.required],
  });
  private readonly submission = new FormSubmission(this.form, 'new-user-');
  protected readonly submitting = this.submission.submitting;
  protected readonly formError = this.submission.formError;
  protected readonly added = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected error(field: Field): string | null {
    return this.submission.error(field, LABELS[field]);
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.users.set(await this.api.listUsers());
    } catch (error) {
      this.loadError.set(describeApiError(error).message);
    }
  }

  protected async addUser(): Promise<void> {
    this.added.set(null);
    await this.submission.submit(async () => {
      const user = await this.api.createUser({ body: this.form.getRawValue() });
      this.users.update((list) => [...(list ?? []), user]);
      this.added.set(`Added ${user.name} as ${user.role === 'admin' ? 'an admin' : 'a member'}.`);
      this.submission.reset();
    });
  }
}
