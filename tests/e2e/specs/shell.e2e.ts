import { browser, $, expect } from '@wdio/globals';
import { enterAdmin, screenshot } from '../helpers';

const NAV_JA = ['ハンドブック', '自己点検', '研修', '報告書', '操作記録', '設定'];
const NAV_EN = ['Handbook', 'Self-inspection', 'Training', 'Reports', 'Audit trail', 'Settings'];

function navTexts(): Promise<string[]> {
  return browser.execute(() =>
    Array.from(document.querySelectorAll('nav.app-nav a'), (b) => (b.textContent ?? '').trim()),
  );
}

describe('the app shell', () => {
  it('opens in Japanese with the title and the navigation', async () => {
    await $('[data-testid="nav-handbook"]').waitForDisplayed();
    await browser.waitUntil(async () => (await browser.getTitle()) === 'Tebiki 手引き — 情報セキュリティポリシー', {
      timeoutMsg: `title was ${await browser.getTitle()}`,
    });
    expect(await navTexts()).toEqual(NAV_JA);
    await expect($('[data-testid="area-handbook"] h1')).toHaveText('所属する団体のポリシーを選んでください');
    await screenshot('shell-ja');
  });

  it('opens every area; the administrative ones only in 管理者モード', async () => {
    await $('[data-testid="nav-selfcheck"]').click();
    await expect($('[data-testid="selfcheck-screen"]')).toBeDisplayed();
    for (const area of ['reports', 'audit']) {
      await $(`[data-testid="nav-${area}"]`).click();
      await expect($('[data-testid="admin-gate"]')).toBeDisplayed();
    }
    // 研修: one's own course for everyone, the organisation's records behind the gate.
    await $('[data-testid="nav-training"]').click();
    await expect($('[data-testid="elearning"]')).toBeDisplayed();
    await expect($('[data-testid="training-tab-status"]')).not.toBeExisting();
    await enterAdmin();
    for (const [area, screen] of [['training', 'training-screen'], ['reports', 'reports-screen'], ['audit', 'audit-screen']]) {
      await $(`[data-testid="nav-${area}"]`).click();
      await expect($(`[data-testid="${screen}"]`)).toBeDisplayed();
    }
  });

  it('switches to English live, and the choice survives a restart', async () => {
    await $('[data-testid="nav-settings"]').click();
    const select = $('[data-testid="settings-language"]');
    await select.waitForDisplayed();
    await screenshot('settings-ja');
    await select.selectByAttribute('value', 'en-US');
    await browser.waitUntil(async () => (await navTexts())[0] === 'Handbook');
    expect(await navTexts()).toEqual(NAV_EN);
    await expect($('[data-testid="area-settings"] h1')).toHaveText('Settings');
    expect(await browser.getTitle()).toBe('Tebiki — information security policy');
    await screenshot('settings-en');

    // A new session starts the app again on the same data folder.
    await browser.reloadSession();
    await $('[data-testid="nav-handbook"]').waitForDisplayed();
    await browser.waitUntil(async () => (await navTexts())[0] === 'Handbook');
    expect(await navTexts()).toEqual(NAV_EN);
    expect(await browser.getTitle()).toBe('Tebiki — information security policy');
  });

  it('switches back to Japanese', async () => {
    await $('[data-testid="nav-settings"]').click();
    await $('[data-testid="settings-language"]').selectByAttribute('value', 'ja-JP');
    await browser.waitUntil(async () => (await navTexts())[0] === 'ハンドブック');
    expect(await navTexts()).toEqual(NAV_JA);
  });
});
