// The one module that talks to the Rust side. Screens import from here, and
// unit tests replace it with `vi.mock('./backend')`.
import { Channel, invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type { AppInfo } from './bindings/AppInfo';
import type { BookmarkView } from './bindings/BookmarkView';
import type { ClauseView } from './bindings/ClauseView';
import type { ImportInspection } from './bindings/ImportInspection';
import type { DraftReport } from './bindings/DraftReport';
import type { DraftOptions } from './bindings/DraftOptions';
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
import type { AttendanceMatch } from './bindings/AttendanceMatch';
import type { Course } from './bindings/Course';
import type { CourseDraft } from './bindings/CourseDraft';
import type { DateLabel } from './bindings/DateLabel';
import type { Department } from './bindings/Department';
import type { ImportProgress } from './bindings/ImportProgress';
import type { PersonHistory } from './bindings/PersonHistory';
import type { StaffHit } from './bindings/StaffHit';
import type { ImportReport } from './bindings/ImportReport';
import type { InspectionView } from './bindings/InspectionView';
import type { ItemAnswer } from './bindings/ItemAnswer';
import type { Respondent } from './bindings/Respondent';
import type { DashboardView } from './bindings/DashboardView';
import type { ReportFile } from './bindings/ReportFile';
import type { SessionRow } from './bindings/SessionRow';
import type { RemedySort } from './bindings/RemedySort';
import type { SelfcheckScreen } from './bindings/SelfcheckScreen';
import type { Submission } from './bindings/Submission';
import type { AccessStatus } from './bindings/AccessStatus';
import type { AuditRow } from './bindings/AuditRow';
import type { AuditVerdict } from './bindings/AuditVerdict';

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

// 設定 → ポリシーパックの作成 (issue 20)
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

export function draftPackPreview(path: string, options: DraftOptions): Promise<DraftReport> {
  return invoke<DraftReport>('draft_pack_preview', { path, options });
}

/** Writes the drafted pack; into `outDir`, else a new folder for the import. Returns the folder. */
export function draftPackWrite(path: string, options: DraftOptions, outDir: string | null): Promise<string> {
  return invoke<string>('draft_pack_write', { path, options, outDir });
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

/** Imports the roster; `onProgress` hears how many people are written so far. */
export function rosterImport(
  path: string,
  mapping: (RosterField | null)[] | null,
  full: boolean,
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<RosterPlan> {
  const channel = new Channel<ImportProgress>();
  channel.onmessage = onProgress;
  return invoke<RosterPlan>('roster_import', { path, mapping, full, onProgress: channel });
}

export function addCourse(draft: CourseDraft): Promise<Course> {
  return invoke<Course>('add_course', { draft });
}

export function removeCourse(courseId: string): Promise<void> {
  return invoke<void>('remove_course', { courseId });
}

export function departmentList(): Promise<Department[]> {
  return invoke<Department[]>('department_list');
}

export function saveDepartment(code: string, name: string): Promise<void> {
  return invoke<void>('save_department', { code, name });
}

export function setDepartmentActive(code: string, active: boolean): Promise<void> {
  return invoke<void>('set_department_active', { code, active });
}

export function findStaff(query: string): Promise<StaffHit[]> {
  return invoke<StaffHit[]>('find_staff', { query });
}

export function personHistory(employeeNo: string, year: number): Promise<PersonHistory> {
  return invoke<PersonHistory>('person_history', { employeeNo, year });
}

export function setStaffRoles(employeeNo: string, roles: string[]): Promise<void> {
  return invoke<void>('set_staff_roles', { employeeNo, roles });
}

export function attendancePreview(path: string): Promise<AttendanceMatch> {
  return invoke<AttendanceMatch>('attendance_preview', { path });
}

/** A typed date read back as ISO and 和暦; null when it is not a date. */
export function describeDate(text: string): Promise<DateLabel | null> {
  return invoke<DateLabel | null>('describe_date', { text });
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

// 自己点検

export function selfcheckScreen(year: number | null): Promise<SelfcheckScreen> {
  return invoke<SelfcheckScreen>('selfcheck_screen', { year });
}

export function startInspection(year: number, role: string, respondent: Respondent, prefill: boolean): Promise<InspectionView> {
  return invoke<InspectionView>('start_inspection', { year, role, respondent, prefill });
}

export function inspectionView(inspectionId: number): Promise<InspectionView> {
  return invoke<InspectionView>('inspection_view', { inspectionId });
}

/** Saves one answer at once; resolves to the page's problems as they now stand. */
export function saveAnswer(inspectionId: number, answer: ItemAnswer): Promise<InspectionView> {
  return invoke<InspectionView>('save_answer', { inspectionId, answer });
}

export function submitInspection(inspectionId: number): Promise<Submission> {
  return invoke<Submission>('submit_inspection', { inspectionId });
}

export function reopenInspection(year: number, employeeNo: string, role: string): Promise<InspectionView> {
  return invoke<InspectionView>('reopen_inspection', { year, employeeNo, role });
}

/** Asks where to save the submission file (suggesting its name), then writes it. Null when cancelled. */
export async function exportSubmission(submissionId: number, path: string | null = null): Promise<string | null> {
  let target = path;
  if (!target) {
    const name = await invoke<string>('submission_file_name', { submissionId });
    target = (await save({ defaultPath: name, filters: [{ name: 'JSON', extensions: ['json'] }] })) ?? null;
  }
  if (!target) return null;
  return invoke<string>('export_submission', { submissionId, path: target });
}

/** Asks for submission files (several may be chosen) or a folder. Null when cancelled. */
export async function chooseSubmissions(folder: boolean): Promise<string[] | null> {
  const picked = folder
    ? await open({ directory: true, multiple: false })
    : await open({ multiple: true, filters: [{ name: 'JSON', extensions: ['json'] }] });
  if (!picked) return null;
  return Array.isArray(picked) ? picked : [picked];
}

export function importSubmissions(paths: string[], onProgress: (p: ImportProgress) => void = () => {}): Promise<ImportReport> {
  const channel = new Channel<ImportProgress>();
  channel.onmessage = onProgress;
  return invoke<ImportReport>('import_submissions', { paths, onProgress: channel });
}

/** The 集計, its long lists cut to a page (full counts beside them), 改善策 in `sort` order. */
export function selfcheckDashboard(year: number, sort: RemedySort): Promise<DashboardView> {
  return invoke<DashboardView>('selfcheck_dashboard', { year, sort });
}

export function exportRemedies(year: number, path: string, shiftJis: boolean): Promise<string> {
  return invoke<string>('export_remedies', { year, path, shiftJis });
}

// 報告書

/** Asks where to save a PDF. Null when cancelled. */
export async function choosePdfDestination(suggestedName: string): Promise<string | null> {
  return (await save({ defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] })) ?? null;
}

export function exportReport(
  kind: 'selfcheck' | 'training' | 'certificate',
  year: number,
  dept: string | null,
  staff: string | null,
  session: number | null,
  path: string,
): Promise<ReportFile> {
  return invoke<ReportFile>('export_report', { kind, year, dept, staff, session, path });
}

/** The sessions of a 年度 with their course titles. */
export function sessionsOfYear(year: number): Promise<[SessionRow, string][]> {
  return invoke<[SessionRow, string][]>('sessions_of_year', { year });
}

export function revealInFolder(path: string): Promise<void> {
  return invoke<void>('reveal_in_folder', { path });
}

// 職員モード / 管理者モード and the 操作記録 (src-tauri/src/access.rs).

export function accessStatus(): Promise<AccessStatus> {
  return invoke<AccessStatus>('access_status');
}

export function enterAdmin(passphrase: string): Promise<AccessStatus> {
  return invoke<AccessStatus>('enter_admin', { passphrase });
}

export function leaveAdmin(): Promise<AccessStatus> {
  return invoke<AccessStatus>('leave_admin');
}

/** First time: sets it (the data is encrypted). Later: changes it, given the current one. */
export function setPassphrase(newPassphrase: string, current: string | null): Promise<AccessStatus> {
  return invoke<AccessStatus>('set_passphrase', { newPassphrase, current });
}

export function auditEntries(before: number | null, limit: number): Promise<AuditRow[]> {
  return invoke<AuditRow[]>('audit_entries', { before, limit });
}

export function verifyAudit(): Promise<AuditVerdict> {
  return invoke<AuditVerdict>('verify_audit');
}

/** Writes the 操作記録 as CSV to `path`. */
export function exportAudit(path: string, shiftJis: boolean): Promise<string> {
  return invoke<string>('export_audit', { path, shiftJis });
}
