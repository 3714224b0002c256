import { BadRequestException } from '@nestjs/common';
import { IsEmail, IsString, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { AppValidationPipe, failedFields } from './app-validation.pipe';

class Child {
  @IsString()
  label!: string;
}
class Body {
  @IsEmail()
  email!: string;
  @ValidateNested()
  @Type(() => Child)
  child!: Child;
}

describe('AppValidationPipe', () => {
  it('answers 400 with the messages and the offending fields as dotted paths', async () => {
    const pipe = new AppValidationPipe();
    const error = await pipe.transform({ email: 'nope', child: { label: 5 }, extra: 1 }, { type: 'body', metatype: Body }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    const body = (error as BadRequestException).getResponse() as { message: string[]; fields: string[] };
    expect(body.message).toEqual(expect.arrayContaining(['email must be an email', 'child.label must be a string', 'property extra should not exist']));
    expect(body.fields.sort()).toEqual(['child.label', 'email', 'extra']);
  });

  it('flattens nested validation errors into leaf paths', () => {
    expect(failedFields([{ property: 'a', children: [{ property: '0', children: [{ property: 'b', children: [] }] }] }])).toEqual(['a.0.b']);
  });
});
