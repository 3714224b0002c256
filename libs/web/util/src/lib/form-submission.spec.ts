import { HttpErrorResponse } from '@angular/common/http';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { FormSubmission } from './form-submission';

function setUp() {
  const form = new FormGroup({
    email: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.email] }),
  });
  const input = document.createElement('input');
  input.id = 'test-email';
  document.body.appendChild(input);
  return { form, input, submission: new FormSubmission(form, 'test-') };
}

describe('FormSubmission', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('does not call the server for an invalid form, shows the errors and focuses the first invalid field', async () => {
    const { submission, input } = setUp();
    const action = jest.fn();
    expect(submission.error('email', 'Email')).toBeNull();
    expect(await submission.submit(action)).toBe(false);
    expect(action).not.toHaveBeenCalled();
    expect(submission.error('email', 'Email')).toMatch(/Email/);
    expect(document.activeElement).toBe(input);
  });

  it('puts the server field messages on the controls and the overall message above the form', async () => {
    const { form, submission } = setUp();
    form.setValue({ email: 'taken@acme.example' });
    const ok = await submission.submit(async () => {
      throw new HttpErrorResponse({ status: 409, error: { statusCode: 409, message: 'email is already registered' } });
    });
    expect(ok).toBe(false);
    expect(submission.submitting()).toBe(false);
    expect(submission.error('email', 'Email')).toBe('Email is already registered.');
  });

  it('reports success and is ready for the next entry after reset', async () => {
    const { form, submission } = setUp();
    form.setValue({ email: 'new@acme.example' });
    let during = false;
    expect(await submission.submit(async () => void (during = submission.submitting()))).toBe(true);
    expect(during).toBe(true);
    submission.reset();
    expect(form.value).toEqual({ email: '' });
    expect(submission.error('email', 'Email')).toBeNull();
  });
});
