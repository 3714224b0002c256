import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import { IncidentEvent } from '../entities/incident-event.entity';
import { Incident, type IncidentStatus } from '../entities/incident.entity';
import type { MonitorPlatform } from '../probes/platform-probe.port';

export interface IncidentFilter {
  status?: IncidentStatus;
  platform?: string;
  page: number;
  pageSize: number;
}

/** Reads an organization's incidents; another organization's are "not found". */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    @InjectRepository(IncidentEvent) private readonly events: Repository<IncidentEvent>,
  ) {}

  /** Newest first (by opening time), with the total for the filter. */
  list(organizationId: string, f: IncidentFilter): Promise<[Incident[], number]> {
    const where: FindOptionsWhere<Incident> = { organizationId };
    if (f.status) where.status = f.status;
    if (f.platform) where.platform = f.platform as MonitorPlatform;
    return this.incidents.findAndCount({
      where,
      order: { openedAt: 'DESC', id: 'ASC' },
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    });
  }

  async get(organizationId: string, id: string): Promise<{ incident: Incident; events: IncidentEvent[] }> {
    const incident = await this.incidents.findOneBy({ id, organizationId });
    if (!incident) throw new NotFoundException('Incident not found');
    const events = await this.events.find({ where: { incidentId: id, organizationId }, order: { id: 'ASC' } });
    return { incident, events };
  }
}
