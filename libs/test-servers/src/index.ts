export * from './fake-openai/fake-openai.server';
export * from './fake-openai/fake-openai.replies';
export type { ChatRequestBody, ChatCompletionBody } from './fake-openai/fake-openai.protocol';
