import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  AuthService,
  LoginDto,
  MeResponseDto,
  SetupDto,
  TokenResponseDto,
} from '@postprober/api-client';
import { StoredToken, TOKEN_STORAGE_KEY, TokenStorage, parse } from './token-storage';

export type Session = MeResponseDto;

/** The signed-in user's token and account, as signals, plus the calls that change them. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly auth = inject(AuthService);
  private readonly storage = inject(TokenStorage);
  private readonly router = inject(Router);

  private readonly tokenState = signal<StoredToken | null>(this.storage.read());
  private readonly sessionState = signal<Session | null>(null);
  private sessionRequest: Promise<Session> | null = null;

  readonly isAuthenticated = computed(() => this.tokenState() !== null);
  readonly session = this.sessionState.asReadonly();
  readonly user = computed(() => this.sessionState()?.user ?? null);
  readonly organization = computed(() => this.sessionState()?.organization ?? null);
  readonly isAdmin = computed(() => this.user()?.role === 'admin');

  constructor() {
    // Signing in or out in another tab changes localStorage; follow it here.
    const onStorage = (event: StorageEvent) => {
      if (event.key === TOKEN_STORAGE_KEY) this.followOtherTab(event.newValue);
    };
    globalThis.addEventListener?.('storage', onStorage);
    inject(DestroyRef).onDestroy(() => globalThis.removeEventListener?.('storage', onStorage));
  }

  /** The token to send, or null when there is none or it has expired (which signs out). */
  accessToken(now = Date.now()): string | null {
    const stored = this.tokenState();
    if (!stored) return null;
    if (stored.expiresAt <= now) {
      this.signOut();
      return null;
    }
    return stored.token;
  }

  /** True until the first admin exists (GET /api/auth/setup). */
  async needsSetup(): Promise<boolean> {
    const status = await this.auth.getSetupStatus();
    return status.needs_setup;
  }

  async login(credentials: LoginDto): Promise<Session> {
    const token = await this.auth.login({ body: credentials });
    return this.startSession(token);
  }

  /** First run: creates the organization and its admin, then signs that admin in. */
  async setup(details: SetupDto): Promise<Session> {
    const token = await this.auth.setup({ body: details });
    return this.startSession(token);
  }

  /** The current account (GET /api/auth/me), fetched once per sign-in and shared by callers. */
  loadSession(): Promise<Session> {
    const current = this.sessionState();
    if (current) return Promise.resolve(current);
    if (!this.sessionRequest) {
      const request = this.auth.getMe().then(
        (session) => {
          // Ignore an answer that arrives after sign-out.
          if (this.sessionRequest === request) this.sessionState.set(session);
          return session;
        },
        (error: unknown) => {
          if (this.sessionRequest === request) this.sessionRequest = null;
          throw error;
        },
      );
      this.sessionRequest = request;
    }
    return this.sessionRequest;
  }

  signOut(): void {
    this.storage.clear();
    this.tokenState.set(null);
    this.sessionState.set(null);
    this.sessionRequest = null;
  }

  /** Signs out and shows the login page; `returnUrl` brings the user back after signing in. */
  async signOutAndRedirect(returnUrl?: string): Promise<void> {
    this.signOut();
    const queryParams = returnUrl && returnUrl !== '/' && !returnUrl.startsWith('/login')
      ? { returnUrl }
      : {};
    await this.router.navigate(['/login'], { queryParams });
  }

  private async startSession(token: TokenResponseDto): Promise<Session> {
    this.signOut();
    this.tokenState.set(this.storage.write(token.access_token, token.expires_in));
    return this.loadSession();
  }

  private followOtherTab(raw: string | null): void {
    const next = raw ? parse(raw) : null;
    if (next?.token === this.tokenState()?.token) return;
    if (!next) {
      void this.signOutAndRedirect();
      return;
    }
    // Another account signed in elsewhere: drop this one's cached details and load the new ones.
    this.sessionState.set(null);
    this.sessionRequest = null;
    this.tokenState.set(next);
    void this.loadSession().catch(() => undefined);
  }
}
