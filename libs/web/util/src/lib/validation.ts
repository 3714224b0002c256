import { ValidationErrors } from '@angular/forms';

/** Mirrors the API's rule for passwords (class-validator MinLength(10)). */
export const PASSWORD_MIN_LENGTH = 10;

/** Error key used for messages the server returned for a field. */
export const SERVER_ERROR_KEY = 'server';

/**
 * The first message to show for a control's errors, or null when it has none.
 * `label` is the field's visible label, used as the sentence's subject.
 */
export function validationMessage(errors: ValidationErrors | null, label: string): string | null {
  if (!errors) return null;
  if (typeof errors[SERVER_ERROR_KEY] === 'string') return errors[SERVER_ERROR_KEY];
  if (errors['required']) return `${label} is required.`;
  if (errors['email']) return 'Enter a valid email address, like name@company.com.';
  if (errors['minlength']) {
    const { requiredLength } = errors['minlength'] as { requiredLength: number };
    return `${label} must be at least ${requiredLength} characters.`;
  }
  if (errors['maxlength']) {
    const { requiredLength } = errors['maxlength'] as { requiredLength: number };
    return `${label} must be at most ${requiredLength} characters.`;
  }
  return `${label} is not valid.`;
}
