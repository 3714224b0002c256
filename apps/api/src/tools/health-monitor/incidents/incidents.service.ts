import { Injectable, NotFoundException } from '@nestjs/common';
import type { IncidentEvent } from '../entities/incident-event.entity';
import type { Incident } from '../entities/incident.entity';
import { type IncidentFilter, IncidentsRepository } from './incidents.repository';

/** Reads an organization's incidents; another organization's are "not found". */
@Injectable()
export class IncidentsService {
  constructor(private readonly incidents: IncidentsRepository) {}

  /** Newest first (by opening time), with the total for the filter. */
  list(organizationId: string, f: IncidentFilter): Promise<[Incident[], number]> {
    return this.incidents.list(organizationId, f);
  }

  async get(organizationId: string, id: string): Promise<{ incident: Incident; events: IncidentEvent[] }> {
    const found = await this.incidents.findWithEvents(organizationId, id);
    if (!found) throw new NotFoundException('Incident not found');
    return found;
  }
}
