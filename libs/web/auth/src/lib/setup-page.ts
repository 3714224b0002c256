import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { AuthStore } from '@postprober/web/data-access';
import { FormAlert } from '@postprober/web/ui';
import { FormSubmission, PASSWORD_MIN_LENGTH } from '@postprober/web/util';

const LABELS = {
  organization_name: 'Organization name',
  name: 'Your name',
  email: 'Email',
  password: 'Password',
} as const;
type Field = keyof typeof LABELS;

/** First run: creates the organization and its first admin, then signs that admin in. */
@Component({
  selector: 'pp-setup-page',
  imports: [ReactiveFormsModule, FormAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './setup-page.html',
  styleUrl: './auth-page.css',
})
export class SetupPage {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    organization_name: ['', [Validators.required, Validators.maxLength(100)]],
    name: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(200)],
    ],
  });
  private readonly submission = new FormSubmission(this.form, 'setup-');
  protected readonly submitting = this.submission.submitting;
  protected readonly formError = this.submission.formError;

  protected error(field: Field): string | null {
    return this.submission.error(field, LABELS[field]);
  }

  protected async createOrganization(): Promise<void> {
    await this.submission.submit(async () => {
      await this.store.setup(this.form.getRawValue());
      await this.router.navigateByUrl('/');
    });
  }
}
