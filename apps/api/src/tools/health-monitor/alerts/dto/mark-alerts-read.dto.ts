import { ApiProperty } from '@nestjs/swagger';
import { ALERT_ID_PATTERN } from '../alert-id';
import { IsAlertId } from './is-alert-id';

/** Body of markAlertsRead. */
export class MarkAlertsReadDto {
  /**
   * The newest alert id the user has seen (a string, such as "42"): it and every earlier alert count as
   * read. The marker never moves backwards, and not past the newest alert that exists.
   */
  @ApiProperty({ example: '42', pattern: ALERT_ID_PATTERN })
  @IsAlertId('last_read_id')
  last_read_id: string;
}
