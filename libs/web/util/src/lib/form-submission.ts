import { signal } from '@angular/core';
import type { FormGroup } from '@angular/forms';
import { describeApiError } from './api-error';
import { focusFirstInvalid } from './focus-first-invalid';
import { applyServerErrors, visibleError } from './form-errors';

/**
 * The life of a form submit, the same for every form in the portal: show field errors once the user has
 * tried, focus the first invalid field, run the request once at a time, and put the server's field
 * messages on the controls and its overall message above the form.
 */
export class FormSubmission {
  readonly submitted = signal(false);
  readonly submitting = signal(false);
  readonly formError = signal<string | null>(null);

  /** `idPrefix` + field name (underscores as dashes) is the id of each input, for focusing. */
  constructor(
    private readonly form: FormGroup,
    private readonly idPrefix: string,
  ) {}

  error(field: string, label: string): string | null {
    const control = this.form.get(field);
    return control ? visibleError(control, label, this.submitted()) : null;
  }

  /** Runs `action` when the form is valid; true when it succeeded. */
  async submit(action: () => Promise<void>): Promise<boolean> {
    this.submitted.set(true);
    this.formError.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.form.controls, this.idPrefix);
      return false;
    }
    this.submitting.set(true);
    try {
      await action();
      return true;
    } catch (error) {
      const problem = describeApiError(error, Object.keys(this.form.controls));
      applyServerErrors(this.form, problem);
      this.formError.set(problem.message);
      return false;
    } finally {
      this.submitting.set(false);
    }
  }

  /** After a successful submit that clears the form: no errors until the next try. */
  reset(): void {
    this.form.reset();
    this.submitted.set(false);
  }
}
