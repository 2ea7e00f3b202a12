import { browser, $, expect } from '@wdio/globals';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, screenshot, enterAdmin } from '../helpers';

const roster = path.join(repoRoot, 'tests/fixtures/roster/roster-sjis.csv');
const attendance = path.join(repoRoot, 'tests/fixtures/roster/attendance-utf8.csv');

function rate(code: string): Promise<string> {
  return $(`[data-testid="dept-rate-${code}"]`).getText();
}

describe('研修: roster, sessions, completion and the overdue list', () => {
  before(async () => {
    await $('[data-testid="choose-pack-kobe"]').waitForDisplayed();
    await $('[data-testid="choose-pack-kobe"]').click();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
    await enterAdmin();
    await $('[data-testid="nav-training"]').click();
    await $('[data-testid="training-screen"]').waitForDisplayed();
  });

  it('imports a Shift_JIS roster after a preview that lists the bad rows with their lines', async () => {
    await $('[data-testid="training-tab-roster"]').click();
    await $('[data-testid="roster-path"]').setValue(roster);
    await $('[data-testid="roster-check"]').click();
    const preview = $('[data-testid="roster-preview"]');
    await preview.waitForDisplayed();
    await expect(preview).toHaveText(expect.stringContaining('追加 4 人'));
    await expect(preview).toHaveText(expect.stringContaining('Shift_JIS'));
    const rejected = await $('[data-testid="roster-rejected"]').getText();
    for (const line of ['6 行目', '7 行目', '9 行目']) expect(rejected).toContain(line);
    await screenshot('training-roster-preview');
    await $('[data-testid="roster-confirm"]').click();
    await expect($('[data-testid="roster-done"]')).toHaveText(expect.stringContaining('追加 4 人'));
  });

  it('records a session for one 所属 and that 所属’s completion rate changes', async () => {
    await $('[data-testid="training-tab-status"]').click();
    await $('[data-testid="dept-A10"]').waitForDisplayed();
    expect(await rate('A10')).toBe('0%');
    const before = { B20: await rate('B20'), C30: await rate('C30') };

    await $('[data-testid="training-tab-record"]').click();
    await $('[data-testid="session-course"]').selectByAttribute('value', 'annual');
    await $('[data-testid="session-dept"]').selectByAttribute('value', 'A10');
    await expect($('[data-testid="session-form"] h3')).toHaveText('受講者（2 人選択）');
    await screenshot('training-record');
    await $('[data-testid="session-save"]').click();
    await expect($('[data-testid="session-status"]')).toHaveText('記録しました（受講者 2 人）。');

    await $('[data-testid="training-tab-status"]').click();
    await $('[data-testid="dept-A10"]').waitForDisplayed();
    // 山田 (annual, 情報管理者研修, 訓練) + 鈴木 (annual): 2 of 4 done.
    expect(await rate('A10')).toBe('50%');
    expect({ B20: await rate('B20'), C30: await rate('C30') }).toEqual(before);
    await screenshot('training-status');
  });

  it('exports the overdue list of a past 年度 as Shift_JIS CSV for Excel', async () => {
    const current = Number(await $('[data-testid="training-year"]').getValue());
    await $('[data-testid="training-year"]').selectByAttribute('value', String(current - 1));
    await $('[data-testid="overdue-list"]').waitForDisplayed();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tebiki-export-')), '未受講者一覧.csv');
    await $('[data-testid="overdue-export-path"]').setValue(out);
    await $('[data-testid="overdue-export-do"]').click();
    await expect($('[data-testid="overdue-export-status"]')).toHaveText(expect.stringContaining('書き出しました'));
    const text = new TextDecoder('shift_jis').decode(fs.readFileSync(out));
    expect(text.split('\r\n')[0]).toBe('職員番号,氏名,所属コード,所属名,未受講の研修');
    expect(text).toContain('高橋 髙子');
    expect(text).toContain('年次情報セキュリティ研修');
  });

  it('reads a date typed in 和暦 and shows it back in both calendars', async () => {
    await $('[data-testid="training-tab-record"]').click();
    const date = $('[data-testid="session-date"]');
    await date.clearValue();
    await date.setValue('R7.6.1');
    await expect($('[data-testid="session-date-label"]')).toHaveText('令和7年6月1日（2025年6月1日）');
    await date.clearValue();
    await date.setValue('6月');
    await expect($('[data-testid="session-form"] .date-field .error')).toBeDisplayed();
    await expect($('[data-testid="session-save"]')).toBeDisabled();
  });

  it('records a session from an e-learning attendance CSV and lists the unmatched 職員番号 with their line', async () => {
    await $('[data-testid="training-tab-record"]').click();
    await $('[data-testid="session-date"]').setValue('2026/6/1');
    await $('[data-testid="session-csv"]').setValue(attendance);
    await $('[data-testid="session-csv-read"]').click();
    await expect($('[data-testid="session-csv-result"]')).toHaveText(expect.stringContaining('名簿と一致 2 人、名簿にない職員番号 1 件'));
    await expect($('[data-testid="session-csv-unmatched"]')).toHaveText(expect.stringContaining('3 行目'));
    await expect($('[data-testid="session-csv-unmatched"]')).toHaveText(expect.stringContaining('9999'));
    await expect($('[data-testid="session-form"] h3')).toHaveText('受講者（2 人選択）');
    await screenshot('training-attendance-csv');
    await $('[data-testid="session-save"]').click();
    await expect($('[data-testid="session-status"]')).toHaveText('記録しました（受講者 2 人）。');
  });

  it('shows completion by role and by course', async () => {
    await $('[data-testid="training-tab-status"]').click();
    const current = await $('[data-testid="training-year"]');
    await current.selectByIndex(1);
    await $('[data-testid="training-by-role"]').click();
    // 山田 and 高橋 are 課長・情報管理者 on the roster: the pack's 情報管理者.
    await expect($('[data-testid="role-情報管理者"] td:nth-child(2)')).toHaveText('2');
    await expect($('[data-testid="role-職員等"]')).toBeDisplayed();
    await $('[data-testid="training-by-course"]').click();
    await expect($('[data-testid="course-annual"]')).toHaveText(expect.stringContaining('年次情報セキュリティ研修'));
    await screenshot('training-by-course');
  });

  it('adds an administrator’s own course, required of the roles chosen', async () => {
    await $('[data-testid="training-tab-courses"]').click();
    await $('[data-testid="course-title"]').setValue('標的型メール訓練');
    await $('[data-testid="course-kind"]').selectByAttribute('value', 'drill');
    await $('[data-testid="course-clause"]').setValue('7.2.3');
    await $('[data-testid="course-roles"]').$('label*=情報管理者').click();
    await $('[data-testid="course-add-do"]').click();
    await expect($('[data-testid="course-status"]')).toHaveText('「標的型メール訓練」を追加しました');
    await expect($('[data-testid="course-custom-1"]')).toHaveText(expect.stringContaining('7.2.3'));
    await $('[data-testid="course-clause"]').setValue('99.9');
    await $('[data-testid="course-title"]').setValue('もう一つ');
    await $('[data-testid="course-add-do"]').click();
    await expect($('[data-testid="course-status"]')).toHaveText(expect.stringContaining('条項「99.9」はこのポリシーにありません'));
    await screenshot('training-courses');
    await $('[data-testid="training-tab-status"]').click();
    await $('[data-testid="training-by-course"]').click();
    await expect($('[data-testid="course-custom-1"]')).toHaveText(expect.stringContaining('標的型メール訓練'));
  });

  it('renames a 所属 and finds one person’s history', async () => {
    await $('[data-testid="training-tab-depts"]').click();
    await $('[data-testid="dept-edit-A10"]').click();
    await $('[data-testid="dept-edit-name"]').clearValue();
    await $('[data-testid="dept-edit-name"]').setValue('総務課（庶務）');
    await $('[data-testid="dept-edit-save"]').click();
    await expect($('[data-testid="dept-row-A10"]')).toHaveText(expect.stringContaining('総務課（庶務）'));

    await $('[data-testid="training-tab-people"]').click();
    await $('[data-testid="people-search"]').setValue('サトウ');
    await $('[data-testid="person-1003"]').click();
    const history = $('[data-testid="person-history"]');
    await expect(history).toHaveText(expect.stringContaining('佐藤 次郎'));
    await expect($('[data-testid="person-sessions"]')).toHaveText(expect.stringContaining('2026年6月1日'));
    await screenshot('training-person');

    // Made 情報管理者 by hand: the role course (役割に応じた情報セキュリティ研修) is now required of him.
    await expect($('[data-testid="person-requirements"]')).not.toHaveText(expect.stringContaining('役割に応じた情報セキュリティ研修'));
    await $('[data-testid="person-roles-edit"]').click();
    await $('[data-testid="person-roles"]').$('label*=情報管理者').click();
    await $('[data-testid="person-roles-save"]').click();
    await expect($('[data-testid="person-requirements"]')).toHaveText(expect.stringContaining('役割に応じた情報セキュリティ研修'));
  });

  it('exports the 研修実施状況報告書 of the 年度 as a PDF from the 報告書 screen', async () => {
    // The 決裁欄 chosen in 設定 is on the cover.
    await $('[data-testid="nav-settings"]').click();
    await $('[data-testid="settings-approvers"]').setValue('CISO,統括責任者,課長,担当');
    await browser.keys('Tab');
    await $('[data-testid="nav-reports"]').click();
    await $('[data-testid="reports-screen"]').waitForDisplayed();
    await $('[data-testid="report-kind-training"]').click();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tebiki-report-')), '研修実施状況報告書.pdf');
    await $('[data-testid="report-path"]').setValue(out);
    await $('[data-testid="report-do"]').click();
    await expect($('[data-testid="report-done"]')).toHaveText(expect.stringContaining('作成しました'));
    await screenshot('reports');
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', out, '-'], { encoding: 'utf8' });
    expect(cover).toContain('研修実施状況報告書');
    expect(cover).toContain('課長');

    // 修了証 for 佐藤 (1003), who attended the session of 2026/6/1.
    await $('[data-testid="report-kind-certificate"]').click();
    await $('[data-testid="report-find"]').setValue('1003');
    await $('[data-testid="report-pick-1003"]').click();
    const cert = out.replace('研修実施状況報告書', '修了証');
    await $('[data-testid="report-path"]').setValue(cert);
    await $('[data-testid="report-do"]').click();
    await expect($('[data-testid="report-done"]')).toHaveText(expect.stringContaining('修了証'));
    expect(fs.readFileSync(cert).subarray(0, 5).toString()).toBe('%PDF-');

    // 修了証 for every attendee of the session read from the attendance CSV: one page each.
    await $('[data-testid="report-by-session"]').click();
    await $('[data-testid="report-session"]').selectByVisibleText('2026年6月1日 年次情報セキュリティ研修（2 人）');
    const all = out.replace('研修実施状況報告書', '修了証_全員');
    await $('[data-testid="report-path"]').setValue(all);
    await $('[data-testid="report-do"]').click();
    await expect($('[data-testid="report-done"]')).toHaveText(expect.stringContaining('2 ページ'));
  });

  it('warns prominently before a full roster import would make more than a tenth of the staff 退職', async () => {
    // Issue 13, finding 5: a file listing one person, checked as a full roster.
    const one = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tebiki-roster-')), 'one.csv');
    fs.writeFileSync(one, '職員番号,氏名,所属コード,所属名\n1001,山田 太郎,A10,総務課\n');
    await $('[data-testid="nav-training"]').click();
    await $('[data-testid="training-tab-roster"]').click();
    await $('[data-testid="roster-path"]').setValue(one);
    await $('[data-testid="roster-check"]').click();
    const warning = $('[data-testid="roster-many-deactivated"]');
    await warning.waitForDisplayed();
    await expect(warning).toHaveText(expect.stringContaining('退職扱いになります'));
    await expect($('[data-testid="roster-confirm"]')).toBeDisabled();
    await screenshot('training-roster-many-deactivated');
    await $('[data-testid="roster-many-confirm"]').click();
    await expect($('[data-testid="roster-confirm"]')).toBeEnabled();
    // Unticking 「全職員の名簿である」 (a partial file): nobody leaves, no warning.
    await $('[data-testid="roster-import"] label.choice input[type="checkbox"]').click();
    await $('[data-testid="roster-preview"]').waitForDisplayed();
    await expect(warning).not.toBeDisplayed();
  });
});
