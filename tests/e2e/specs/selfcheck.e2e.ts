import { browser, $, expect } from '@wdio/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseKobe, enterAdmin, importRoster, importSubmissions, itemIds, openSelfcheck, repoRoot, screenshot } from '../helpers';

const application = path.join(repoRoot, 'target/debug/tebiki-app');
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tebiki-selfcheck-'));
const file = path.join(outDir, 'selfcheck-1001.json');
const tampered = path.join(outDir, 'selfcheck-1001-tampered.json');
const roster = path.join(repoRoot, 'tests/fixtures/roster/roster-sjis.csv');

describe('自己点検: answer on one PC, collect on the 統括責任者’s PC', () => {
  before(async () => {
    await $('[data-testid="choose-pack-kobe"]').waitForDisplayed();
    await $('[data-testid="choose-pack-kobe"]').click();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
    await openSelfcheck();
  });

  it('starts the 職員等 inspection and saves every answer at once (a restart loses nothing)', async () => {
    await $('[data-testid="selfcheck-name"]').setValue('山田 太郎');
    await $('[data-testid="selfcheck-employee-no"]').setValue('1001');
    await $('[data-testid="selfcheck-dept"]').setValue('総務課');
    await expect($('[data-testid="selfcheck-role"]')).toHaveValue('staff');
    await $('[data-testid="selfcheck-begin"]').click();
    await $('[data-testid="selfcheck-answering"]').waitForDisplayed();
    const ids = await itemIds();
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids.slice(0, 10)) await $(`[data-testid="answer-${id}-implemented"]`).click();
    await expect($('.answer-progress')).toHaveText(expect.stringContaining(`10 / ${ids.length} 問回答`));

    // Quit and start again: the ten answers are there.
    await browser.reloadSession();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
    await openSelfcheck();
    await $('[data-testid="selfcheck-drafts"] button').click();
    await $('[data-testid="selfcheck-answering"]').waitForDisplayed();
    await expect($('.answer-progress')).toHaveText(expect.stringContaining(`10 / ${ids.length} 問回答`));
    await expect($(`[data-testid="answer-${ids[0]}-implemented"]`)).toBeSelected();
  });

  it('requires a 改善策 and a 期限 for 実施していない, and the review says so', async () => {
    const ids = await itemIds();
    for (const id of ids.slice(10)) await $(`[data-testid="answer-${id}-implemented"]`).click();
    const gap = ids[1];
    await $(`[data-testid="answer-${gap}-not-implemented"]`).click();
    await expect($(`[data-testid="item-${gap}"] .error`)).toHaveText(expect.stringContaining('改善策を記入してください'));
    await $('[data-testid="selfcheck-to-review"]').click();
    await expect($('[data-testid="selfcheck-review-list"]')).toHaveText(expect.stringContaining('問 2'));
    await expect($('[data-testid="selfcheck-submit"]')).toBeDisabled();
    await screenshot('selfcheck-review');
    await $('[data-testid="selfcheck-review"] button').click();

    await $(`[data-testid="remedy-${gap}"]`).setValue('課内で月1回、施錠とロックの状況を確認する');
    await browser.keys('Tab');
    await $(`[data-testid="due-${gap}"]`).setValue('R9.3.31');
    await expect($(`[data-testid="due-${gap}-label"]`)).toHaveText('令和9年3月31日（2027年3月31日）');
    await expect($(`[data-testid="item-${gap}"] .error`)).not.toBeExisting();
    await screenshot('selfcheck-answering');
  });

  it('submits, locks the answers and exports the submission file', async () => {
    await $('[data-testid="selfcheck-to-review"]').click();
    await expect($('[data-testid="selfcheck-review"]')).toHaveText(expect.stringContaining('提出できます'));
    await $('[data-testid="selfcheck-submit"]').click();
    await expect($('[data-testid="selfcheck-submitted"]')).toHaveText(expect.stringContaining('提出しました（第 1 版）'));
    await $('[data-testid="selfcheck-export-path"]').setValue(file);
    await $('[data-testid="selfcheck-export-do"]').click();
    await expect($('[data-testid="selfcheck-export-status"]')).toHaveText(expect.stringContaining('書き出しました'));
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(json.format).toBe('tebiki-selfcheck-submission');
    expect(json.respondent.employee_no).toBe('1001');
    expect(json.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const gap = json.answers.find((a: { answer: string }) => a.answer === 'not-implemented');
    expect(gap.remedy).toContain('月1回');
    expect(gap.due).toBe('2027-03-31');
    // A copy with one answer changed by hand, for the collector to refuse.
    gap.answer = 'implemented';
    fs.writeFileSync(tampered, JSON.stringify(json, null, 2));
  });

  it('on another PC, imports the file (refusing a tampered copy) and counts it on the dashboard', async () => {
    const collector = fs.mkdtempSync(path.join(os.tmpdir(), 'tebiki-collector-'));
    await browser.reloadSession({
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application, args: ['--data-dir', collector] },
    } as WebdriverIO.Capabilities);
    await chooseKobe();
    // The 統括責任者 has the roster: who must submit comes from it.
    await enterAdmin();
    await importRoster(roster);

    await openSelfcheck();
    await $('[data-testid="selfcheck-tab-dashboard"]').click();
    await expect($('[data-testid="dash-submitted"]')).toHaveText(expect.stringContaining('0 /'));
    // Two files, one per line (as the file picker fills it).
    await importSubmissions([file, tampered]);
    await expect($('[data-testid="selfcheck-import-report"]')).toHaveText(expect.stringContaining('取り込んだファイル 1 件、取り込めないファイル 1 件'));
    await expect($('[data-testid="selfcheck-refused"]')).toHaveText(expect.stringContaining('改ざん'));
    // Nothing skipped a version: the held list (for the 管理者's decision) is empty.
    await expect($('[data-testid="selfcheck-held-none"]')).toBeDisplayed();
    await screenshot('selfcheck-collect');

    await $('[data-testid="selfcheck-tab-dashboard"]').click();
    await expect($('[data-testid="dash-submitted"]')).toHaveText(expect.stringContaining('1 /'));
    await expect($('[data-testid="dash-remedies"]')).toHaveText(expect.stringContaining('月1回'));
    // Typed as 総務課 on a PC without the roster: counted under the roster's A10.
    await expect($('[data-testid="dash-row-A10"]')).toHaveText(expect.stringContaining('1 / 3'));
    await expect($('[data-testid="dash-row-A10"]')).toHaveText(expect.stringContaining('98.6%'));
    await expect($('[data-testid="dash-row-総務課"]')).not.toBeExisting();
    await screenshot('selfcheck-dashboard');
  });

  it('in 職員モード, the imported submission is neither shown nor open to correction', async () => {
    // 管理者モード: the 回答 tab lists the collected submission.
    await $('[data-testid="selfcheck-tab-answer"]').click();
    await expect($('[data-testid="selfcheck-submission-1001"]')).toBeExisting();
    await $('[data-testid="mode-leave"]').click();
    await browser.waitUntil(async () => (await $('[data-testid="mode"]').getAttribute('data-admin')) !== 'yes');
    await openSelfcheck();
    await $('[data-testid="selfcheck-tab-answer"]').click();
    await $('[data-testid="selfcheck-start"]').waitForDisplayed();
    await expect($('[data-testid="selfcheck-submission-1001"]')).not.toBeExisting();
    // Answering as that person (a correction of their file) is refused.
    await $('[data-testid="selfcheck-name"]').setValue('山田 太郎');
    await $('[data-testid="selfcheck-employee-no"]').setValue('1001');
    await $('[data-testid="selfcheck-dept"]').setValue('総務課');
    await $('[data-testid="selfcheck-begin"]').click();
    await expect($('[data-testid="selfcheck-status"]')).toHaveText(expect.stringContaining('他のパソコンから取り込まれた'));
    await expect($('[data-testid="selfcheck-answering"]')).not.toBeExisting();
    await screenshot('selfcheck-staff-mode-imported');
  });
});
