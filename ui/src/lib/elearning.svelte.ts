// The person's e-ラーニング (研修 → 今年度の研修): who they are (remembered on
// this PC, as they typed it), their course as the Rust side keeps it (every
// step saved there at once), and which page is shown. A step that fails
// leaves the page as it was and shows why.
import * as backend from './backend';
import type { ElearningView } from './bindings/ElearningView';
import type { ElearningStep } from './bindings/ElearningStep';
import type { Respondent } from './bindings/Respondent';

export type Page = 'home' | 'lesson' | 'test' | 'result';

const PERSON_KEY = 'tebiki.elearning.person';

export interface Who {
  person: Respondent;
  roles: string[];
}

function remembered(): Who | null {
  try {
    const raw = globalThis.localStorage?.getItem(PERSON_KEY);
    return raw ? (JSON.parse(raw) as Who) : null;
  } catch {
    return null;
  }
}

/** The current 年度 (April–March). */
export function fiscalYear(d = new Date()): number {
  return d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
}

class Elearning {
  view = $state<ElearningView | null>(null);
  page = $state<Page>('home');
  /** The lesson open on the lesson page. */
  lesson = $state<string | null>(null);
  /** The attempt whose result page is shown (its number). */
  attempt = $state<number | null>(null);
  error = $state<string | null>(null);
  busy = $state(false);
  year = fiscalYear();

  /** Who used this PC last, to fill the form. */
  get last(): Who | null {
    return remembered();
  }

  private step(extra: Partial<ElearningStep> = {}): ElearningStep {
    const v = this.view;
    return {
      year: v?.year ?? this.year,
      employeeNo: v?.person.employee_no ?? '',
      course: v?.courses[0]?.id ?? '',
      lesson: null,
      done: false,
      chosen: null,
      ...extra,
    };
  }

  private async run(action: () => Promise<ElearningView>): Promise<boolean> {
    this.error = null;
    this.busy = true;
    try {
      this.view = await action();
      return true;
    } catch (e) {
      this.error = String(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  async open(who: Who): Promise<void> {
    if (await this.run(() => backend.elearningOpen({ year: this.year, person: who.person, roles: who.roles }))) {
      globalThis.localStorage?.setItem(PERSON_KEY, JSON.stringify(who));
      // An attempt under way is resumed where it was.
      this.page = this.view?.test ? 'test' : 'home';
    }
  }

  /** The same person's record read again, staying on the page shown. */
  async refresh(who: Who): Promise<void> {
    await this.run(() => backend.elearningOpen({ year: this.year, person: who.person, roles: who.roles }));
  }

  /** Someone else at this PC. */
  signOut(): void {
    this.view = null;
    this.page = 'home';
  }

  async openLesson(course: string, lesson: string): Promise<void> {
    if (await this.run(() => backend.elearningLesson(this.step({ course, lesson })))) {
      this.lesson = lesson;
      this.page = 'lesson';
    }
  }

  /** Marks the lesson read and opens the next one (or goes home after the last). */
  async finishLesson(course: string, lesson: string): Promise<void> {
    if (!(await this.run(() => backend.elearningLesson(this.step({ course, lesson, done: true }))))) return;
    const lessons = this.view?.courses.find((c) => c.id === course)?.lessons ?? [];
    const next = lessons[lessons.findIndex((l) => l.id === lesson) + 1];
    if (next) await this.openLesson(course, next.id);
    else this.home();
  }

  home(): void {
    this.page = 'home';
    this.lesson = null;
  }

  async startTest(course: string): Promise<void> {
    if (await this.run(() => backend.elearningStartTest(this.step({ course })))) this.page = 'test';
  }

  /** Answers the question shown; after the last one the result page opens
   * (at once when the course explains at the end, else after the last explanation). */
  async answer(chosen: number): Promise<void> {
    const course = this.view?.test?.course ?? '';
    if (!(await this.run(() => backend.elearningAnswer(this.step({ course, chosen }))))) return;
    if (!this.view?.test && !this.view?.feedback) this.showLastResult(course);
  }

  /** After an explanation: the next question, or the result. */
  next(): void {
    const v = this.view;
    if (!v) return;
    const course = v.feedback ? (v.test?.course ?? v.courses[0]?.id ?? '') : '';
    v.feedback = null;
    if (!v.test) this.showLastResult(course);
  }

  private showLastResult(course: string): void {
    const c = this.view?.courses.find((x) => x.id === course) ?? this.view?.courses[0];
    this.attempt = c?.attempts.at(-1)?.number ?? null;
    this.page = 'result';
  }

  acknowledge(): Promise<boolean> {
    return this.run(() => backend.elearningAcknowledge(this.step()));
  }

  saveFile(path: string): Promise<string> {
    return backend.elearningSaveFile(this.step(), path);
  }

  certificate(course: string, path: string) {
    return backend.elearningCertificate(this.step({ course }), path);
  }
}

export const elearning = new Elearning();
