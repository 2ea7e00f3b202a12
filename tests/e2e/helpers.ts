import { browser } from '@wdio/globals';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** With TEBIKI_SCREENSHOTS=DIR, saves what the test sees (for the README and for review). */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.TEBIKI_SCREENSHOTS;
  if (!dir) return;
  // Fonts loaded and two frames painted, so the picture shows the current state.
  await browser.executeAsync((done: () => void) => {
    document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  });
  await browser.saveScreenshot(path.join(dir, `${name}.png`));
}

/** Goes to an in-app address, as following a link would. */
export async function goTo(hash: string): Promise<void> {
  await browser.execute((h) => {
    window.location.hash = h;
  }, hash);
}

export function currentClause(): Promise<string | null> {
  return browser.execute(() => document.querySelector('[data-testid="clause-reader"]')?.getAttribute('data-clause') ?? null);
}

export async function waitForClause(id: string): Promise<void> {
  await browser.waitUntil(async () => (await currentClause()) === id, {
    timeoutMsg: `expected clause ${id}, reader shows ${await currentClause()}`,
  });
}

/** The 管理者 passphrase of every test data folder. */
export const PASSPHRASE = 'テスト用の管理者パスフレーズ';

/** Enters 管理者モード from the header: chooses the passphrase the first time, types it after. */
export async function enterAdmin(passphrase: string = PASSPHRASE): Promise<void> {
  const { $ } = await import('@wdio/globals');
  const mode = $('[data-testid="mode"]');
  await mode.waitForDisplayed();
  if ((await mode.getAttribute('data-admin')) === 'yes') return;
  await $('[data-testid="mode-enter"]').click();
  await $('[data-testid="admin-dialog"]').waitForDisplayed();
  await $('[data-testid="admin-passphrase"]').setValue(passphrase);
  const again = $('[data-testid="admin-passphrase-again"]');
  if (await again.isExisting()) await again.setValue(passphrase);
  await $('[data-testid="admin-submit"]').click();
  await browser.waitUntil(async () => (await mode.getAttribute('data-admin')) === 'yes', {
    timeout: 20_000,
    timeoutMsg: 'did not enter 管理者モード',
  });
}

/** Picks 神戸市 on the first start and waits for the reader. */
export async function chooseKobe(): Promise<void> {
  const { $ } = await import('@wdio/globals');
  await $('[data-testid="choose-pack-kobe"]').waitForDisplayed();
  await $('[data-testid="choose-pack-kobe"]').click();
  await $('[data-testid="clause-reader"]').waitForDisplayed();
}

/** Imports a roster CSV in 管理者モード (研修 → 職員名簿の取り込み), confirming the preview. */
export async function importRoster(file: string): Promise<void> {
  const { $ } = await import('@wdio/globals');
  await $('[data-testid="nav-training"]').click();
  await $('[data-testid="training-tab-roster"]').click();
  await $('[data-testid="roster-path"]').setValue(file);
  await $('[data-testid="roster-check"]').click();
  await $('[data-testid="roster-confirm"]').click();
  await $('[data-testid="roster-done"]').waitForDisplayed();
}

/** Restarts the app on a fresh data folder: another PC (the 管理者's), 神戸市 chosen. */
export async function asAnotherPc(): Promise<string> {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tebiki-collector-'));
  await browser.reloadSession({
    'wdio:enforceWebDriverClassic': true,
    'tauri:options': { application: path.join(repoRoot, 'target/debug/tebiki-app'), args: ['--data-dir', dir] },
  } as WebdriverIO.Capabilities);
  await chooseKobe();
  return dir;
}

/** Opens 自己点検. */
export async function openSelfcheck(): Promise<void> {
  const { $ } = await import('@wdio/globals');
  await $('[data-testid="nav-selfcheck"]').click();
  await $('[data-testid="selfcheck-screen"]').waitForDisplayed();
}

/** The item ids of the questionnaire being answered, in order. */
export async function itemIds(): Promise<string[]> {
  const { $$ } = await import('@wdio/globals');
  const items = await $$('[data-testid="selfcheck-answering"] li.item');
  const ids: string[] = [];
  for (const li of items) ids.push((await li.getAttribute('data-testid')).replace(/^item-/, ''));
  return ids;
}

/** Imports 提出ファイル in 自己点検 → 取りまとめ, one path per line (as the file picker fills the box). */
export async function importSubmissions(files: string[]): Promise<void> {
  const { $, browser } = await import('@wdio/globals');
  await $('[data-testid="selfcheck-tab-collect"]').click();
  const paths = $('[data-testid="selfcheck-import-paths"]');
  for (const [i, file] of files.entries()) {
    if (i === 0) {
      await paths.setValue(file);
    } else {
      await browser.keys(['Enter']);
      await paths.addValue(file);
    }
  }
  await $('[data-testid="selfcheck-import-do"]').click();
}
