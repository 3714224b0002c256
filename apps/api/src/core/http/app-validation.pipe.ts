import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

/** Dotted paths of the failed properties ("platforms.0.name"), for ErrorResponseDto.fields. */
export function failedFields(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    return e.children && e.children.length > 0 ? failedFields(e.children, path) : [path];
  });
}

/**
 * The global ValidationPipe (whitelist, forbid unknown fields, transform) whose 400 also names the
 * offending fields, so a client can mark them without parsing messages.
 */
export class AppValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) =>
        new BadRequestException({ message: this.flattenValidationErrors(errors), fields: [...new Set(failedFields(errors))] }),
    });
  }
}
