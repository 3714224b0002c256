import { ValidateBy, ValidationOptions } from 'class-validator';
import { isAlertId } from '../alert-id';

/** An alert id: a decimal string that fits a bigint, e.g. "42". */
export function IsAlertId(field: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAlertId',
      validator: {
        validate: (value: unknown) => isAlertId(value),
        defaultMessage: () => `${field} must be an alert id: a whole number written as a string, such as "42"`,
      },
    },
    options,
  );
}
