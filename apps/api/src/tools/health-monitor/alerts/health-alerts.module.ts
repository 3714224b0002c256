import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../../../auth/auth.module';
import { ALERT_PUBLISHER } from './alert-publisher.port';
import { AlertsController } from './alerts.controller';
import { AlertsRepository } from './alerts.repository';
import { AlertsStore } from './alerts.store';
import { AlertRead } from './entities/alert-read.entity';
import { Alert } from './entities/alert.entity';
import { HealthAlertsGateway } from './health-alerts.gateway';
import { SocketIoAlertPublisher } from './socket-io-alert.publisher';

/**
 * Alerts of the health monitor: the log in Postgres, GET /api/alerts and the read marker, and the
 * /health-alerts Socket.IO gateway. The recorder appends with AlertsStore inside its transaction, then
 * publishes through ALERT_PUBLISHER after the commit.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Alert, AlertRead]), AuthModule],
  controllers: [AlertsController],
  providers: [AlertsRepository, AlertsStore, HealthAlertsGateway, SocketIoAlertPublisher, { provide: ALERT_PUBLISHER, useExisting: SocketIoAlertPublisher }],
  exports: [AlertsStore, ALERT_PUBLISHER],
})
export class HealthAlertsModule {}
