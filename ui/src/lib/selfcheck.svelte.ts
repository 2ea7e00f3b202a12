// The 自己点検 screen's state: the 年度 shown and its questionnaires,
// drafts and submissions, shared by its tabs (回答, 取り込み, 集計); and the
// inspection being answered, kept while the user follows an item's clause
// into the handbook, so that coming back reopens the same page.
// A change that fails rejects with the BackendError: the tab that asked
// shows it beside its own form.
import * as backend from './backend';
import type { DashboardView } from './bindings/DashboardView';
import type { ImportProgress } from './bindings/ImportProgress';
import type { ImportReport } from './bindings/ImportReport';
import type { InspectionView } from './bindings/InspectionView';
import type { ItemAnswer } from './bindings/ItemAnswer';
import type { RemedySort } from './bindings/RemedySort';
import type { Respondent } from './bindings/Respondent';
import type { SelfcheckScreen } from './bindings/SelfcheckScreen';
import type { StaffHit } from './bindings/StaffHit';
import type { SubmissionSummary } from './bindings/SubmissionSummary';

class SelfcheckState {
  /** The 年度 chosen (null until the first load: the current one). */
  year = $state<number | null>(null);
  data = $state<SelfcheckScreen | null>(null);
  /** Why the screen could not be read (shown instead of it). */
  error = $state<string | null>(null);
  /** The inspection open on the 回答 tab. */
  view = $state<InspectionView | null>(null);
  /** Id of that inspection: it survives a visit to the handbook. */
  openInspection = $state<number | null>(null);
  /** Set when the handbook was opened from an item: it offers the way back. */
  returnFromHandbook = $state(false);

  /** Opens the screen on the current 年度, and the inspection left open, if any. */
  async open(): Promise<void> {
    await this.load(null);
    const id = this.openInspection;
    this.view = null;
    if (id === null) return;
    try {
      this.view = await backend.inspectionView(id);
    } catch {
      this.openInspection = null;
    }
  }

  /** Shows `year` (the current 年度 when null). */
  async load(year: number | null): Promise<void> {
    this.year = year;
    try {
      const data = await backend.selfcheckScreen(year);
      this.data = data;
      this.year = data.year;
      this.error = null;
    } catch (e) {
      this.error = String(e);
    }
  }

  reload(): Promise<void> {
    return this.load(this.year);
  }

  /** This 年度 and the two before. */
  get years(): number[] {
    const current = this.data?.currentYear;
    return current === undefined ? [] : [current, current - 1, current - 2];
  }

  // Answering

  private show(view: InspectionView): void {
    this.view = view;
    this.openInspection = view.inspection.id;
  }

  /** `onPaper`: 代理入力 of a paper 点検票 (管理者モード). */
  async start(role: string, respondent: Respondent, prefill: boolean, onPaper = false): Promise<void> {
    this.show(await backend.startInspection(this.shownYear(), role, respondent, prefill, onPaper));
  }

  async resume(inspectionId: number): Promise<void> {
    this.show(await backend.inspectionView(inspectionId));
  }

  /** A new version of a submitted inspection, to correct it. */
  async reopen(year: number, employeeNo: string, role: string): Promise<void> {
    this.show(await backend.reopenInspection(year, employeeNo, role));
  }

  /** Saves one answer at once; the page's problems come back with it. */
  async saveAnswer(answer: ItemAnswer): Promise<void> {
    if (!this.view) return;
    this.view = await backend.saveAnswer(this.view.inspection.id, answer);
  }

  /** Answers a screening question; the group's items change with it. */
  async answerGate(gateId: string, yes: boolean): Promise<void> {
    if (!this.view) return;
    this.view = await backend.answerGate(this.view.inspection.id, gateId, yes);
  }

  /** Submits the open inspection; resolves to its line among the 年度's submissions. */
  async submit(): Promise<SubmissionSummary | null> {
    if (!this.view) return null;
    const s = await backend.submitInspection(this.view.inspection.id);
    // The answers are locked: nothing is left to reopen after the handbook.
    this.openInspection = null;
    await this.reload();
    return this.data?.submissions.find((x) => x.respondent.employee_no === s.respondent.employee_no && x.role === s.role) ?? null;
  }

  /** Leaves the inspection (answers are already saved) for the list. */
  close(): Promise<void> {
    this.view = null;
    this.openInspection = null;
    return this.reload();
  }

  // Submission files

  submissionFileName(submissionId: number): Promise<string> {
    return backend.submissionFileName(submissionId);
  }

  exportSubmission(submissionId: number, path: string): Promise<string> {
    return backend.exportSubmission(submissionId, path);
  }

  async importSubmissions(paths: string[], onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
    const report = await backend.importSubmissions(paths, onProgress);
    await this.reload();
    return report;
  }

  // 集計

  dashboard(sort: RemedySort): Promise<DashboardView> {
    return backend.selfcheckDashboard(this.shownYear(), sort);
  }

  exportRemedies(path: string, shiftJis: boolean): Promise<string> {
    return backend.exportRemedies(this.shownYear(), path, shiftJis);
  }

  /** Staff by name, kana or 職員番号 (管理者モード); nothing for an empty query. */
  async findStaff(query: string): Promise<StaffHit[]> {
    return query.trim() ? backend.findStaff(query) : [];
  }

  /** The 年度 of the screen shown (the tabs are shown only once it is). */
  private shownYear(): number {
    if (!this.data) throw new Error('selfcheck: no 年度 loaded yet');
    return this.data.year;
  }
}

export const selfcheckState = new SelfcheckState();
