// The app's settings as the UI sees them: loaded once, changed through the
// backend, applied to the document (language, theme, text size).
import * as backend from './backend';
import { i18n, translate } from './i18n.svelte';
import type { AppInfo } from './bindings/AppInfo';
import type { Settings } from './bindings/Settings';

export const DEFAULT_SETTINGS: Settings = { language: 'ja-JP', theme: 'system', textSize: 'standard', pack: null, approvers: '' };

class AppState {
  info = $state<AppInfo | null>(null);
  settings = $state<Settings>({ ...DEFAULT_SETTINGS });
  /** The last error to show the user, already in their language. */
  error = $state<string | null>(null);

  async load(): Promise<void> {
    try {
      this.info = await backend.appInfo();
      this.settings = { ...this.info.settings };
    } catch (e) {
      this.error = String(e);
    }
    this.apply();
  }

  /** Applies a change at once and saves it; on failure, reverts and says why. */
  async update(change: Partial<Settings>): Promise<boolean> {
    const before = { ...this.settings };
    this.settings = { ...before, ...change };
    this.apply();
    try {
      this.settings = await backend.saveSettings({ ...this.settings });
      this.error = null;
      return true;
    } catch (e) {
      this.settings = before;
      this.apply();
      this.error = translate(before.language, 'settings-save-failed', { reason: String(e) });
      return false;
    }
  }

  private apply(): void {
    i18n.lang = this.settings.language;
    if (typeof document === 'undefined') return;
    const root = document.documentElement;
    root.lang = this.settings.language === 'ja-JP' ? 'ja' : 'en';
    root.dataset.theme = this.settings.theme;
    root.dataset.scheme = effectiveScheme(this.settings.theme);
    root.dataset.textSize = this.settings.textSize;
    document.title = translate(this.settings.language, 'app-title');
  }
}

/** The colours to use: the chosen theme, or the OS preference for 'system'. */
export function effectiveScheme(theme: Settings['theme']): 'light' | 'dark' {
  if (theme !== 'system') return theme;
  return typeof matchMedia !== 'undefined' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const appState = new AppState();

// Follow the OS when it switches between light and dark.
if (typeof matchMedia !== 'undefined') {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    document.documentElement.dataset.scheme = effectiveScheme(appState.settings.theme);
  });
}
