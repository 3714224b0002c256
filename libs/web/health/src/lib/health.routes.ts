import { Route } from '@angular/router';
import { adminGuard } from '@postprober/web/data-access';
import { HealthPage } from './health-page';
import { MonitorsPage } from './monitors-page';

export const healthRoutes: Route[] = [
  { path: '', component: HealthPage },
  { path: 'monitors', title: 'Monitors · PostProber AI', canActivate: [adminGuard], component: MonitorsPage },
];
