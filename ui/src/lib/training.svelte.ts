// The 研修 screen's state: the 年度 shown and its figures (courses, roles,
// completion, overdue people), shared by its tabs. Every change made on a tab
// goes through here and reloads the figures, so the tabs never disagree.
// A change that fails rejects with the BackendError: the tab that asked
// shows it beside its own form.
import * as backend from './backend';
import type { Course } from './bindings/Course';
import type { CourseDraft } from './bindings/CourseDraft';
import type { Department } from './bindings/Department';
import type { DepartmentMembers } from './bindings/DepartmentMembers';
import type { ImportProgress } from './bindings/ImportProgress';
import type { AttendanceMatch } from './bindings/AttendanceMatch';
import type { PersonHistory } from './bindings/PersonHistory';
import type { RecordedSession } from './bindings/RecordedSession';
import type { RosterField } from './bindings/RosterField';
import type { RosterPlan } from './bindings/RosterPlan';
import type { RosterPreview } from './bindings/RosterPreview';
import type { SessionInput } from './bindings/SessionInput';
import type { StaffHit } from './bindings/StaffHit';
import type { TrainingScreen } from './bindings/TrainingScreen';

class Training {
  /** The 年度 chosen (null until the first load: the current one). */
  year = $state<number | null>(null);
  data = $state<TrainingScreen | null>(null);
  /** Why the figures could not be read (the screen shows it instead of them). */
  error = $state<string | null>(null);
  /** 所属一覧 with hidden ones and head counts, for the 所属 tab. */
  departments = $state<Department[]>([]);

  /** Opens the screen on the current 年度. */
  open(): Promise<void> {
    return this.load(null);
  }

  /** Shows `year` (the current 年度 when null). */
  async load(year: number | null): Promise<void> {
    this.year = year;
    try {
      const data = await backend.trainingScreen(year);
      this.data = data;
      this.year = data.overview.year;
      this.error = null;
    } catch (e) {
      this.error = String(e);
    }
  }

  /** The same 年度 again, after a change. */
  reload(): Promise<void> {
    return this.load(this.year);
  }

  /** The 年度 offered: next year's (to prepare it) and the four before. */
  get years(): number[] {
    const current = this.data?.currentYear;
    return current === undefined ? [] : Array.from({ length: 5 }, (_, i) => current + 1 - i);
  }

  private async thenReload<T>(change: Promise<T>): Promise<T> {
    const result = await change;
    await this.reload();
    return result;
  }

  // Courses

  addCourse(draft: CourseDraft): Promise<Course> {
    return this.thenReload(backend.addCourse(draft));
  }

  removeCourse(courseId: string): Promise<void> {
    return this.thenReload(backend.removeCourse(courseId));
  }

  // Sessions

  recordSession(input: SessionInput): Promise<RecordedSession> {
    return this.thenReload(backend.recordSession(input));
  }

  /** Everyone on the roster by 所属, to tick attendees. */
  departmentMembers(): Promise<DepartmentMembers[]> {
    return backend.departments();
  }

  /** An e-learning system's attendance CSV matched against the roster. */
  readAttendance(path: string): Promise<AttendanceMatch> {
    return backend.attendancePreview(path);
  }

  // People

  /** Staff by name, kana or 職員番号; nothing for an empty query. */
  async findStaff(query: string): Promise<StaffHit[]> {
    return query.trim() ? backend.findStaff(query) : [];
  }

  /** One person's training in the 年度 shown. */
  personHistory(employeeNo: string): Promise<PersonHistory> {
    return backend.personHistory(employeeNo, this.shownYear());
  }

  setStaffRoles(employeeNo: string, roles: string[]): Promise<void> {
    return this.thenReload(backend.setStaffRoles(employeeNo, roles));
  }

  // 所属

  async loadDepartments(): Promise<void> {
    this.departments = await backend.departmentList();
  }

  async saveDepartment(code: string, name: string): Promise<void> {
    await backend.saveDepartment(code, name);
    await Promise.all([this.loadDepartments(), this.reload()]);
  }

  async setDepartmentActive(code: string, active: boolean): Promise<void> {
    await backend.setDepartmentActive(code, active);
    await Promise.all([this.loadDepartments(), this.reload()]);
  }

  // Roster

  previewRoster(path: string, mapping: (RosterField | null)[] | null, full: boolean): Promise<RosterPreview> {
    return backend.rosterPreview(path, mapping, full);
  }

  importRoster(
    path: string,
    mapping: (RosterField | null)[] | null,
    full: boolean,
    onProgress: (p: ImportProgress) => void,
    confirmMany = false,
  ): Promise<RosterPlan> {
    return this.thenReload(backend.rosterImport(path, mapping, full, onProgress, confirmMany));
  }

  // Export

  /** Writes the overdue list of the 年度 shown; resolves to the path written. */
  exportOverdue(path: string, shiftJis: boolean): Promise<string> {
    return backend.exportOverdue(this.shownYear(), path, shiftJis);
  }

  /** The 年度 of the figures on screen (the tabs are shown only once they are). */
  private shownYear(): number {
    if (!this.data) throw new Error('training: no 年度 loaded yet');
    return this.data.overview.year;
  }
}

export const training = new Training();
