import { Route } from '@angular/router';
import { DashboardPage } from './dashboard-page';

export const dashboardRoutes: Route[] = [{ path: '', component: DashboardPage }];
