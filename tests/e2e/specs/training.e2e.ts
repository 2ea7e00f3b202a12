import { browser, $, expect } from '@wdio/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, screenshot } from '../helpers';

const roster = path.join(repoRoot, 'tests/fixtures/roster/roster-sjis.csv');

function rate(code: string): Promise<string> {
  return $(`[data-testid="dept-rate-${code}"]`).getText();
}

describe('研修: roster, sessions, completion and the overdue list', () => {
  before(async () => {
    await $('[data-testid="choose-pack-kobe"]').waitForDisplayed();
    await $('[data-testid="choose-pack-kobe"]').click();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
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
    await expect($('[data-testid="session-attendees"] legend')).toHaveText('受講者（2 人選択）');
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
    await $('[data-testid="overdue-path"]').setValue(out);
    await $('[data-testid="overdue-export-do"]').click();
    await expect($('[data-testid="overdue-export-status"]')).toHaveText(expect.stringContaining('書き出しました'));
    const text = new TextDecoder('shift_jis').decode(fs.readFileSync(out));
    expect(text.split('\r\n')[0]).toBe('職員番号,氏名,所属コード,所属名,未受講の研修');
    expect(text).toContain('高橋 髙子');
    expect(text).toContain('年次情報セキュリティ研修');
  });
});
