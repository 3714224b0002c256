import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';

/** Disclosure button showing who is signed in, opening a panel with role and Sign out. */
@Component({
  selector: 'pp-user-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:click)': 'closeWhenOutside($event)',
    '(keydown.escape)': 'closeAndFocusButton()',
  },
  templateUrl: './user-menu.html',
  styleUrl: './user-menu.css',
})
export class UserMenu {
  readonly name = input.required<string>();
  readonly email = input('');
  readonly role = input.required<string>();
  readonly signOut = output<void>();

  protected readonly open = signal(false);
  protected readonly initials = computed(() =>
    this.name()
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase() ?? '')
      .join(''),
  );

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly button = viewChild.required<ElementRef<HTMLButtonElement>>('menuButton');

  protected toggle(): void {
    this.open.update((value) => !value);
  }

  protected closeWhenOutside(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node)) {
      this.open.set(false);
    }
  }

  protected closeAndFocusButton(): void {
    if (!this.open()) return;
    this.open.set(false);
    this.button().nativeElement.focus();
  }

  protected requestSignOut(): void {
    this.open.set(false);
    this.signOut.emit();
  }
}
