// The one module that talks to the Rust side. Screens import from here, and
// unit tests replace it with `vi.mock('./backend')`.
import { invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { AppInfo } from './bindings/AppInfo';
import type { BookmarkView } from './bindings/BookmarkView';
import type { ClauseView } from './bindings/ClauseView';
import type { ImportInspection } from './bindings/ImportInspection';
import type { PackOutline } from './bindings/PackOutline';
import type { PackSummary } from './bindings/PackSummary';
import type { SearchResults } from './bindings/SearchResults';
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

export function printPage(): Promise<void> {
  return invoke<void>('print_page');
}

export function listPacks(): Promise<PackSummary[]> {
  return invoke<PackSummary[]>('list_packs');
}

export function packOutline(packId: string): Promise<PackOutline> {
  return invoke<PackOutline>('pack_outline', { packId });
}

export function clauseView(clauseId: string, highlight?: string | null): Promise<ClauseView> {
  return invoke<ClauseView>('clause_view', { clauseId, highlight: highlight ?? null });
}

export function search(query: string, pack: string | null, limit = 30): Promise<SearchResults> {
  return invoke<SearchResults>('search', { query, pack, limit });
}

export function toggleBookmark(clauseId: string): Promise<boolean> {
  return invoke<boolean>('toggle_bookmark', { clauseId });
}

export function bookmarks(): Promise<BookmarkView[]> {
  return invoke<BookmarkView[]>('bookmarks');
}

/** Asks for a pack folder (or a zip with `zip: true`). Null when cancelled. */
export async function choosePackPath(zip: boolean): Promise<string | null> {
  const picked = await open(
    zip ? { multiple: false, filters: [{ name: 'zip', extensions: ['zip'] }] } : { multiple: false, directory: true },
  );
  return typeof picked === 'string' ? picked : null;
}

export function inspectPack(path: string): Promise<ImportInspection> {
  return invoke<ImportInspection>('inspect_pack', { path });
}

export function importPack(path: string, confirmUpgrade: boolean): Promise<PackSummary> {
  return invoke<PackSummary>('import_pack', { path, confirmUpgrade });
}
