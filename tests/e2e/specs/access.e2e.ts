import { browser, $, $$, expect } from '@wdio/globals';
import path from 'node:path';
import { PASSPHRASE, enterAdmin, importRoster, repoRoot, screenshot } from '../helpers';

const roster = path.join(repoRoot, 'tests/fixtures/roster/roster-sjis.csv');

function mode(): Promise<string | null> {
  return $('[data-testid="mode"]').getAttribute('data-admin');
}

async function auditActions(): Promise<string[]> {
  await $('[data-testid="nav-audit"]').click();
  await $('[data-testid="audit-table"]').waitForDisplayed();
  const rows = await $$('[data-testid="audit-row"]');
  const actions: string[] = [];
  for (const r of rows) actions.push(await r.getAttribute('data-action'));
  return actions;
}

describe('職員モード and 管理者モード, the passphrase and the 操作記録', () => {
  before(async () => {
    await $('[data-testid="choose-pack-kobe"]').waitForDisplayed();
    await $('[data-testid="choose-pack-kobe"]').click();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
  });

  it('starts in 職員モード: the roster and the reports are closed, one’s own training open', async () => {
    expect(await mode()).toBe('no');
    await $('[data-testid="nav-training"]').click();
    await expect($('[data-testid="elearning"]')).toBeDisplayed();
    await expect($('[data-testid="training-tab-roster"]')).not.toBeExisting();
    await expect($('[data-testid="training-tab-status"]')).not.toBeExisting();
    await $('[data-testid="nav-reports"]').click();
    await expect($('[data-testid="admin-gate"]')).toBeDisplayed();
    await expect($('[data-testid="reports-screen"]')).not.toBeExisting();
  });

  it('sets the passphrase on first use (too short or mistyped is refused), which encrypts the data', async () => {
    await $('[data-testid="mode-enter"]').click();
    await $('[data-testid="admin-dialog"]').waitForDisplayed();
    await expect($('[data-testid="admin-dialog"]')).toHaveText(expect.stringContaining('裏口はありません'));
    await $('[data-testid="admin-passphrase"]').setValue('みじかい');
    await $('[data-testid="admin-passphrase-again"]').setValue('みじかい');
    await $('[data-testid="admin-submit"]').click();
    await expect($('[data-testid="admin-error"]')).toHaveText(expect.stringContaining('10 文字以上'));
    await $('[data-testid="admin-passphrase"]').setValue(PASSPHRASE);
    await $('[data-testid="admin-passphrase-again"]').setValue(PASSPHRASE + 'x');
    await $('[data-testid="admin-submit"]').click();
    await expect($('[data-testid="admin-error"]')).toHaveText('2 回の入力が一致しません。');
    await screenshot('admin-set-passphrase');
    await $('[data-testid="admin-passphrase-again"]').setValue(PASSPHRASE);
    await $('[data-testid="admin-submit"]').click();
    await browser.waitUntil(async () => (await mode()) === 'yes', { timeout: 20_000 });
    await $('[data-testid="nav-settings"]').click();
    await expect($('[data-testid="settings-encryption"]')).toHaveText(expect.stringContaining('暗号化されています'));
  });

  it('imports the roster in 管理者モード', async () => {
    await importRoster(roster);
  });

  it('leaves 管理者モード, refuses a wrong passphrase and re-enters with the right one', async () => {
    await $('[data-testid="mode-leave"]').click();
    await browser.waitUntil(async () => (await mode()) === 'no');
    await $('[data-testid="nav-audit"]').click();
    await expect($('[data-testid="admin-gate"]')).toBeDisplayed();

    await $('[data-testid="admin-gate-enter"]').click();
    await $('[data-testid="admin-passphrase"]').setValue('まちがったパスフレーズです');
    await $('[data-testid="admin-submit"]').click();
    await expect($('[data-testid="admin-error"]')).toHaveText('パスフレーズが違います。');
    expect(await mode()).toBe('no');
    // Right at once: refused too, the wait after a wrong one runs.
    await $('[data-testid="admin-passphrase"]').setValue(PASSPHRASE);
    await $('[data-testid="admin-submit"]').click();
    await expect($('[data-testid="admin-error"]')).toHaveText(expect.stringContaining('秒待ってから'));
    await browser.pause(1500);
    await $('[data-testid="admin-submit"]').click();
    await browser.waitUntil(async () => (await mode()) === 'yes', { timeout: 20_000 });
  });

  it('shows every action in the 操作記録, with the chain intact', async () => {
    const actions = await auditActions();
    expect(actions).toEqual(['mode.entered', 'mode.left', 'roster.imported', 'mode.entered', 'passphrase.set']);
    await expect($('[data-testid="audit-verdict"]')).toHaveText(expect.stringContaining('改ざんは検出されませんでした（5 件）'));
    const newest = $('[data-testid="audit-row"]');
    await expect(newest).toHaveText(expect.stringContaining('パスフレーズの誤りが 1 回'));
    await expect($$('[data-testid="audit-row"]')[2]).toHaveText(expect.stringContaining('職員名簿を取り込みました'));
    await screenshot('audit-trail');
  });

  it('starts in 職員モード again after a restart, with the data closed until the passphrase is entered', async () => {
    await browser.reloadSession();
    await $('[data-testid="clause-reader"]').waitForDisplayed(); // the desk (chosen pack) is readable while locked
    expect(await mode()).toBe('no');
    await $('[data-testid="nav-selfcheck"]').click();
    await expect($('[data-testid="selfcheck-screen"]')).toHaveText(expect.stringContaining('暗号化されていて、まだ開かれていません'));
    await enterAdmin();
    const actions = await auditActions();
    expect(actions[0]).toBe('mode.entered');
    expect(actions.length).toBe(6);
  });

  it('changes the passphrase in 設定 (the data is re-encrypted); after a restart only the new one opens it', async () => {
    const next = '新しい管理者パスフレーズです';
    await $('[data-testid="nav-settings"]').click();
    const form = $('[data-testid="passphrase-change"]');
    await form.waitForDisplayed();
    await $('#pp-current').setValue(PASSPHRASE);
    await $('#pp-new').setValue(next);
    await $('#pp-again').setValue(next);
    await form.$('button[type="submit"]').click();
    await expect(form.$('[role="status"]')).toHaveText(expect.stringContaining('パスフレーズを変更しました'), { wait: 20_000 });

    await browser.reloadSession();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
    await $('[data-testid="mode-enter"]').click();
    await $('[data-testid="admin-passphrase"]').setValue(PASSPHRASE);
    await $('[data-testid="admin-submit"]').click();
    await expect($('[data-testid="admin-error"]')).toHaveText('パスフレーズが違います。');
    await browser.pause(1500);
    await $('[data-testid="admin-passphrase"]').setValue(next);
    await $('[data-testid="admin-submit"]').click();
    await browser.waitUntil(async () => (await mode()) === 'yes', { timeout: 20_000 });
    expect((await auditActions()).slice(0, 3)).toEqual(['mode.entered', 'passphrase.changed', 'mode.entered']);
  });
});
