// The system's file dialogs (open and save), apart from the IPC module: a
// screen asks for a path here, then hands it to a command in backend.ts.
import { open, save } from '@tauri-apps/plugin-dialog';

/** Asks where to save a file of `extension`. Null when cancelled. */
export async function chooseDestination(suggestedName: string, filterName: string, extension: string): Promise<string | null> {
  return (await save({ defaultPath: suggestedName, filters: [{ name: filterName, extensions: [extension] }] })) ?? null;
}

export function chooseCsvDestination(suggestedName: string): Promise<string | null> {
  return chooseDestination(suggestedName, 'CSV', 'csv');
}

export function choosePdfDestination(suggestedName: string): Promise<string | null> {
  return chooseDestination(suggestedName, 'PDF', 'pdf');
}

export function chooseJsonDestination(suggestedName: string): Promise<string | null> {
  return chooseDestination(suggestedName, 'JSON', 'json');
}

export function chooseBackupDestination(suggestedName: string): Promise<string | null> {
  return chooseDestination(suggestedName, 'Tebiki backup', 'db');
}

/** Asks for a pack folder (or a zip with `zip: true`). Null when cancelled. */
export async function choosePackPath(zip: boolean): Promise<string | null> {
  const picked = await open(
    zip ? { multiple: false, filters: [{ name: 'zip', extensions: ['zip'] }] } : { multiple: false, directory: true },
  );
  return typeof picked === 'string' ? picked : null;
}

/** Asks for a CSV file to read. Null when cancelled. */
export async function chooseCsv(): Promise<string | null> {
  const picked = await open({ multiple: false, filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }] });
  return typeof picked === 'string' ? picked : null;
}

/** Asks for submission files (several may be chosen) or a folder. Null when cancelled. */
export async function chooseSubmissions(folder: boolean): Promise<string[] | null> {
  const picked = folder
    ? await open({ directory: true, multiple: false })
    : await open({ multiple: true, filters: [{ name: 'JSON', extensions: ['json'] }] });
  if (!picked) return null;
  return Array.isArray(picked) ? picked : [picked];
}

/** Asks for the policy file to draft a pack from. Null when cancelled. */
export async function choosePolicyFile(): Promise<string | null> {
  const picked = await open({ multiple: false, filters: [{ name: 'policy', extensions: ['txt', 'html', 'htm', 'docx', 'pdf'] }] });
  return typeof picked === 'string' ? picked : null;
}

/** Asks for a folder to write into. Null when cancelled. */
export async function chooseFolder(): Promise<string | null> {
  const picked = await open({ multiple: false, directory: true });
  return typeof picked === 'string' ? picked : null;
}
