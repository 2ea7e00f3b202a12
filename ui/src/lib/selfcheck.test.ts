import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./backend', () => ({
  selfcheckScreen: vi.fn(),
  inspectionView: vi.fn(),
  startInspection: vi.fn(),
  reopenInspection: vi.fn(),
  saveAnswer: vi.fn(),
  submitInspection: vi.fn(),
  submissionFileName: vi.fn(),
  exportSubmission: vi.fn(),
  importSubmissions: vi.fn(),
  selfcheckDashboard: vi.fn(),
  exportRemedies: vi.fn(),
  findStaff: vi.fn(),
}));

import * as backend from './backend';
import { selfcheckState as sc } from './selfcheck.svelte';
import type { InspectionView } from './bindings/InspectionView';
import type { SelfcheckScreen } from './bindings/SelfcheckScreen';
import type { Submission } from './bindings/Submission';
import type { SubmissionSummary } from './bindings/SubmissionSummary';

const me = { employee_no: '1003', name: '佐藤 次郎', dept_code: 'B20', dept_name: '税務課' };

// Only the fields the state reads; the rest of these large views does not matter here.
function screen(year: number | null, submissions: Partial<SubmissionSummary>[] = []): SelfcheckScreen {
  const y = year ?? 2026;
  return { packId: 'kobe', year: y, yearLabel: `${y}年度`, currentYear: 2026, questionnaires: [], roles: [], inspections: [], submissions, rosterLoaded: true } as unknown as SelfcheckScreen;
}
function view(id: number): InspectionView {
  return { inspection: { id, year: 2026, role: 'staff', respondent: me, answers: [] }, problems: [] } as unknown as InspectionView;
}

describe('selfcheckState', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    vi.mocked(backend.selfcheckScreen).mockImplementation(async (year) => screen(year));
    sc.year = null;
    sc.data = null;
    sc.error = null;
    sc.view = null;
    sc.openInspection = null;
  });

  it('opens on the current 年度 with the inspection left open before a visit to the handbook', async () => {
    sc.openInspection = 7;
    vi.mocked(backend.inspectionView).mockResolvedValue(view(7));
    await sc.open();
    expect(backend.selfcheckScreen).toHaveBeenCalledWith(null);
    expect(sc.year).toBe(2026);
    expect(sc.years).toEqual([2026, 2025, 2024]);
    expect(sc.view?.inspection.id).toBe(7);
  });

  it('forgets an open inspection that can no longer be read', async () => {
    sc.openInspection = 7;
    vi.mocked(backend.inspectionView).mockRejectedValue(new Error('gone'));
    await sc.open();
    expect(sc.view).toBeNull();
    expect(sc.openInspection).toBeNull();
  });

  it('says why the screen could not be read (locked data), and clears it once it can', async () => {
    vi.mocked(backend.selfcheckScreen).mockRejectedValueOnce('データが開かれていません');
    await sc.open();
    expect(sc.error).toBe('データが開かれていません');
    await sc.reload();
    expect(sc.error).toBeNull();
    expect(sc.data?.year).toBe(2026);
  });

  it('starts an inspection in the 年度 shown and keeps it open', async () => {
    await sc.load(2025);
    vi.mocked(backend.startInspection).mockResolvedValue(view(3));
    await sc.start('staff', me, true);
    expect(backend.startInspection).toHaveBeenCalledWith(2025, 'staff', me, true, false);
    expect(sc.view?.inspection.id).toBe(3);
    expect(sc.openInspection).toBe(3);
  });

  it('saves an answer of the open inspection and shows the problems as they now stand', async () => {
    sc.view = view(3);
    const answered = { ...view(3), problems: [{ itemId: 'q1', problems: ['remedy-missing'] }] } as unknown as InspectionView;
    vi.mocked(backend.saveAnswer).mockResolvedValue(answered);
    const answer = { itemId: 'q1', answer: 'partial' as const, comment: '', remedy: '', due: null, reconfirm: false };
    await sc.saveAnswer(answer);
    expect(backend.saveAnswer).toHaveBeenCalledWith(3, answer);
    expect(sc.view?.problems).toHaveLength(1);
  });

  it('submits, reloads the 年度 and answers with the submission line; nothing is left to reopen', async () => {
    await sc.open();
    sc.view = view(3);
    sc.openInspection = 3;
    vi.mocked(backend.submitInspection).mockResolvedValue({ year: 2026, role: 'staff', respondent: me } as unknown as Submission);
    const line = { id: 11, role: 'staff', respondent: me, version: 1 };
    vi.mocked(backend.selfcheckScreen).mockResolvedValueOnce(screen(2026, [{ id: 10, role: 'admin', respondent: me }, line]));

    const submitted = await sc.submit();

    expect(backend.submitInspection).toHaveBeenCalledWith(3);
    expect(submitted?.id).toBe(11);
    expect(sc.openInspection).toBeNull();
    expect(sc.view?.inspection.id).toBe(3); // still shown, with the export box, until closed
    await sc.close();
    expect(sc.view).toBeNull();
  });

  it('a refused submission keeps the inspection open', async () => {
    await sc.open();
    sc.view = view(3);
    sc.openInspection = 3;
    vi.mocked(backend.submitInspection).mockRejectedValue(new Error('未回答の項目があります'));
    await expect(sc.submit()).rejects.toThrow('未回答');
    expect(sc.openInspection).toBe(3);
  });

  it('imports submission files with progress, then reloads the 年度', async () => {
    await sc.load(2025);
    vi.mocked(backend.selfcheckScreen).mockClear();
    vi.mocked(backend.importSubmissions).mockImplementation(async (_paths, onProgress) => {
      onProgress?.({ done: 1, total: 1 });
      return { accepted: [], refused: [] } as never;
    });
    const seen: number[] = [];
    await sc.importSubmissions(['\\\\server\\share\\提出\\1003.json'], (p) => seen.push(p.done));
    expect(backend.importSubmissions).toHaveBeenCalledWith(['\\\\server\\share\\提出\\1003.json'], expect.any(Function));
    expect(seen).toEqual([1]);
    expect(backend.selfcheckScreen).toHaveBeenCalledExactlyOnceWith(2025);
  });

  it('the 集計 and its 改善策 export are of the 年度 shown', async () => {
    await sc.load(2024);
    await sc.dashboard('due');
    await sc.exportRemedies('C:\\out\\改善策一覧.csv', true);
    expect(backend.selfcheckDashboard).toHaveBeenCalledWith(2024, 'due');
    expect(backend.exportRemedies).toHaveBeenCalledWith(2024, 'C:\\out\\改善策一覧.csv', true);
  });
});
