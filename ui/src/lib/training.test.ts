import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./backend', () => ({
  trainingScreen: vi.fn(),
  addCourse: vi.fn(),
  removeCourse: vi.fn(),
  recordSession: vi.fn(),
  departments: vi.fn(),
  attendancePreview: vi.fn(),
  findStaff: vi.fn(),
  personHistory: vi.fn(),
  setStaffRoles: vi.fn(),
  departmentList: vi.fn(),
  saveDepartment: vi.fn(),
  setDepartmentActive: vi.fn(),
  rosterPreview: vi.fn(),
  rosterImport: vi.fn(),
  exportOverdue: vi.fn(),
}));

import * as backend from './backend';
import { training } from './training.svelte';
import type { TrainingScreen } from './bindings/TrainingScreen';

/** The screen of `year` (2026 when null), as the Rust side answers it. */
function screen(year: number | null, rate = 0): TrainingScreen {
  const y = year ?? 2026;
  return {
    packId: 'kobe',
    courses: [],
    customCourseIds: [],
    roles: [],
    currentYear: 2026,
    overview: { year: y, yearLabel: `${y}年度`, people: 4, required: 4, done: rate / 25, rate, departments: [], courses: [], roles: [], overdue: [] },
  };
}

describe('training', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(backend.trainingScreen).mockImplementation(async (year) => screen(year));
    training.year = null;
    training.data = null;
    training.error = null;
    training.departments = [];
  });

  it('opens on the current 年度 and offers next year and the four before', async () => {
    await training.open();
    expect(backend.trainingScreen).toHaveBeenCalledWith(null);
    expect(training.year).toBe(2026);
    expect(training.data?.overview.yearLabel).toBe('2026年度');
    expect(training.years).toEqual([2027, 2026, 2025, 2024, 2023]);
  });

  it('says why the figures could not be read, and forgets it once they can', async () => {
    vi.mocked(backend.trainingScreen).mockRejectedValueOnce('データが開かれていません');
    await training.open();
    expect(training.error).toBe('データが開かれていません');
    expect(training.data).toBeNull();
    await training.load(2025);
    expect(training.error).toBeNull();
    expect(training.data?.overview.year).toBe(2025);
  });

  it('reloads the 年度 shown after a change, so every tab sees it', async () => {
    await training.load(2025);
    vi.mocked(backend.trainingScreen).mockClear();
    vi.mocked(backend.recordSession).mockResolvedValue({ id: 1n, attendees: 2, unknown: [] });
    vi.mocked(backend.trainingScreen).mockResolvedValueOnce(screen(2025, 50));
    const input = { courseId: 'annual', heldOn: '2025-06-01', method: '集合' as const, trainer: null, place: null, employeeNos: ['1001', '1002'] };

    const recorded = await training.recordSession(input);

    expect(recorded.attendees).toBe(2);
    expect(backend.recordSession).toHaveBeenCalledWith(input);
    expect(backend.trainingScreen).toHaveBeenCalledExactlyOnceWith(2025);
    expect(training.data?.overview.rate).toBe(50);
  });

  it('passes a refused change to the form that asked, and does not reload', async () => {
    await training.open();
    vi.mocked(backend.trainingScreen).mockClear();
    vi.mocked(backend.addCourse).mockRejectedValue(new Error('条項「99.9」はこのポリシーにありません'));
    const draft = { title: 'もう一つ', kind: 'drill' as const, clause: '99.9', withinDays: null, roles: [] };

    await expect(training.addCourse(draft)).rejects.toThrow('99.9');
    expect(backend.trainingScreen).not.toHaveBeenCalled();
    expect(training.error).toBeNull();
  });

  it('renaming a 所属 refreshes both the 所属 list and the figures', async () => {
    await training.open();
    vi.mocked(backend.trainingScreen).mockClear();
    vi.mocked(backend.departmentList).mockResolvedValue([{ code: 'A10', name: '総務課（庶務）', active: true, members: 2 }]);

    await training.saveDepartment('A10', '総務課（庶務）');

    expect(backend.saveDepartment).toHaveBeenCalledWith('A10', '総務課（庶務）');
    expect(training.departments.map((d) => d.name)).toEqual(['総務課（庶務）']);
    expect(backend.trainingScreen).toHaveBeenCalledExactlyOnceWith(2026);
  });

  it('imports a roster with its progress, then reloads', async () => {
    await training.open();
    vi.mocked(backend.trainingScreen).mockClear();
    vi.mocked(backend.rosterImport).mockImplementation(async (_path, _mapping, _full, onProgress) => {
      onProgress?.({ done: 4, total: 4 });
      return { added: ['1001', '1002', '1003', '1004'], updated: [], deactivated: [], unchanged: 0, keptRejected: [], manyDeactivated: false, activeBefore: 0 };
    });
    const seen: number[] = [];

    const plan = await training.importRoster('C:\\名簿\\roster.csv', null, true, (p) => seen.push(p.done));

    expect(plan.added).toHaveLength(4);
    expect(seen).toEqual([4]);
    expect(backend.rosterImport).toHaveBeenCalledWith('C:\\名簿\\roster.csv', null, true, expect.any(Function), false);
    expect(backend.trainingScreen).toHaveBeenCalledOnce();
  });

  it('exports and looks people up in the 年度 on screen, not one still loading', async () => {
    await training.load(2025);
    let finish: (s: TrainingScreen) => void = () => {};
    vi.mocked(backend.trainingScreen).mockReturnValueOnce(new Promise((r) => (finish = r)));
    const pending = training.load(2024);

    await training.exportOverdue('C:\\out\\未受講者一覧.csv', true);
    await training.personHistory('1003');
    expect(backend.exportOverdue).toHaveBeenCalledWith(2025, 'C:\\out\\未受講者一覧.csv', true);
    expect(backend.personHistory).toHaveBeenCalledWith('1003', 2025);

    finish(screen(2024));
    await pending;
    await training.exportOverdue('out.csv', false);
    expect(backend.exportOverdue).toHaveBeenLastCalledWith(2024, 'out.csv', false);
  });

  it('does not search the roster for an empty query', async () => {
    expect(await training.findStaff('  ')).toEqual([]);
    expect(backend.findStaff).not.toHaveBeenCalled();
    vi.mocked(backend.findStaff).mockResolvedValue([{ employeeNo: '1003', name: '佐藤 次郎', kana: 'サトウ ジロウ', deptCode: 'B20', deptName: '税務課', active: true }]);
    expect(await training.findStaff('サトウ')).toHaveLength(1);
  });
});
