import { Route } from '@angular/router';
import { AnalyticsPage } from './analytics-page';

export const analyticsRoutes: Route[] = [{ path: '', component: AnalyticsPage }];
