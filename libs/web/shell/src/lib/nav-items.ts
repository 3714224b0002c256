export interface NavItem {
  /** Used for the `nav-<id>` test id. */
  readonly id: string;
  readonly label: string;
  readonly path: string;
  readonly adminOnly: boolean;
}

/** The portal's sections, in menu order. Admin-only items are also guarded on their routes. */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'dashboard', label: 'Dashboard', path: '/', adminOnly: false },
  { id: 'compose', label: 'Compose', path: '/compose', adminOnly: false },
  { id: 'analytics', label: 'Analytics', path: '/analytics', adminOnly: false },
  { id: 'health', label: 'Health', path: '/health', adminOnly: false },
  { id: 'incidents', label: 'Incidents', path: '/incidents', adminOnly: true },
  { id: 'settings', label: 'Settings', path: '/settings', adminOnly: true },
];
