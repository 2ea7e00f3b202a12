// Which mode the app is in (職員モード / 管理者モード), as the Rust side
// decides it: refreshed after every change, every 30 s (idle time ends
// 管理者モード there) and when the window gets the focus again.
import * as backend from './backend';
import type { AccessStatus } from './bindings/AccessStatus';

class Access {
  status = $state<AccessStatus | null>(null);
  /** The passphrase dialog is open. */
  dialogOpen = $state(false);

  get admin(): boolean {
    return this.status?.admin ?? false;
  }

  async refresh(): Promise<void> {
    try {
      this.status = await backend.accessStatus();
    } catch {
      // keep the last known status; commands refuse on their own
    }
  }

  async enter(passphrase: string): Promise<void> {
    this.status = await backend.enterAdmin(passphrase);
    this.dialogOpen = false;
  }

  async leave(): Promise<void> {
    this.status = await backend.leaveAdmin();
  }

  async setPassphrase(next: string, current: string | null): Promise<void> {
    this.status = await backend.setPassphrase(next, current);
    this.dialogOpen = false;
  }

  start(): () => void {
    void this.refresh();
    const timer = setInterval(() => void this.refresh(), 30_000);
    const onFocus = () => void this.refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }
}

export const access = new Access();

/** Whether two typed passphrases may be saved: long enough and the same. */
export function passphraseProblem(next: string, again: string, min: number): 'short' | 'mismatch' | null {
  if ([...next.trim()].length < min) return 'short';
  if (next !== again) return 'mismatch';
  return null;
}
