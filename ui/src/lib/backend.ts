// The commands of the Rust side, one function each. Requests are the types
// generated from Rust (bindings/*Request.ts): a renamed field fails
// svelte-check. Screens import from here; unit tests replace it with
// `vi.mock('./backend')`. File dialogs are in dialogs.ts.
import { call, progressChannel } from './ipc';
import type { AppInfo } from './bindings/AppInfo';
import type { RemedyList } from './bindings/RemedyList';
import type { RemedyListRequest } from './bindings/RemedyListRequest';
import type { RemedyProgressRequest } from './bindings/RemedyProgressRequest';
import type { RemedyUpdate } from './bindings/RemedyUpdate';
import type { ElearningView } from './bindings/ElearningView';
import type { ElearningPerson } from './bindings/ElearningPerson';
import type { ElearningStep } from './bindings/ElearningStep';
import type { ElearningOpenRequest } from './bindings/ElearningOpenRequest';
import type { ElearningStepRequest } from './bindings/ElearningStepRequest';
import type { ElearningFileRequest } from './bindings/ElearningFileRequest';
import type { ImportResultsRequest } from './bindings/ImportResultsRequest';
import type { ExportResultsRequest } from './bindings/ExportResultsRequest';
import type { ResultsSummaryRequest } from './bindings/ResultsSummaryRequest';
import type { ResultsImportReport } from './bindings/ResultsImportReport';
import type { ElearningSummary } from './bindings/ElearningSummary';
import type { BookmarkView } from './bindings/BookmarkView';
import type { ClauseView } from './bindings/ClauseView';
import type { ImportInspection } from './bindings/ImportInspection';
import type { DraftReport } from './bindings/DraftReport';
import type { DraftOptions } from './bindings/DraftOptions';
import type { DraftPreviewRequest } from './bindings/DraftPreviewRequest';
import type { DraftWriteRequest } from './bindings/DraftWriteRequest';
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
import type { HeldSubmission } from './bindings/HeldSubmission';
import type { ImportOutcome } from './bindings/ImportOutcome';
import type { HeldRequest } from './bindings/HeldRequest';
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

import type { AuditEntriesRequest } from './bindings/AuditEntriesRequest';
import type { ClauseRequest } from './bindings/ClauseRequest';
import type { ClauseViewRequest } from './bindings/ClauseViewRequest';
import type { CsvExportRequest } from './bindings/CsvExportRequest';
import type { DashboardRequest } from './bindings/DashboardRequest';
import type { DepartmentActiveRequest } from './bindings/DepartmentActiveRequest';
import type { DescribeDateRequest } from './bindings/DescribeDateRequest';
import type { EnterAdminRequest } from './bindings/EnterAdminRequest';
import type { ExportSubmissionRequest } from './bindings/ExportSubmissionRequest';
import type { FindStaffRequest } from './bindings/FindStaffRequest';
import type { ImportPackRequest } from './bindings/ImportPackRequest';
import type { ImportSubmissionsRequest } from './bindings/ImportSubmissionsRequest';
import type { InspectionRequest } from './bindings/InspectionRequest';
import type { OptionalYearRequest } from './bindings/OptionalYearRequest';
import type { PackOutlineRequest } from './bindings/PackOutlineRequest';
import type { PathRequest } from './bindings/PathRequest';
import type { PersonHistoryRequest } from './bindings/PersonHistoryRequest';
import type { RecordSessionRequest } from './bindings/RecordSessionRequest';
import type { ReopenRequest } from './bindings/ReopenRequest';
import type { ReportRequest } from './bindings/ReportRequest';
import type { RosterPreviewRequest } from './bindings/RosterPreviewRequest';
import type { RosterImportRequest } from './bindings/RosterImportRequest';
import type { SaveAnswerRequest } from './bindings/SaveAnswerRequest';
import type { AnswerGateRequest } from './bindings/AnswerGateRequest';
import type { SaveDepartmentRequest } from './bindings/SaveDepartmentRequest';
import type { SaveSettingsRequest } from './bindings/SaveSettingsRequest';
import type { SearchRequest } from './bindings/SearchRequest';
import type { SetPassphraseRequest } from './bindings/SetPassphraseRequest';
import type { StaffRolesRequest } from './bindings/StaffRolesRequest';
import type { StartInspection } from './bindings/StartInspection';
import type { SubmissionRequest } from './bindings/SubmissionRequest';
import type { YearCsvExportRequest } from './bindings/YearCsvExportRequest';
import type { YearRequest } from './bindings/YearRequest';
import type { AddCourseRequest } from './bindings/AddCourseRequest';
import type { CourseRequest } from './bindings/CourseRequest';
import type { ReportKind } from './bindings/ReportKind';

