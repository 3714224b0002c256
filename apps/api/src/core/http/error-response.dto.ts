import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The one body every error answer carries (4xx and 5xx), built by HttpExceptionFilter. */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 400, description: 'The HTTP status, repeated.' })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request', description: 'The HTTP reason phrase of the status.' })
  error: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: ['email must be an email'],
    description: 'What went wrong, for a person: one sentence, or one per failed rule (validation).',
  })
  message: string | string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['email'],
    description: 'The offending fields (dotted paths into the body, query or path), when the error is about input.',
  })
  fields?: string[];

  @ApiProperty({ example: '4f1c2a9e-7d3b-4e0a-9a55-0c2b8d1e6f10', description: 'The X-Request-Id of this request, for support and logs.' })
  request_id: string;
}
