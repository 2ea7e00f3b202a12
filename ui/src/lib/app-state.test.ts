import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./backend', () => ({
  appInfo: vi.fn(),
  saveSettings: vi.fn(),
  backupDatabase: vi.fn(),
}));

import * as backend from './backend';
import { appState, DEFAULT_SETTINGS } from './app-state.svelte';
import { i18n } from './i18n.svelte';

const info = {
  version: '0.1.0',
  dataDir: '/data',
  databasePath: '/data/tebiki.db',
  settings: { language: 'en-US', theme: 'dark', textSize: 'large', pack: 'kobe', approvers: '' },
} as const;

describe('appState', () => {
  beforeEach(() => {
    vi.mocked(backend.appInfo).mockReset();
    vi.mocked(backend.saveSettings).mockReset();
    appState.settings = { ...DEFAULT_SETTINGS };
    appState.error = null;
    i18n.lang = 'ja-JP';
  });

  it('loads the stored settings and switches the UI language', async () => {
    vi.mocked(backend.appInfo).mockResolvedValue({ ...info, settings: { ...info.settings } });
    await appState.load();
    expect(appState.settings).toEqual(info.settings);
    expect(i18n.lang).toBe('en-US');
    expect(i18n.t('nav-settings')).toBe('Settings');
  });

  it('saves a change with the full settings and applies it at once', async () => {
    vi.mocked(backend.saveSettings).mockImplementation(async (s) => s);
    const ok = await appState.update({ language: 'en-US' });
    expect(ok).toBe(true);
    expect(backend.saveSettings).toHaveBeenCalledWith({ language: 'en-US', theme: 'system', textSize: 'standard', pack: null, approvers: '' });
    expect(i18n.lang).toBe('en-US');
  });

  it('reverts and explains in the previous language when saving fails', async () => {
    vi.mocked(backend.saveSettings).mockRejectedValue('disk full');
    const ok = await appState.update({ language: 'en-US' });
    expect(ok).toBe(false);
    expect(appState.settings.language).toBe('ja-JP');
    expect(i18n.lang).toBe('ja-JP');
    expect(appState.error).toBe('設定を保存できませんでした：disk full');
  });
});
