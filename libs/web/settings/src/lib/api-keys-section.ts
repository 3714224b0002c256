import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import {
  ApiKeyResponseDto,
  ApiKeysService,
  CreatedApiKeyResponseDto,
} from '@postprober/api-client';
import { CopyButton, FormAlert } from '@postprober/web/ui';
import { FormSubmission, describeApiError } from '@postprober/web/util';

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
  private readonly submission = new FormSubmission(this.form, 'api-key-');
  protected readonly submitting = this.submission.submitting;
  protected readonly formError = this.submission.formError;

  constructor() {
    void this.load();
  }

  protected nameError(): string | null {
    return this.submission.error('name', 'Name');
  }

  protected roleError(): string | null {
    return this.submission.error('role', 'Role');
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
    await this.submission.submit(async () => {
      const key = await this.api.createApiKey({ body: this.form.getRawValue() });
      this.created.set(key);
      this.keys.update((list) => [stripSecret(key), ...(list ?? [])]);
      this.submission.reset();
    });
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
