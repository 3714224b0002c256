import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthStore } from '@postprober/web/data-access';
import { FormAlert } from '@postprober/web/ui';
import { applyServerErrors, describeApiError, visibleError } from '@postprober/web/util';
import { focusFirstInvalid } from './focus-first-invalid';
import { safeReturnUrl } from './return-url';

const LABELS = { email: 'Email', password: 'Password' } as const;
type Field = keyof typeof LABELS;

@Component({
  selector: 'pp-login-page',
  imports: [ReactiveFormsModule, FormAlert],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './auth-page.css',
})
export class LoginPage {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.maxLength(200)]],
  });
  protected readonly submitted = signal(false);
  protected readonly submitting = signal(false);
  protected readonly formError = signal<string | null>(null);

  protected error(field: Field): string | null {
    return visibleError(this.form.controls[field], LABELS[field], this.submitted());
  }

  protected async signIn(): Promise<void> {
    this.submitted.set(true);
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.form.controls, 'login-');
      return;
    }
    this.submitting.set(true);
    try {
      await this.store.login(this.form.getRawValue());
      const target = safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'));
      await this.router.navigateByUrl(target);
    } catch (error) {
      const problem = describeApiError(error, Object.keys(LABELS));
      applyServerErrors(this.form, problem);
      this.formError.set(problem.message);
    } finally {
      this.submitting.set(false);
    }
  }
}
