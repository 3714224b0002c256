import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { OrganizationSettingsResponseDto } from '@postprober/api-client';
import { BrandSection, brandTagError } from './brand-section';
import { byTestId, settle, type } from './testing';

const URL = '/api/organization/settings';

function settings(tags: string[]): OrganizationSettingsResponseDto {
  return { branded_hashtags: tags, updated_at: tags.length ? '2026-11-24T08:30:00.000Z' : null };
}

describe('brandTagError', () => {
  it('accepts "#" then 2–50 letters, digits or underscores with a letter', () => {
    expect(brandTagError('#Acme_2026', [])).toBeNull();
    expect(brandTagError('#Café', [])).toBeNull();
    expect(brandTagError('#a' + 'b'.repeat(49), [])).toBeNull();
  });

  it('rejects short, long, all-digit, spaced, duplicate and eleventh tags', () => {
    expect(brandTagError('#a', [])).toContain('not a valid hashtag');
    expect(brandTagError('#a' + 'b'.repeat(50), [])).toContain('not a valid hashtag');
    expect(brandTagError('#2024', [])).toContain('not a valid hashtag');
    expect(brandTagError('#my brand', [])).toContain('not a valid hashtag');
    expect(brandTagError('#ACME', ['#acme'])).toBe('#ACME is already in the list.');
    const ten = Array.from({ length: 10 }, (_, i) => `#tag${i}`);
    expect(brandTagError('#another', ten)).toBe('You can keep at most 10 brand hashtags.');
  });
});

describe('BrandSection', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<BrandSection>;
  let el: HTMLElement;

  async function start(tags: string[]) {
    http.expectOne({ method: 'GET', url: URL }).flush(settings(tags));
    await settle(fixture);
  }

  async function add(value: string) {
    type(el, 'brand-tag-input', value);
    byTestId(el, 'brand-tag-add').click();
    await settle(fixture);
  }

  const chips = () =>
    Array.from(el.querySelectorAll('[data-testid="brand-tag"] .tag-label')).map((c) => c.textContent?.trim());
  const saveButton = () => byTestId<HTMLButtonElement>(el, 'brand-save');

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BrandSection);
    el = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('shows the saved hashtags as chips, with nothing to save yet', async () => {
    await start(['#Acme', '#BuiltWithAcme']);
    expect(chips()).toEqual(['#Acme', '#BuiltWithAcme']);
    expect(saveButton().disabled).toBe(true);
    expect(el.querySelector('[data-testid="brand-empty"]')).toBeNull();
  });

  it('says when there are no brand hashtags', async () => {
    await start([]);
    expect(byTestId(el, 'brand-empty').textContent).toContain('No brand hashtags yet.');
    expect(chips()).toEqual([]);
  });

  it('adds and removes tags, then saves and shows the saved state', async () => {
    await start(['#Acme']);
    await add('BuiltWithAcme'); // the "#" is optional
    await add('#AcmeLabs');
    byTestId(el, 'brand-tag-remove').click(); // removes #Acme, the first chip
    await settle(fixture);
    expect(chips()).toEqual(['#BuiltWithAcme', '#AcmeLabs']);
    expect(byTestId<HTMLInputElement>(el, 'brand-tag-input').value).toBe('');

    saveButton().click();
    await settle(fixture);
    const request = http.expectOne({ method: 'PUT', url: URL });
    expect(request.request.body).toEqual({ branded_hashtags: ['#BuiltWithAcme', '#AcmeLabs'] });
    request.flush(settings(['#BuiltWithAcme', '#AcmeLabs']));
    await settle(fixture);

    expect(byTestId(el, 'brand-saved').textContent).toContain('Saved.');
    expect(saveButton().disabled).toBe(true);

    await add('#More');
    expect(el.querySelector('[data-testid="brand-saved"]')).toBeNull();
    expect(saveButton().disabled).toBe(false);
  });

  it('explains an invalid or duplicate tag without calling the API', async () => {
    await start(['#Acme']);
    await add('#2024');
    expect(byTestId(el, 'brand-error').textContent).toContain('#2024 is not a valid hashtag');
    expect(byTestId(el, 'brand-tag-input').getAttribute('aria-invalid')).toBe('true');
    expect(chips()).toEqual(['#Acme']);

    await add('#acme');
    expect(byTestId(el, 'brand-error').textContent).toContain('#acme is already in the list.');

    type(el, 'brand-tag-input', '#Ac');
    await settle(fixture);
    expect(el.querySelector('[data-testid="brand-error"]')).toBeNull();
    expect(saveButton().disabled).toBe(true);
  });

  it('stops taking tags at 10', async () => {
    await start(Array.from({ length: 9 }, (_, i) => `#tag${i}`));
    await add('#tenth');
    expect(chips()).toHaveLength(10);
    expect(byTestId<HTMLInputElement>(el, 'brand-tag-input').disabled).toBe(true);
    expect(byTestId<HTMLButtonElement>(el, 'brand-tag-add').disabled).toBe(true);
  });

  it('shows the server\'s 400 message in place and keeps the edits', async () => {
    await start([]);
    await add('#Acme');
    saveButton().click();
    await settle(fixture);
    http
      .expectOne({ method: 'PUT', url: URL })
      .flush(
        {
          statusCode: 400,
          message: [
            'branded_hashtags must contain hashtags like #YourBrand: "#" then 2-50 letters, digits or underscores',
          ],
          error: 'Bad Request',
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);

    expect(byTestId(el, 'brand-error').textContent?.trim()).toBe(
      'Branded hashtags must contain hashtags like #YourBrand: "#" then 2-50 letters, digits or underscores.',
    );
    expect(el.querySelector('[data-testid="brand-saved"]')).toBeNull();
    expect(chips()).toEqual(['#Acme']);
    expect(saveButton().disabled).toBe(false);
  });
});
