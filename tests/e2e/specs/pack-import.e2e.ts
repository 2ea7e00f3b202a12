import { browser, $, expect } from '@wdio/globals';
import path from 'node:path';
import { enterAdmin, goTo, repoRoot, screenshot, waitForClause } from '../helpers';

const fixture = (name: string) => path.join(repoRoot, 'tests/fixtures/packs', name);

function packOptions(): Promise<string[]> {
  return browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="settings-pack"] option'), (o) => (o as HTMLOptionElement).value).filter(Boolean),
  );
}

async function inspect(dir: string): Promise<void> {
  const input = $('[data-testid="import-path"]');
  await input.setValue(dir);
  await $('[data-testid="import-check"]').click();
}

describe('importing an organisation’s own policy pack', () => {
  before(async () => {
    await $('[data-testid="nav-settings"]').waitForDisplayed();
    await enterAdmin();
    await $('[data-testid="nav-settings"]').click();
    await $('[data-testid="pack-import"]').waitForDisplayed();
    await browser.waitUntil(async () => (await packOptions()).length === 5);
  });

  it('refuses a broken pack, lists every error with file and line, and changes nothing', async () => {
    await inspect(fixture('broken-pack'));
    const problems = $('[data-testid="import-problems"]');
    await problems.waitForDisplayed();
    const text = await problems.getText();
    for (const expected of ['pack.toml:18', 'kihon.md:5', 'kihon.md:7', 'kihon.md:9', 'HTML は使えません', 'リンク先の条項がありません：#99']) {
      expect(text).toContain(expected);
    }
    await expect($('[data-testid="import-refused"] h3')).toHaveText('このパックには誤りが 4 件あるため、取り込めません。');
    await expect($('[data-testid="import-confirm"]')).not.toBeExisting();
    await screenshot('import-refused');
    expect(await packOptions()).toHaveLength(5);
  });

  it('imports a valid pack, which the handbook then shows', async () => {
    await inspect(fixture('sample-town'));
    await $('[data-testid="import-ready"]').waitForDisplayed();
    await $('[data-testid="import-confirm"]').click();
    await expect($('[data-testid="import-done"]')).toHaveText('「見本町情報セキュリティ基本方針」版 1.0 を取り込みました。');
    await browser.waitUntil(async () => (await packOptions()).includes('sample-town'));
    expect(await packOptions()).toHaveLength(6);

    await goTo('#/handbook/sample-town/kihon/3');
    await waitForClause('sample-town/kihon/3');
    // A link inside the policy text leads to the clause it names.
    await $('[data-testid="clause-text"] a[href="tebiki:sample-town/kihon/1"]').click();
    await waitForClause('sample-town/kihon/1');
  });

  it('replaces an imported pack with a newer version only after confirmation', async () => {
    await goTo('#/settings');
    await $('[data-testid="pack-import"]').waitForDisplayed();
    await inspect(fixture('sample-town'));
    await expect($('[data-testid="import-not-newer"]')).toBeDisplayed();

    await inspect(fixture('sample-town-v2'));
    await expect($('[data-testid="import-upgrade"]')).toHaveText(expect.stringContaining('版 1.0 を、版 1.1 に置き換えます'));
    await $('[data-testid="import-confirm"]').click();
    await expect($('[data-testid="import-done"]')).toHaveText(expect.stringContaining('版 1.1 を取り込みました'));
  });

  it('never lets a pack replace a bundled one', async () => {
    await inspect(path.join(repoRoot, 'content/packs/kobe'));
    await expect($('[data-testid="import-bundled"]')).toBeDisplayed();
    await expect($('[data-testid="import-confirm"]')).not.toBeExisting();
  });
});
