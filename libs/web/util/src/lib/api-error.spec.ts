import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { describeApiError } from './api-error';

function httpError(status: number, body: unknown, headers?: Record<string, string>) {
  return new HttpErrorResponse({
    status,
    error: body,
    headers: new HttpHeaders(headers ?? {}),
    url: '/api/x',
  });
}

describe('describeApiError', () => {
  it('puts class-validator messages beside the field they name', () => {
    const problem = describeApiError(
      httpError(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: [
          'password must be longer than or equal to 10 characters',
          'email must be an email',
          'organization_name should not be empty',
        ],
      }),
      ['email', 'password', 'name', 'organization_name'],
    );

    expect(problem.status).toBe(400);
    expect(problem.fieldErrors).toEqual({
      password: 'Password must be longer than or equal to 10 characters.',
      email: 'Email must be an email.',
      organization_name: 'Organization name should not be empty.',
    });
    expect(problem.message).toBeNull();
  });

  it('does not mistake a field whose name is a prefix of another', () => {
    const problem = describeApiError(
      httpError(400, { message: ['organization_name must be a string'] }),
      ['name', 'organization_name'],
    );
    expect(Object.keys(problem.fieldErrors)).toEqual(['organization_name']);
  });

  it('keeps messages that name no field as a form-level message', () => {
    const problem = describeApiError(
      httpError(400, { message: ['property foo should not exist', 'email must be an email'] }),
      ['email'],
    );
    expect(problem.message).toBe('Property foo should not exist.');
    expect(problem.fieldErrors['email']).toBe('Email must be an email.');
  });

  it('shows the server message for 401 and 409', () => {
    expect(
      describeApiError(httpError(401, { statusCode: 401, message: 'Invalid email or password' }))
        .message,
    ).toBe('Invalid email or password.');
    expect(
      describeApiError(httpError(409, { statusCode: 409, message: 'Setup has already been completed' }))
        .message,
    ).toBe('Setup has already been completed.');
  });

  it('tells the user how long to wait after a 429', () => {
    expect(describeApiError(httpError(429, {}, { 'retry-after': '42' })).message).toBe(
      'Too many attempts. Try again in 42 seconds.',
    );
    expect(describeApiError(httpError(429, {}, { 'retry-after': '1' })).message).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    expect(describeApiError(httpError(429, { message: 'ThrottlerException' })).message).toBe(
      'Too many attempts. Please wait a moment and try again.',
    );
  });

  it('explains a network failure and a server failure without a body', () => {
    expect(describeApiError(httpError(0, new ProgressEvent('error'))).message).toMatch(
      /Cannot reach the server/,
    );
    expect(describeApiError(httpError(502, '<html>Bad gateway</html>')).message).toMatch(
      /server had a problem/,
    );
  });

  it('reads a JSON error body that arrived as text', () => {
    const body = JSON.stringify({ statusCode: 404, message: 'API key not found', error: 'Not Found' });
    expect(describeApiError(httpError(404, body)).message).toBe('API key not found.');
  });

  it('handles errors that are not HTTP errors', () => {
    expect(describeApiError(new Error('boom')).message).toMatch(/Something went wrong/);
  });
});