export function appInfo(): Promise<AppInfo> {
  return call('app_info');
}

export function saveSettings(settings: Settings): Promise<Settings> {
  return call('save_settings', { req: { settings } satisfies SaveSettingsRequest });
}

/** Writes a backup to `path` (chosen in a save dialog). */
export function backupDatabase(path: string): Promise<string> {
  return call('backup_database', { req: { path } satisfies PathRequest });
}

export function printPage(): Promise<void> {
  return call('print_page');
}

export function listPacks(): Promise<PackSummary[]> {
  return call('list_packs');
}

export function packOutline(packId: string): Promise<PackOutline> {
  return call('pack_outline', { req: { packId } satisfies PackOutlineRequest });
}

export function clauseView(clauseId: string, highlight?: string | null): Promise<ClauseView> {
  return call('clause_view', { req: { clauseId, highlight: highlight ?? null } satisfies ClauseViewRequest });
}

export function search(query: string, pack: string | null, limit = 30): Promise<SearchResults> {
  return call('search', { req: { query, pack, limit } satisfies SearchRequest });
}

export function toggleBookmark(clauseId: string): Promise<boolean> {
  return call('toggle_bookmark', { req: { clauseId } satisfies ClauseRequest });
}

export function bookmarks(): Promise<BookmarkView[]> {
  return call('bookmarks');
}

export function inspectPack(path: string): Promise<ImportInspection> {
  return call('inspect_pack', { req: { path } satisfies PathRequest });
}

export function importPack(path: string, confirmUpgrade: boolean): Promise<PackSummary> {
  return call('import_pack', { req: { path, confirmUpgrade } satisfies ImportPackRequest });
}

// 設定 → ポリシーパックの作成
export function draftPackPreview(path: string, options: DraftOptions): Promise<DraftReport> {
  return call('draft_pack_preview', { req: { path, options } satisfies DraftPreviewRequest });
}

/** Writes the drafted pack; into `outDir`, else a new folder for the import (管理者モード). Returns the folder. */
export function draftPackWrite(path: string, options: DraftOptions, outDir: string | null): Promise<string> {
  return call('draft_pack_write', { req: { path, options, outDir } satisfies DraftWriteRequest });
}

export function rosterPreview(path: string, mapping: (RosterField | null)[] | null, full: boolean): Promise<RosterPreview> {
  return call('roster_preview', { req: { path, mapping, full } satisfies RosterPreviewRequest });
}

/** Imports the roster; `onProgress` hears how many people are written so far. */
export function rosterImport(
  path: string,
  mapping: (RosterField | null)[] | null,
  full: boolean,
  onProgress: (p: ImportProgress) => void = () => {},
  confirmMany = false,
): Promise<RosterPlan> {
  return call('roster_import', { req: { path, mapping, full, confirmMany } satisfies RosterImportRequest, onProgress: progressChannel(onProgress) });
}

export function addCourse(draft: CourseDraft): Promise<Course> {
  return call('add_course', { req: { draft } satisfies AddCourseRequest });
}

export function removeCourse(courseId: string): Promise<void> {
  return call('remove_course', { req: { courseId } satisfies CourseRequest });
}

export function departmentList(): Promise<Department[]> {
  return call('department_list');
}

export function saveDepartment(code: string, name: string): Promise<void> {
  return call('save_department', { req: { code, name } satisfies SaveDepartmentRequest });
}

export function setDepartmentActive(code: string, active: boolean): Promise<void> {
  return call('set_department_active', { req: { code, active } satisfies DepartmentActiveRequest });
}

export function findStaff(query: string): Promise<StaffHit[]> {
  return call('find_staff', { req: { query } satisfies FindStaffRequest });
}

export function personHistory(employeeNo: string, year: number): Promise<PersonHistory> {
  return call('person_history', { req: { employeeNo, year } satisfies PersonHistoryRequest });
}

