import { BlockedTargetError } from './address-guard';
import { classify, sendProbeRequest } from './http-request';

const errno = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('classify', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'connection'],
    ['ECONNRESET', 'connection'],
    ['EHOSTUNREACH', 'connection'],
    ['ETIMEDOUT', 'timeout'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['ESOMETHINGNEW', 'connection'],
  ])('%s → %s', (code, errorClass) => {
    expect(classify(errno(code)).errorClass).toBe(errorClass);
  });

  it('classifies the guard error as blocked-address and keeps its message', () => {
    expect(classify(new BlockedTargetError('10.0.0.1 is private', 'private-address'))).toEqual({ errorClass: 'blocked-address', message: '10.0.0.1 is private' });
  });

  it('names the code when the message does not', () => {
    expect(classify(errno('ECONNRESET', 'socket hang up')).message).toBe('ECONNRESET: socket hang up');
  });
});

describe('sendProbeRequest without sending', () => {
  const base = { method: 'GET' as const, headers: {}, timeoutMs: 1000 };

  it('refuses literal private addresses and non-http URLs before any socket opens', async () => {
    for (const url of ['http://10.0.0.1/', 'http://[fd00::1]:8080/', 'http://169.254.169.254/latest/meta-data']) {
      expect(await sendProbeRequest({ ...base, url }, { allowPrivate: false })).toMatchObject({
        status: null,
        latencyMs: null,
        error: { errorClass: 'blocked-address' },
      });
    }
    expect((await sendProbeRequest({ ...base, url: 'ftp://example.com/' }, { allowPrivate: true })).error?.errorClass).toBe('blocked-address');
  });

  it('does not throw on a header node refuses to send', async () => {
    const outcome = await sendProbeRequest({ ...base, url: 'http://127.0.0.1:1/', headers: { authorization: 'Bearer a\nb' } }, { allowPrivate: true });
    expect(outcome.error?.message).toMatch(/^Request not sent: /);
  });
});
