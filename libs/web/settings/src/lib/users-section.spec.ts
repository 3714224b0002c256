import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { UserResponseDto } from '@postprober/api-client';
import { UsersSection } from './users-section';
import { byTestId, settle, type } from './testing';

const admin: UserResponseDto = {
  id: 'u1',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  role: 'admin',
  created_at: '2026-11-01T10:00:00.000Z',
  last_login_at: '2026-11-24T08:30:00.000Z',
};

describe('UsersSection', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<UsersSection>;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UsersSection);
    el = fixture.nativeElement;
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: '/api/users' }).flush([admin]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

  function fillValid() {
    type(el, 'new-user-name', 'Grace Hopper');
    type(el, 'new-user-email', 'grace@example.com');
    type(el, 'new-user-password', 'a-long-password');
  }

  it('lists the organization\'s users', () => {
    const rows = el.querySelectorAll('[data-testid="user-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Ada Lovelace');
    expect(rows[0].textContent).toContain('ada@example.com');
    expect(rows[0].textContent).toContain('Admin');
  });

  it('checks email and password length before calling the API', async () => {
    type(el, 'new-user-name', 'Grace');
    type(el, 'new-user-email', 'grace');
    type(el, 'new-user-password', '123456789');
    byTestId(el, 'new-user-submit').click();
    await settle(fixture);

    expect(el.querySelector('#new-user-email-error')?.textContent).toContain('valid email');
    expect(el.querySelector('#new-user-password-error')?.textContent).toContain(
      'Password must be at least 10 characters.',
    );
    http.expectNone('/api/users');
  });

  it('adds a member and shows them in the list', async () => {
    fillValid();
    byTestId(el, 'new-user-submit').click();
    await settle(fixture);

    const request = http.expectOne({ method: 'POST', url: '/api/users' });
    expect(request.request.body).toEqual({
      name: 'Grace Hopper',
      email: 'grace@example.com',
      password: 'a-long-password',
      role: 'member',
    });
    request.flush({ ...admin, id: 'u2', name: 'Grace Hopper', email: 'grace@example.com', role: 'member' });
    await settle(fixture);

    expect(el.querySelectorAll('[data-testid="user-row"]')).toHaveLength(2);
    expect(byTestId(el, 'new-user-added').textContent).toContain('Added Grace Hopper as a member.');
    expect(byTestId<HTMLInputElement>(el, 'new-user-email').value).toBe('');
  });

  it('shows a 409 (email taken) and 400 field messages in place', async () => {
    fillValid();
    byTestId(el, 'new-user-submit').click();
    await settle(fixture);
    http
      .expectOne('/api/users')
      .flush(
        { statusCode: 409, message: 'A user with this email already exists', error: 'Conflict' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);
    expect(byTestId(el, 'new-user-error').textContent).toContain('A user with this email already exists.');

    byTestId(el, 'new-user-submit').click();
    await settle(fixture);
    http
      .expectOne('/api/users')
      .flush(
        { statusCode: 400, message: ['role must be one of the following values: admin, member'] },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    expect(el.textContent).toContain('Role must be one of the following values: admin, member.');
  });
});
