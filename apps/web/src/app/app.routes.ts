import { Route } from '@angular/router';
import {
  adminGuard,
  authGuard,
  guestGuard,
  setupGuard,
  setupRedirectGuard,
} from '@postprober/web/data-access';
import { ShellLayout } from '@postprober/web/shell';

const title = (page: string) => `${page} · PostProber AI`;

export const appRoutes: Route[] = [
  {
    path: 'setup',
    title: title('Set up'),
    canActivate: [guestGuard, setupGuard],
    loadComponent: () => import('@postprober/web/auth').then((m) => m.SetupPage),
  },
  {
    path: 'login',
    title: title('Sign in'),
    canActivate: [guestGuard, setupRedirectGuard],
    loadComponent: () => import('@postprober/web/auth').then((m) => m.LoginPage),
  },
  {
    path: '',
    component: ShellLayout,
    canActivate: [authGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: title('Dashboard'),
        loadChildren: () => import('@postprober/web/dashboard').then((m) => m.dashboardRoutes),
      },
      {
        path: 'compose',
        title: title('Compose'),
        loadChildren: () => import('@postprober/web/compose').then((m) => m.composeRoutes),
      },
      {
        path: 'analytics',
        title: title('Analytics'),
        loadChildren: () => import('@postprober/web/analytics').then((m) => m.analyticsRoutes),
      },
      {
        path: 'health',
        title: title('Health'),
        loadChildren: () => import('@postprober/web/health').then((m) => m.healthRoutes),
      },
      {
        path: 'incidents',
        title: title('Incidents'),
        canActivate: [adminGuard],
        loadChildren: () => import('@postprober/web/incidents').then((m) => m.incidentsRoutes),
      },
      {
        path: 'settings',
        title: title('Settings'),
        canActivate: [adminGuard],
        loadChildren: () => import('@postprober/web/settings').then((m) => m.settingsRoutes),
      },
    ],
  },
  { path: '**', redirectTo: '' },
];
