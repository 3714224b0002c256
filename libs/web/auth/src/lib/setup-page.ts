import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { AuthStore } from '@postprober/web/data-access';
import { FormAlert } from '@postprober/web/ui';
import {
  PASSWORD_MIN_LENGTH,
  applyServerErrors,
  describeApiError,
  visibleError,
} from '@postprober/web/util';
import { focusFirstInvalid } from './focus-first-invalid';

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
  protected readonly submitted = signal(false);
  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected error(field: Field): string | null {
    return visibleError(this.form.controls[field], LABELS[field], this.submitted());
  }

  protected async createOrganization(): Promise<void> {
    this.submitted.set(true);
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.form.controls, 'setup-');
      return;
    }
    this.submitting.set(true);
    try {
      await this.store.setup(this.form.getRawValue());
      await this.router.navigateByUrl('/');
    } catch (error) {
      const problem = describeApiError(error, Object.keys(LABELS));
      applyServerErrors(this.form, problem);
      this.formError.set(problem.message);
    } finally {
      this.submitting.set(false);
    }
  }
}
