import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { FakeOpenAi, startFakeOpenAi } from './fake-openai.server';
import { reply } from './fake-openai.replies';

const post = (fake: FakeOpenAi, body: unknown = { model: 'm', messages: [{ role: 'user', content: 'hi' }] }) =>
  fetch(`${fake.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('startFakeOpenAi', () => {
  let fake: FakeOpenAi;
  afterEach(() => fake.close());

  it('answers scripted replies in order with the chat completion shape, then the default', async () => {
    fake = await startFakeOpenAi({ responder: reply.json({ n: 'default' }) });
    fake.script(reply.json({ n: 1 }, { usage: { prompt_tokens: 7, completion_tokens: 3 } }), reply.refusal('no'));

    const first = await (await post(fake)).json();
    expect(first).toMatchObject({
      object: 'chat.completion',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: '{"n":1}', refusal: null }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 },
    });
    const second = await (await post(fake)).json();
    expect(second.choices[0].message).toMatchObject({ content: null, refusal: 'no' });
    const third = await (await post(fake)).json();
    expect(third.choices[0].message.content).toBe('{"n":"default"}');
    expect(fake.requests.map((r) => r.body?.model)).toEqual(['m', 'm', 'm']);
    expect(fake.pending()).toBe(0);
  });

  it('sends errors in OpenAI format with retry-after, and a 500 naming the gap when nothing is scripted', async () => {
    fake = await startFakeOpenAi();
    fake.script(reply.rateLimited(3));
    const limited = await post(fake);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(await limited.json()).toEqual({
      error: expect.objectContaining({ type: 'requests', code: 'rate_limit_exceeded', message: expect.any(String) }),
    });
    const unscripted = await post(fake);
    expect(unscripted.status).toBe(500);
    expect((await unscripted.json()).error.message).toContain('no reply scripted');
  });

  it('passes a responder the request and its index; delays the answer', async () => {
    fake = await startFakeOpenAi();
    fake.setDefault((req, i) => reply.json({ i, echo: req.body?.messages?.[0]?.content }, { delayMs: 150 }));
    const started = Date.now();
    const body = await (await post(fake)).json();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(JSON.parse(body.choices[0].message.content)).toEqual({ i: 0, echo: 'hi' });
  });

  it('keeps a hanging request open until close()', async () => {
    fake = await startFakeOpenAi();
    fake.script(reply.hang());
    const pending = post(fake).then(
      () => 'answered',
      () => 'dropped',
    );
    const early = await Promise.race([pending, new Promise((r) => setTimeout(() => r('still open'), 200))]);
    expect(early).toBe('still open');
    await fake.close();
    expect(await pending).toBe('dropped');
    fake = await startFakeOpenAi(); // for afterEach
  });

  it('rejects a wrong API key like OpenAI when apiKey is set', async () => {
    fake = await startFakeOpenAi({ apiKey: 'sk-right', responder: reply.json({}) });
    const res = await fetch(`${fake.url}/chat/completions`, { method: 'POST', headers: { authorization: 'Bearer sk-wrong' }, body: '{}' });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_api_key');
  });

  it('is understood by the real openai SDK (parse, refusal, length, malformed JSON)', async () => {
    fake = await startFakeOpenAi();
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 });
    const Schema = z.object({ answer: z.string() });
    const call = () =>
      client.chat.completions.parse({
        model: 'gpt-test',
        messages: [{ role: 'user', content: 'q' }],
        response_format: zodResponseFormat(Schema, 'answer'),
      });

    fake.script(reply.json({ answer: 'yes' }), reply.refusal(), reply.truncated(), reply.malformed(), reply.json({ answer: 1 }));
    expect((await call()).choices[0].message.parsed).toEqual({ answer: 'yes' });
    expect((await call()).choices[0].message.parsed).toBeNull();
    await expect(call()).rejects.toThrow(/length limit/);
    await expect(call()).rejects.toBeInstanceOf(SyntaxError);
    await expect(call()).rejects.toThrow(/expected string/i);
    expect(fake.requests[0].body?.response_format?.json_schema?.name).toBe('answer');
    expect(fake.requests[0].headers.authorization).toBe('Bearer sk-test');
  });
});
