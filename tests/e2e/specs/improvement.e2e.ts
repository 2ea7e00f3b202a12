import { browser, $, expect } from '@wdio/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asAnotherPc, chooseKobe, enterAdmin, importRoster, importSubmissions, itemIds, openSelfcheck, repoRoot, screenshot } from '../helpers';

// From answers to improvement (issue 18): on the staff PC a person submits
// two 改善策 — one due long ago, one due later — and then marks the second
// 完了, a new version of their submission that they export; on the 管理者's
// PC both files are imported, the 集計 counts one 完了 and one 期限超過, and
// the 所属別結果票 of every 所属 and the CISO's report are written.

const roster = path.join(repoRoot, 'tests/fixtures/roster/roster-sjis.csv');
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tebiki-improvement-'));
const v1 = path.join(outDir, 'selfcheck-1001-v1.json');
const v2 = path.join(outDir, 'selfcheck-1001-v2.json');
const sheets = path.join(outDir, '所属別結果票');
const report = path.join(outDir, '自己点検結果報告書.pdf');
const forms = path.join(outDir, '自己点検票_総務課.pdf');

describe('改善策 followed to completion, the 集計, the 所属別結果票 and the CISO report', () => {
  let late = '';
  let later = '';

  before(async () => {
    await chooseKobe();
    await openSelfcheck();
  });

  it('submits two 改善策 on the staff PC and hands in version 1', async () => {
    await $('[data-testid="selfcheck-name"]').setValue('山田 太郎');
    await $('[data-testid="selfcheck-employee-no"]').setValue('1001');
    await $('[data-testid="selfcheck-dept"]').setValue('総務課');
    await $('[data-testid="selfcheck-begin"]').click();
    await $('[data-testid="selfcheck-answering"]').waitForDisplayed();
    const ids = await itemIds();
    [late, later] = ids;
    for (const id of ids.slice(2)) await $(`[data-testid="answer-${id}-implemented"]`).click();
    for (const [id, answer, remedy, due] of [
      [late, 'not-implemented', '手順書を読み直す', 'R8.4.30'],
      [later, 'partial', '課内会議で周知する', 'R20.3.31'],
    ]) {
      await $(`[data-testid="answer-${id}-${answer}"]`).click();
      await $(`[data-testid="remedy-${id}"]`).setValue(remedy);
      await browser.keys('Tab');
      await $(`[data-testid="due-${id}"]`).setValue(due);
      await browser.keys('Tab');
    }
    await $('[data-testid="selfcheck-to-review"]').click();
    await $('[data-testid="selfcheck-submit"]').click();
    await expect($('[data-testid="selfcheck-submitted"]')).toHaveText(expect.stringContaining('第 1 版'));
    await $('[data-testid="selfcheck-export-path"]').setValue(v1);
    await $('[data-testid="selfcheck-export-do"]').click();
    await expect($('[data-testid="selfcheck-export-status"]')).toHaveText(expect.stringContaining('書き出しました'));
    await $('[data-testid="selfcheck-submitted"] > button').click();
  });

  it('marks the second 改善策 完了 in 職員モード: version 2, exported; the first shows 期限超過', async () => {
    await $('[data-testid="remedy-open-1001"]').click();
    await $('[data-testid="remedy-progress"]').waitForDisplayed();
    await expect($(`[data-testid="remedy-overdue-${late}"]`)).toBeDisplayed();
    await expect($(`[data-testid="remedy-overdue-${later}"]`)).not.toBeExisting();
    await $(`[data-testid="remedy-status-${later}"]`).selectByAttribute('value', 'done');
    await $(`[data-testid="remedy-note-${later}"]`).setValue('11月の課内会議で周知した');
    await $('[data-testid="remedy-save"]').click();
    await expect($('[data-testid="remedy-status"]')).toHaveText(expect.stringContaining('第 2 版'));
    await screenshot('remedy-progress');
    await $('[data-testid="remedy-export-path"]').setValue(v2);
    await $('[data-testid="remedy-export-do"]').click();
    await expect($('[data-testid="remedy-export-status"]')).toHaveText(expect.stringContaining('書き出しました'));
    const json = JSON.parse(fs.readFileSync(v2, 'utf8'));
    expect(json.format_version).toBe(2);
    expect(json.version).toBe(2);
    expect(json.progress).toEqual([{ item_id: later, status: 'done', on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), note: '11月の課内会議で周知した' }]);
  });

  it('on the 管理者’s PC, imports both versions: the 集計 counts one 完了 and one 期限超過', async () => {
    await asAnotherPc();
    await enterAdmin();
    await importRoster(roster);

    await openSelfcheck();
    await importSubmissions([v1, v2]);
    await expect($('[data-testid="selfcheck-import-report"]')).toHaveText(expect.stringContaining('取り込んだファイル 2 件'));
    await $('[data-testid="selfcheck-tab-dashboard"]').click();
    const counts = $('[data-testid="dash-remedy-counts"]');
    await expect(counts).toHaveText(expect.stringContaining('改善策 2 件：完了 1 件（完了率 50%）'));
    await expect(counts).toHaveText(expect.stringContaining('期限超過 1 件'));
    await expect($('[data-testid="dash-overdue-A10"]')).toHaveText('1');
    await expect($(`[data-testid="dash-remedy-status-1001-${later}"]`)).toHaveText('完了');
    await expect($(`[data-testid="dash-remedy-status-1001-${late}"]`)).toHaveText(expect.stringContaining('期限超過'));
    await screenshot('selfcheck-dashboard-remedies');
  });

  it('writes the 所属別結果票 of every 所属 into a folder, and the report the CISO reads', async () => {
    await $('[data-testid="nav-reports"]').click();
    await $('[data-testid="reports-screen"]').waitForDisplayed();
    await $('[data-testid="report-kind-department"]').click();
    await $('[data-testid="report-path"]').setValue(sheets);
    await $('[data-testid="report-do"]').click();
    await $('[data-testid="report-done"]').waitForDisplayed({ timeout: 30_000 });
    const files = fs.readdirSync(sheets).sort();
    // The roster's 所属: A10 総務課, B20 情報政策課, and the others it names.
    expect(files).toContain('dept_2026_A10.pdf');
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(fs.readFileSync(path.join(sheets, 'dept_2026_A10.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    await $('[data-testid="report-kind-selfcheck"]').click();
    await $('[data-testid="report-path"]').setValue(report);
    await $('[data-testid="report-do"]').click();
    await expect($('[data-testid="report-done"]')).toHaveText(expect.stringContaining(report));
    await screenshot('reports-department');
  });

  it('prints the 点検票 of 総務課 and types a returned one in (代理入力): 紙で提出, in the 操作記録', async () => {
    await $('[data-testid="report-kind-form"]').click();
    await $('[data-testid="report-dept"]').selectByAttribute('value', 'A10');
    await $('[data-testid="report-path"]').setValue(forms);
    await $('[data-testid="report-do"]').click();
    await expect($('[data-testid="report-done"]')).toHaveText(expect.stringContaining(forms));
    expect(fs.readFileSync(forms).subarray(0, 5).toString()).toBe('%PDF-');

    await openSelfcheck();
    await $('[data-testid="selfcheck-tab-answer"]').click();
    await $('[data-testid="selfcheck-find"]').setValue('鈴木');
    await $('[data-testid="selfcheck-pick-1002"]').click();
    await $('[data-testid="selfcheck-on-paper"]').click();
    await $('[data-testid="selfcheck-begin"]').click();
    await $('[data-testid="selfcheck-answering"]').waitForDisplayed();
    for (const id of await itemIds()) await $(`[data-testid="answer-${id}-implemented"]`).click();
    await $('[data-testid="selfcheck-to-review"]').click();
    await $('[data-testid="selfcheck-submit"]').click();
    await expect($('[data-testid="selfcheck-submitted"]')).toHaveText(expect.stringContaining('第 1 版'));
    await $('[data-testid="selfcheck-submitted"] > button').click();
    await expect($('[data-testid="selfcheck-paper-1002"]')).toHaveText('紙で提出');
    await screenshot('selfcheck-paper');
    await $('[data-testid="nav-audit"]').click();
    await expect($('[data-testid="audit-screen"]')).toHaveText(expect.stringContaining('紙で提出（代理入力）'));
    await screenshot('audit-paper');
  });
});
