import { browser, $, expect } from '@wdio/globals';
import path from 'node:path';
import { enterAdmin, goTo, repoRoot, screenshot, waitForClause } from '../helpers';

// 設定 → ポリシーパックの作成: a plain-text policy is drafted, previewed,
// imported through the validated import, read in the handbook and searched.
const policy = path.join(repoRoot, 'tests/fixtures/draft/midorigaoka-policy.txt');

function outline(): Promise<string[]> {
  return browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="draft-outline"] li'), (e) => (e.textContent ?? '').trim()),
  );
}

function packOptions(): Promise<string[]> {
  return browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="settings-pack"] option'), (o) => (o as HTMLOptionElement).value).filter(Boolean),
  );
}

describe('drafting a policy pack from the organisation’s own text', () => {
  before(async () => {
    await $('[data-testid="nav-settings"]').waitForDisplayed();
    await enterAdmin();
    await $('[data-testid="nav-settings"]').click();
    await $('[data-testid="pack-draft"]').waitForDisplayed();
  });

  it('previews the drafted structure before anything is written', async () => {
    await $('[data-testid="draft-path"]').setValue(policy);
    await $('[data-testid="draft-run"]').click();
    await $('[data-testid="draft-preview"]').waitForDisplayed();
    // What the draft took from the text, ready to change.
    await expect($('[data-testid="draft-org"]')).toHaveValue('緑ヶ丘町');
    await expect($('[data-testid="draft-title"]')).toHaveValue('緑ヶ丘町情報セキュリティ対策基準');
    await expect($('[data-testid="draft-counts"]')).toHaveText(expect.stringContaining('章 4、節 0、条項 15、定義 3、役割 4'));
    await expect($('[data-testid="draft-verbatim"]')).toHaveText(expect.stringContaining('すべてパックにあります'));
    const toc = await outline();
    expect(toc).toHaveLength(15);
    expect(toc[0]).toBe('第1章 総則');
    expect(toc[1]).toBe('第1条 (目的)');
    expect(toc).toContain('附則');
    // The 目次 of the source is not a clause.
    expect(toc.filter((h) => h.includes('(第1条・第2条)'))).toHaveLength(0);
    await expect($('[data-testid="draft-clause"]')).toHaveText(expect.stringContaining('緑ヶ丘町(以下「町」という。)が保有する情報資産'));
    await expect($('[data-testid="draft-to-fill"]')).toHaveText(expect.stringContaining('研修'));

    await $('[data-testid="draft-id"]').setValue('midorigaoka');
    await $('[data-testid="draft-run"]').click();
    await browser.waitUntil(async () => (await $('[data-testid="draft-clause"] code').getText()).startsWith('midorigaoka/'));
    await screenshot('pack-draft-preview');
    // Nothing was imported by the preview.
    expect(await packOptions()).not.toContain('midorigaoka');
  });

  it('imports the draft through the validated import', async () => {
    await $('[data-testid="draft-import"]').click();
    await $('[data-testid="draft-import-ready"]').waitForDisplayed();
    await expect($('[data-testid="draft-import-ready"]')).toHaveText(expect.stringContaining('条項 15'));
    await $('[data-testid="draft-import-confirm"]').click();
    await expect($('[data-testid="draft-done"]')).toHaveText(expect.stringContaining('緑ヶ丘町情報セキュリティ対策基準'));
    await browser.waitUntil(async () => (await packOptions()).includes('midorigaoka'));
    await screenshot('pack-draft-imported');
  });

  it('opens the drafted pack in the handbook and finds its clauses by search', async () => {
    await $('[data-testid="settings-pack"]').selectByAttribute('value', 'midorigaoka');
    await goTo('#/handbook/midorigaoka/taisaku/6');
    await waitForClause('midorigaoka/taisaku/6');
    await expect($('[data-testid="clause-text"]')).toHaveText(expect.stringContaining('離席するときは、端末をロックすること。'));
    await screenshot('pack-draft-handbook');

    await browser.keys(['Control', 'k']);
    const input = $('[data-testid="search-input"]');
    await input.waitForDisplayed();
    await input.setValue('ひまわり手帳');
    await browser.waitUntil(
      async () =>
        (await browser.execute(() => Array.from(document.querySelectorAll('[data-testid="search-hit"]'), (e) => e.getAttribute('data-clause')))).includes(
          'midorigaoka/taisaku/9',
        ),
      { timeoutMsg: 'the drafted clause was not found by search' },
    );
    await screenshot('pack-draft-search');
    await $('[data-testid="search-hit"]').click();
    await waitForClause('midorigaoka/taisaku/9');
  });
});
