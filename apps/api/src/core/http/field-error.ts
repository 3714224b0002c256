import { BadRequestException } from '@nestjs/common';

/** A 400 about one input field, shaped as validation errors are: the message in a list and the field named. */
export function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: [message], fields: [field] });
}
