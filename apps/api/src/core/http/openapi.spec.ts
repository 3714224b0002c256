import { singleAllOf } from './openapi';

describe('singleAllOf', () => {
  it('turns a lone allOf wrapper into its $ref, at any depth', () => {
    const ref = { $ref: '#/components/schemas/Platform' };
    expect(singleAllOf({ properties: { platform: { allOf: [ref] } }, items: [{ allOf: [ref] }] })).toEqual({
      properties: { platform: ref },
      items: [ref],
    });
  });

  it('keeps the wrapper when it carries siblings (description, nullable, example)', () => {
    const schema = { allOf: [{ $ref: '#/components/schemas/Platform' }], nullable: true, example: 'twitter' };
    expect(singleAllOf(schema)).toEqual(schema);
  });
});
