// The one module that talks to the Rust side. Screens import from here, and
// unit tests replace it with `vi.mock('./backend')`.
import { invoke } from '@tauri-apps/api/core';
import { save } from '@tauri-apps/plugin-dialog';
import type { AppInfo } from './bindings/AppInfo';
import type { Settings } from './bindings/Settings';

export function appInfo(): Promise<AppInfo> {
  return invoke<AppInfo>('app_info');
}

export function saveSettings(settings: Settings): Promise<Settings> {
  return invoke<Settings>('save_settings', { settings });
}

/** Asks where to save, then writes the backup. Resolves to null when the user cancels. */
export async function backupDatabase(suggestedName: string): Promise<string | null> {
  const path = await save({
    defaultPath: suggestedName,
    filters: [{ name: 'Tebiki backup', extensions: ['db'] }],
  });
  if (!path) return null;
  return invoke<string>('backup_database', { path });
}
