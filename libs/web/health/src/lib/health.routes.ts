import { Route } from '@angular/router';
import { HealthPage } from './health-page';

export const healthRoutes: Route[] = [{ path: '', component: HealthPage }];
