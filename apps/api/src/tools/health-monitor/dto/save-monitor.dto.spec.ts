import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { HealthHistoryQueryDto } from './health-history.dto';
import { ListIncidentsQueryDto } from './incidents.dto';
import { CreateMonitorDto, UpdateMonitorDto } from './save-monitor.dto';

const pipe = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

async function messages(metatype: new () => object, value: unknown, type: 'body' | 'query' = 'body'): Promise<string[]> {
  try {
    await pipe.transform(value, { type, metatype });
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(BadRequestException);
    return ((err as BadRequestException).getResponse() as { message: string[] }).message;
  }
}

const valid = { name: 'X API', platform: 'twitter', kind: 'platform-api', url: 'https://api.x.com/2/users/me' };

describe('CreateMonitorDto', () => {
  it('accepts a minimal monitor and a full one', async () => {
    expect(await messages(CreateMonitorDto, valid)).toEqual([]);
    expect(
      await messages(CreateMonitorDto, {
        ...valid,
        method: 'HEAD',
        headers: { Accept: 'application/json' },
        access_token: 'AAAA',
        timeout_ms: 100,
        interval_seconds: 30,
        expected_status: 204,
        components: ['API'],
        enabled: false,
      }),
    ).toEqual([]);
  });

  it.each([
    [{ ...valid, name: '  ' }, 'name must not be empty'],
    [{ ...valid, platform: 'myspace' }, 'platform must be one of: twitter, linkedin, instagram, facebook, custom'],
    [{ ...valid, kind: 'ping' }, 'kind must be one of: http, platform-api, statuspage'],
    [{ ...valid, url: 'ftp://example.com/file' }, 'url must be an http or https URL'],
    [{ ...valid, url: 'not a url' }, 'url must be an http or https URL'],
    [{ ...valid, method: 'DELETE' }, 'method must be one of: GET, HEAD, POST'],
    [{ ...valid, headers: { Authorization: 'Bearer x' } }, 'headers must be an object'],
    [{ ...valid, headers: { cookie: 'a=b' } }, 'headers must be an object'],
    [{ ...valid, headers: { Accept: 42 } }, 'headers must be an object'],
    [{ ...valid, headers: { 'bad name': 'x' } }, 'headers must be an object'],
    [{ ...valid, headers: ['Accept'] }, 'headers must be an object'],
    [{ ...valid, access_token: 'a\nb' }, 'access_token must be a single line'],
    [{ ...valid, timeout_ms: 99 }, 'timeout_ms must not be less than 100'],
    [{ ...valid, timeout_ms: 30_001 }, 'timeout_ms must not be greater than 30000'],
    [{ ...valid, interval_seconds: 0 }, 'interval_seconds must not be less than 1'],
    [{ ...valid, interval_seconds: 1.5 }, 'interval_seconds must be an integer number'],
    [{ ...valid, expected_status: 600 }, 'expected_status must not be greater than 599'],
    [{ ...valid, components: 'API' }, 'components must be an array'],
    [{ ...valid, enabled: 'yes' }, 'enabled must be a boolean value'],
    [{ ...valid, has_access_token: true }, 'property has_access_token should not exist'],
  ])('rejects %j naming the field', async (body, message) => {
    expect(await messages(CreateMonitorDto, body)).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  it('requires name, platform, kind and url', async () => {
    const found = await messages(CreateMonitorDto, {});
    for (const field of ['name', 'platform', 'kind', 'url']) expect(found.some((m) => m.startsWith(field))).toBe(true);
  });
});

describe('UpdateMonitorDto', () => {
  it('accepts any subset, and null to remove the token', async () => {
    expect(await messages(UpdateMonitorDto, {})).toEqual([]);
    expect(await messages(UpdateMonitorDto, { enabled: false })).toEqual([]);
    expect(await messages(UpdateMonitorDto, { access_token: null })).toEqual([]);
  });

  it('still validates the fields sent', async () => {
    expect(await messages(UpdateMonitorDto, { url: 'file:///etc/passwd' })).toEqual(['url must be an http or https URL']);
    expect(await messages(UpdateMonitorDto, { headers: { 'Proxy-Authorization': 'x' } })).toEqual([expect.stringContaining('headers must be')]);
  });
});

describe('query DTOs', () => {
  const uuid = '0b8f8f3e-8f4a-4d8e-9b39-3d1f0c6c1a11';

  it.each([
    [{ monitor: uuid, hours: '0' }, 'hours must be a whole number from 1 to 168'],
    [{ monitor: uuid, hours: '169' }, 'hours must be a whole number from 1 to 168'],
    [{ monitor: uuid, hours: 'abc' }, 'hours must be a whole number from 1 to 168'],
    [{ monitor: 'nope' }, 'monitor must be a monitor id (UUID)'],
    [{}, 'monitor must be a monitor id (UUID)'],
  ])('history rejects %j', async (query, message) => {
    expect(await messages(HealthHistoryQueryDto, query, 'query')).toContain(message);
  });

  it('history accepts hours 1 and 168', async () => {
    expect(await messages(HealthHistoryQueryDto, { monitor: uuid, hours: '1' }, 'query')).toEqual([]);
    expect(await messages(HealthHistoryQueryDto, { monitor: uuid, hours: '168' }, 'query')).toEqual([]);
  });

  it.each([
    [{ status: 'closed' }, 'status must be one of: open, resolved'],
    [{ platform: 'tiktok' }, 'platform must be one of'],
    [{ page: '0' }, 'page must be a whole number of at least 1'],
    [{ page_size: '101' }, 'page_size must be a whole number from 1 to 100'],
  ])('incidents list rejects %j', async (query, message) => {
    expect(await messages(ListIncidentsQueryDto, query, 'query')).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });
});
