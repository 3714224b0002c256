import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  ApiKeyResponseDto,
  ApiKeysService,
  CreatedApiKeyResponseDto,
} from '@postprober/api-client';
import { CopyButton, FormAlert } from '@postprober/web/ui';
import { applyServerErrors, describeApiError, visibleError } from '@postprober/web/util';

type Role = 'admin' | 'member';

/** Create (the key is shown once), list and revoke the organization's API keys. */
@Component({
  selector: 'pp-api-keys-section',
  imports: [ReactiveFormsModule, DatePipe, CopyButton, FormAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './api-keys-section.html',
  styleUrl: './settings-section.css',
})
export class ApiKeysSection {
  private readonly api = inject(ApiKeysService);

  protected readonly keys = signal<ApiKeyResponseDto[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly created = signal<CreatedApiKeyResponseDto | null>(null);
  protected readonly confirmingId = signal<string | null>(null);
  protected readonly revokingId = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(100)]],
    role: ['member' as Role, Validators.required],
  });
  protected readonly submitted = signal(false);
  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);

  constructor() {
    void this.load();
  }

  protected nameError(): string | null {
    return visibleError(this.form.controls.name, 'Name', this.submitted());
  }

  protected roleError(): string | null {
    return visibleError(this.form.controls.role, 'Role', this.submitted());
  }

  protected async load(): Promise<void> {
    this.loadError.set(null);
    try {
      this.keys.set(await this.api.listApiKeys());
    } catch (error) {
      this.loadError.set(describeApiError(error).message);
    }
  }

  protected async createKey(): Promise<void> {
    this.submitted.set(true);
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      document.getElementById('api-key-name')?.focus();
      return;
    }
    this.submitting.set(true);
    try {
      const key = await this.api.createApiKey({ body: this.form.getRawValue() });
      this.created.set(key);
      this.keys.update((list) => [stripSecret(key), ...(list ?? [])]);
      this.form.reset();
      this.submitted.set(false);
    } catch (error) {
      const problem = describeApiError(error, ['name', 'role']);
      applyServerErrors(this.form, problem);
      this.formError.set(problem.message);
    } finally {
      this.submitting.set(false);
    }
  }

  protected dismissCreated(): void {
    this.created.set(null);
  }

  protected askToRevoke(id: string): void {
    this.actionError.set(null);
    this.confirmingId.set(id);
  }

  protected cancelRevoke(): void {
    this.confirmingId.set(null);
  }

  protected async revoke(key: ApiKeyResponseDto): Promise<void> {
    this.revokingId.set(key.id);
    this.actionError.set(null);
    try {
      await this.api.revokeApiKey({ id: key.id });
      this.keys.update((list) => (list ?? []).filter((k) => k.id !== key.id));
      if (this.created()?.id === key.id) this.created.set(null);
    } catch (error) {
      this.actionError.set(`Could not revoke "${key.name}": ${describeApiError(error).message}`);
    } finally {
      this.revokingId.set(null);
      this.confirmingId.set(null);
    }
  }
}

/** The list never holds the secret, only what GET /api/api-keys returns. */
function stripSecret(created: CreatedApiKeyResponseDto): ApiKeyResponseDto {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { key, ...listed } = created;
  return listed;
}
