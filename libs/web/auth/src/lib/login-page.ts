import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthStore } from '@postprober/web/data-access';
import { FormAlert } from '@postprober/web/ui';
import { FormSubmission } from '@postprober/web/util';
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
  private readonly submission = new FormSubmission(this.form, 'login-');
  protected readonly submitting = this.submission.submitting;
  protected readonly formError = this.submission.formError;

  protected error(field: Field): string | null {
    return this.submission.error(field, LABELS[field]);
  }

  protected async signIn(): Promise<void> {
    await this.submission.submit(async () => {
      await this.store.login(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')));
    });
  }
}
