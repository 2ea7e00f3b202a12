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
import type { DepartmentMembers } from './bindings/DepartmentMembers';
import type { RecordedSession } from './bindings/RecordedSession';
import type { RosterField } from './bindings/RosterField';
import type { RosterPlan } from './bindings/RosterPlan';
import type { RosterPreview } from './bindings/RosterPreview';
import type { SearchResults } from './bindings/SearchResults';
import type { SessionInput } from './bindings/SessionInput';
import type { TrainingScreen } from './bindings/TrainingScreen';
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

/** Asks for a CSV file to read. Null when cancelled. */
export async function chooseCsv(): Promise<string | null> {
  const picked = await open({ multiple: false, filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }] });
  return typeof picked === 'string' ? picked : null;
}

/** Asks where to save a CSV. Null when cancelled. */
export async function chooseCsvDestination(suggestedName: string): Promise<string | null> {
  return (await save({ defaultPath: suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }] })) ?? null;
}

export function rosterPreview(path: string, mapping: (RosterField | null)[] | null, full: boolean): Promise<RosterPreview> {
  return invoke<RosterPreview>('roster_preview', { path, mapping, full });
}

export function rosterImport(path: string, mapping: (RosterField | null)[] | null, full: boolean): Promise<RosterPlan> {
  return invoke<RosterPlan>('roster_import', { path, mapping, full });
}

export function trainingScreen(year: number | null): Promise<TrainingScreen> {
  return invoke<TrainingScreen>('training_screen', { year });
}

export function departments(): Promise<DepartmentMembers[]> {
  return invoke<DepartmentMembers[]>('departments');
}

export function recordSession(input: SessionInput): Promise<RecordedSession> {
  return invoke<RecordedSession>('record_session', { input });
}

export function exportOverdue(year: number, path: string, shiftJis: boolean): Promise<string> {
  return invoke<string>('export_overdue', { year, path, shiftJis });
}