export function setStaffRoles(employeeNo: string, roles: string[]): Promise<void> {
  return call('set_staff_roles', { req: { employeeNo, roles } satisfies StaffRolesRequest });
}

export function attendancePreview(path: string): Promise<AttendanceMatch> {
  return call('attendance_preview', { req: { path } satisfies PathRequest });
}

/** A typed date read back as ISO and 和暦; null when it is not a date. */
export function describeDate(text: string): Promise<DateLabel | null> {
  return call('describe_date', { req: { text } satisfies DescribeDateRequest });
}

export function trainingScreen(year: number | null): Promise<TrainingScreen> {
  return call('training_screen', { req: { year } satisfies OptionalYearRequest });
}

export function departments(): Promise<DepartmentMembers[]> {
  return call('departments');
}

export function recordSession(input: SessionInput): Promise<RecordedSession> {
  return call('record_session', { req: { input } satisfies RecordSessionRequest });
}

export function exportOverdue(year: number, path: string, shiftJis: boolean): Promise<string> {
  return call('export_overdue', { req: { year, path, shiftJis } satisfies YearCsvExportRequest });
}

// 自己点検

export function selfcheckScreen(year: number | null): Promise<SelfcheckScreen> {
  return call('selfcheck_screen', { req: { year } satisfies OptionalYearRequest });
}

export function startInspection(year: number, role: string, respondent: Respondent, prefill: boolean, onPaper = false): Promise<InspectionView> {
  return call('start_inspection', { req: { year, role, respondent, prefill, onPaper } satisfies StartInspection });
}

export function inspectionView(inspectionId: number): Promise<InspectionView> {
  return call('inspection_view', { req: { inspectionId } satisfies InspectionRequest });
}

/** Saves one answer at once; resolves to the page's problems as they now stand. */
export function saveAnswer(inspectionId: number, answer: ItemAnswer): Promise<InspectionView> {
  return call('save_answer', { req: { inspectionId, answer } satisfies SaveAnswerRequest });
}

/** Answers a screening question (事前確認): いいえ marks its group 該当なし, はい undoes that. */
export function answerGate(inspectionId: number, gateId: string, yes: boolean): Promise<InspectionView> {
  return call('answer_gate', { req: { inspectionId, gateId, yes } satisfies AnswerGateRequest });
}

export function submitInspection(inspectionId: number): Promise<Submission> {
  return call('submit_inspection', { req: { inspectionId } satisfies InspectionRequest });
}

export function reopenInspection(year: number, employeeNo: string, role: string): Promise<InspectionView> {
  return call('reopen_inspection', { req: { year, employeeNo, role } satisfies ReopenRequest });
}

/** The file name a submission is exported under. */
export function submissionFileName(submissionId: number): Promise<string> {
  return call('submission_file_name', { req: { submissionId } satisfies SubmissionRequest });
}

export function exportSubmission(submissionId: number, path: string): Promise<string> {
  return call('export_submission', { req: { submissionId, path } satisfies ExportSubmissionRequest });
}

export function importSubmissions(paths: string[], onProgress: (p: ImportProgress) => void = () => {}): Promise<ImportReport> {
  return call('import_submissions', { req: { paths } satisfies ImportSubmissionsRequest, onProgress: progressChannel(onProgress) });
}

/** The 集計, its long lists cut to a page (full counts beside them), 改善策 in `sort` order. */
export function selfcheckDashboard(year: number, sort: RemedySort): Promise<DashboardView> {
  return call('selfcheck_dashboard', { req: { year, sort } satisfies DashboardRequest });
}

/** Submission files held because their version skipped ahead. */
export function heldSubmissions(): Promise<HeldSubmission[]> {
  return call('held_submissions');
}

export function acceptHeld(id: number): Promise<ImportOutcome> {
  return call('accept_held', { req: { id } satisfies HeldRequest });
}

export function rejectHeld(id: number): Promise<HeldSubmission> {
  return call('reject_held', { req: { id } satisfies HeldRequest });
}

export function exportRemedies(year: number, path: string, shiftJis: boolean): Promise<string> {
  return call('export_remedies', { req: { year, path, shiftJis } satisfies YearCsvExportRequest });
}

// 報告書

