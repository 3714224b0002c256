import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '@postprober/web/data-access';
import { AlertsBell } from './alerts-bell';
import { NAV_ITEMS } from './nav-items';
import { UserMenu } from './user-menu';

/** The signed-in frame: header (product, organization, user menu), navigation and the page. */
@Component({
  selector: 'pp-shell-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, UserMenu, AlertsBell],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell-layout.html',
  styleUrl: './shell-layout.css',
})
export class ShellLayout {
  private readonly store = inject(AuthStore);

  protected readonly user = this.store.user;
  protected readonly organization = this.store.organization;
  protected readonly navItems = computed(() =>
    NAV_ITEMS.filter((item) => !item.adminOnly || this.store.isAdmin()),
  );
  protected readonly sessionError = signal(false);

  constructor() {
    // The auth guard loads the account; if the API was unreachable then, try again here.
    if (!this.store.session()) void this.retrySession();
  }

  protected async retrySession(): Promise<void> {
    this.sessionError.set(false);
    try {
      await this.store.loadSession();
    } catch {
      this.sessionError.set(true);
    }
  }

  protected signOut(): Promise<void> {
    return this.store.signOutAndRedirect();
  }

  /** In-page skip link: a plain `#id` href would be resolved against <base href> and reload. */
  protected skipToMain(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }
}
