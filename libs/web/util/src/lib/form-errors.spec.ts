import { FormControl, FormGroup, Validators } from '@angular/forms';
import { applyServerErrors, visibleError } from './form-errors';
import { PASSWORD_MIN_LENGTH } from './validation';

describe('form error helpers', () => {
  function form() {
    return new FormGroup({
      email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
      password: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
      }),
    });
  }

  it('hides errors until the field is touched or the form submitted', () => {
    const f = form();
    expect(visibleError(f.controls.email, 'Email', false)).toBeNull();
    expect(visibleError(f.controls.email, 'Email', true)).toBe('Email is required.');
    f.controls.password.setValue('short');
    f.controls.password.markAsTouched();
    expect(visibleError(f.controls.password, 'Password', false)).toBe(
      'Password must be at least 10 characters.',
    );
    f.controls.email.setValue('not-an-email');
    expect(visibleError(f.controls.email, 'Email', true)).toMatch(/valid email/);
  });

  it('shows a server message on the field until the user edits it', () => {
    const f = form();
    f.setValue({ email: 'a@b.co', password: 'long-enough-pw' });
    applyServerErrors(f, {
      status: 400,
      message: null,
      fieldErrors: { email: 'Email is already in use.', unknown: 'ignored' },
    });

    expect(f.controls.email.touched).toBe(true);
    expect(visibleError(f.controls.email, 'Email', false)).toBe('Email is already in use.');
    expect(f.invalid).toBe(true);

    f.controls.email.setValue('c@d.co');
    expect(visibleError(f.controls.email, 'Email', false)).toBeNull();
    expect(f.valid).toBe(true);
  });
});