export function exportReport(
  kind: ReportKind,
  year: number,
  dept: string | null,
  staff: string | null,
  session: number | null,
  path: string,
  detail = false,
  role: string | null = null,
): Promise<ReportFile> {
  const req: ReportRequest = { kind, year, dept, staff, session, approvers: null, author: null, date: null, pack: null, detail, role, path };
  return call('export_report', { req });
}

/** The sessions of a 年度 with their course titles. */
export function sessionsOfYear(year: number): Promise<[SessionRow, string][]> {
  return call('sessions_of_year', { req: { year } satisfies YearRequest });
}

export function revealInFolder(path: string): Promise<void> {
  return call('reveal_in_folder', { req: { path } satisfies PathRequest });
}

// 職員モード / 管理者モード and the 操作記録.

export function accessStatus(): Promise<AccessStatus> {
  return call('access_status');
}

export function enterAdmin(passphrase: string): Promise<AccessStatus> {
  return call('enter_admin', { req: { passphrase } satisfies EnterAdminRequest });
}

export function leaveAdmin(): Promise<AccessStatus> {
  return call('leave_admin');
}

/** First time: sets it (the data is encrypted). Later: changes it, given the current one. */
export function setPassphrase(newPassphrase: string, current: string | null): Promise<AccessStatus> {
  return call('set_passphrase', { req: { newPassphrase, current } satisfies SetPassphraseRequest });
}

export function auditEntries(before: number | null, limit: number): Promise<AuditRow[]> {
  return call('audit_entries', { req: { before, limit } satisfies AuditEntriesRequest });
}

export function verifyAudit(): Promise<AuditVerdict> {
  return call('verify_audit');
}

/** Writes the 操作記録 as CSV to `path`. */
export function exportAudit(path: string, shiftJis: boolean): Promise<string> {
  return call('export_audit', { req: { path, shiftJis } satisfies CsvExportRequest });
}

// e-ラーニング: the person's own course (職員モード) …

export function elearningOpen(person: ElearningPerson): Promise<ElearningView> {
  return call('elearning_open', { req: { person } satisfies ElearningOpenRequest });
}

export function elearningLesson(step: ElearningStep): Promise<ElearningView> {
  return call('elearning_lesson', { req: { step } satisfies ElearningStepRequest });
}

export function elearningStartTest(step: ElearningStep): Promise<ElearningView> {
  return call('elearning_start_test', { req: { step } satisfies ElearningStepRequest });
}

export function elearningAnswer(step: ElearningStep): Promise<ElearningView> {
  return call('elearning_answer', { req: { step } satisfies ElearningStepRequest });
}

export function elearningAcknowledge(step: ElearningStep): Promise<ElearningView> {
  return call('elearning_acknowledge', { req: { step } satisfies ElearningStepRequest });
}

/** Writes the 受講記録ファイル; resolves to the path written. */
export function elearningSaveFile(step: ElearningStep, path: string): Promise<string> {
  return call('elearning_save_file', { req: { step, path } satisfies ElearningFileRequest });
}

export function elearningCertificate(step: ElearningStep, path: string): Promise<ReportFile> {
  return call('elearning_certificate', { req: { step, path } satisfies ElearningFileRequest });
}

// … and the 管理者's side.

export function importTrainingResults(paths: string[], onProgress: (p: ImportProgress) => void = () => {}): Promise<ResultsImportReport> {
  return call('import_training_results', { req: { paths } satisfies ImportResultsRequest, onProgress: progressChannel(onProgress) });
}

export function exportTrainingResults(year: number, dir: string): Promise<string[]> {
  return call('export_training_results', { req: { year, dir } satisfies ExportResultsRequest });
}

export function trainingResultsSummary(year: number, course: string | null = null): Promise<ElearningSummary> {
  return call('training_results_summary', { req: { year, course } satisfies ResultsSummaryRequest });
}

// 改善策の状況: a person's own (職員モード) or anyone's (管理者モード, told on paper).

export function remedyList(year: number, employeeNo: string, role: string): Promise<RemedyList> {
  return call('remedy_list', { req: { year, employeeNo, role } satisfies RemedyListRequest });
}

export function updateRemedies(year: number, employeeNo: string, role: string, updates: RemedyUpdate[], onPaper: boolean): Promise<RemedyList> {
  return call('update_remedies', { req: { year, employeeNo, role, updates, onPaper } satisfies RemedyProgressRequest });
}
