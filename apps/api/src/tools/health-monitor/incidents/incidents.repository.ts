import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, Repository } from 'typeorm';
import type { Tx } from '../../../core/database/transactions';
import { IncidentEvent } from '../entities/incident-event.entity';
import { Incident, type IncidentStatus } from '../entities/incident.entity';
import type { MonitorPlatform } from '../probes/platform-probe.port';

export interface IncidentFilter {
  status?: IncidentStatus;
  platform?: string;
  page: number;
  pageSize: number;
}

/** What a new incident is created with; id comes from the database. */
export type NewIncident = Omit<Incident, 'id' | 'organization' | 'monitor' | 'createdAt' | 'updatedAt'>;
/** What a new incident event is written with. */
export type NewIncidentEvent = Pick<IncidentEvent, 'organizationId' | 'incidentId' | 'type' | 'severity' | 'message'>;

/** Incidents and their events (incident_events). */
@Injectable()
export class IncidentsRepository {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    @InjectRepository(IncidentEvent) private readonly events: Repository<IncidentEvent>,
  ) {}

  /** A page of the organization's incidents, newest opening first (ties by id), with the total for the filter. */
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

  /** The organization's incident with its events, oldest event first; null when it has no such incident. */
  async findWithEvents(organizationId: string, id: string): Promise<{ incident: Incident; events: IncidentEvent[] } | null> {
    const incident = await this.incidents.findOneBy({ id, organizationId });
    if (!incident) return null;
    const events = await this.events.find({ where: { incidentId: id, organizationId }, order: { id: 'ASC' } });
    return { incident, events };
  }

  /** Inside `tx`: the incident by id, or null. */
  findById(tx: Tx, id: string): Promise<Incident | null> {
    return tx.getRepository(Incident).findOneBy({ id });
  }

  /** Inside `tx`: inserts an incident. */
  create(tx: Tx, incident: NewIncident): Promise<Incident> {
    const repo = tx.getRepository(Incident);
    return repo.save(repo.create(incident));
  }

  /** Inside `tx`: writes the changed fields of an incident read with findById. */
  save(tx: Tx, incident: Incident): Promise<Incident> {
    return tx.getRepository(Incident).save(incident);
  }

  /** Inside `tx`: appends an event to an incident's timeline. */
  async addEvent(tx: Tx, event: NewIncidentEvent): Promise<void> {
    await tx.getRepository(IncidentEvent).insert(event);
  }
}
