import { fieldError } from './field-error';

describe('fieldError', () => {
  it('carries the message as a list and the field, as the validation pipe does', () => {
    const error = fieldError('timeout_ms', 'timeout_ms must be less than the interval');
    expect(error.getStatus()).toBe(400);
    expect(error.getResponse()).toEqual({ message: ['timeout_ms must be less than the interval'], fields: ['timeout_ms'] });
  });
});
