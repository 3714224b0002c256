import { AbstractControl, FormGroup } from '@angular/forms';
import { ApiProblem } from './api-error';
import { SERVER_ERROR_KEY, validationMessage } from './validation';

/**
 * Puts the server's field messages on the matching controls. Angular re-runs the control's
 * validators on its next change, which drops the server message once the user edits the field.
 */
export function applyServerErrors(form: FormGroup, problem: ApiProblem): void {
  for (const [field, message] of Object.entries(problem.fieldErrors)) {
    const control = form.get(field);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), [SERVER_ERROR_KEY]: message });
      control.markAsTouched();
    }
  }
}

/** The message to show under a control once the user has left it or tried to submit. */
export function visibleError(
  control: AbstractControl,
  label: string,
  submitted: boolean,
): string | null {
  if (!control.invalid || !(control.touched || submitted)) return null;
  return validationMessage(control.errors, label);
}
