import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ALERT_ID_PATTERN } from '../alert-id';
import { IsAlertId } from './is-alert-id';

export const MAX_ALERTS_PAGE = 200;

export class ListAlertsQueryDto {
  /**
   * Return the alerts raised after this id, oldest first (resume from the last id you saw; page on with the
   * last id returned while has_more is true). Omitted: the latest alerts, newest first.
   */
  @IsOptional()
  @ApiPropertyOptional({ example: '40', pattern: ALERT_ID_PATTERN })
  @IsAlertId('after')
  after?: string;

  /** At most this many alerts, 1 to 200. */
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: `limit must be between 1 and ${MAX_ALERTS_PAGE}` })
  @Max(MAX_ALERTS_PAGE, { message: `limit must be between 1 and ${MAX_ALERTS_PAGE}` })
  @ApiProperty({ example: 50, type: 'integer' })
  limit?: number = 50;
}
