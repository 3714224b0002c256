import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HealthAlertsModule } from './alerts/health-alerts.module';
import { IncidentWriter } from './deciding/incident-writer';
import { DefaultMonitorsSeeded } from './entities/default-monitors-seeded.entity';
import { HealthCheck } from './entities/health-check.entity';
import { IncidentEvent } from './entities/incident-event.entity';
import { Incident } from './entities/incident.entity';
import { MonitorSchedule } from './entities/monitor-schedule.entity';
import { MonitorTrack } from './entities/monitor-track.entity';
import { Monitor } from './entities/monitor.entity';
import { IncidentsController } from './incidents/incidents.controller';
import { IncidentsRepository } from './incidents/incidents.repository';
import { IncidentsService } from './incidents/incidents.service';
import { DefaultMonitors } from './monitors/default-monitors';
import { MonitorsController } from './monitors/monitors.controller';
import { MonitorsRepository } from './monitors/monitors.repository';
import { MonitorsService } from './monitors/monitors.service';
import { PROBE_PROVIDERS } from './probes/probes.providers';
import { HealthChecksRepository } from './recording/health-checks.repository';
import { HealthRecorder } from './recording/health-recorder';
import { MonitorTracksRepository } from './recording/monitor-tracks.repository';
import { TOKEN_CIPHER_PROVIDER } from './secrets/token-cipher.provider';
import { HealthStatusCache } from './status/health-status.cache';
import { HealthStatusController } from './status/health-status.controller';
import { ChecksRetention } from './sweep/checks-retention';
import { HealthSweep } from './sweep/health-sweep';
import { MonitorScheduleRepository } from './sweep/monitor-schedule.repository';
import { ScheduleVacuum } from './sweep/schedule-vacuum';
import { LifecycleModule } from '../../core/lifecycle/lifecycle.module';

/**
 * Platform health monitor (issue 4): monitors CRUD, the "health-sweep" job that probes due monitors,
 * incidents decided in code, alerts (HealthAlertsModule) and GET /api/health-status from memory.
 * Uses the global JOBS_PORT, JobsScheduler and LLM_PORT.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Monitor, MonitorSchedule, HealthCheck, Incident, IncidentEvent, MonitorTrack, DefaultMonitorsSeeded]), HealthAlertsModule, LifecycleModule],
  controllers: [MonitorsController, HealthStatusController, IncidentsController],
  providers: [
    MonitorsRepository,
    MonitorScheduleRepository,
    HealthChecksRepository,
    IncidentsRepository,
    MonitorTracksRepository,
    ...PROBE_PROVIDERS,
    TOKEN_CIPHER_PROVIDER,
    IncidentWriter,
    DefaultMonitors,
    MonitorsService,
    IncidentsService,
    HealthStatusCache,
    HealthRecorder,
    HealthSweep,
    ChecksRetention,
    ScheduleVacuum,
  ],
})
export class HealthMonitorModule {}
