import { Route } from '@angular/router';
import { ComposePage } from './compose-page';

export const composeRoutes: Route[] = [{ path: '', component: ComposePage }];
