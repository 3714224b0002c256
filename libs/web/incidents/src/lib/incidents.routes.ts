import { Route } from '@angular/router';
import { IncidentsPage } from './incidents-page';

export const incidentsRoutes: Route[] = [{ path: '', component: IncidentsPage }];
