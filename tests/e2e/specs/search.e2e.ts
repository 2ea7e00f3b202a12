import { browser, $, expect } from '@wdio/globals';
import { screenshot, waitForClause } from '../helpers';

function hitIds(): Promise<string[]> {
  return browser.execute(() =>
    Array.from(document.querySelectorAll('[data-testid="search-hit"]'), (e) => e.getAttribute('data-clause') ?? ''),
  );
}

/** Types a query and waits until the results shown are for it. */
async function typeQuery(q: string): Promise<void> {
  const input = $('[data-testid="search-input"]');
  await input.clearValue();
  await input.setValue(q);
  await browser.waitUntil(
    async () => (await browser.execute(() => document.querySelector('[data-testid="search-results"]')?.getAttribute('data-query'))) === q,
    { timeoutMsg: `results never showed for ${q}` },
  );
}

describe('search', () => {
  before(async () => {
    await $('[data-testid="choose-pack-kobe"]').waitForDisplayed();
    await $('[data-testid="choose-pack-kobe"]').click();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
  });

  it('opens with Ctrl+K, finds 研修 in 神戸市 7.2 with highlights, and opens the clause', async () => {
    await browser.keys(['Control', 'k']);
    const input = $('[data-testid="search-input"]');
    await input.waitForDisplayed();
    expect(await browser.execute(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
    await typeQuery('研修');
    await browser.waitUntil(async () => (await hitIds()).length > 0, { timeoutMsg: 'no results for 研修' });
    const ids = await hitIds();
    expect(ids[0]).toMatch(/^kobe\/taisaku\/7\.2/);
    expect(ids.every((id) => id.startsWith('kobe/'))).toBe(true);
    const marks = await browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="search-hit"] mark'), (m) => m.textContent),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m === '研修')).toBe(true);
    await screenshot('search-kenshu');

    await $('[data-testid="search-hit"]').click();
    await waitForClause(ids[0]);
    await expect($('[data-testid="search-palette"]')).not.toBeExisting();
    const clauseMarks = await browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="clause-text"] mark.hit'), (m) => m.textContent),
    );
    expect(clauseMarks.length).toBeGreaterThan(0);
    expect(clauseMarks.every((m) => m === '研修')).toBe(true);
    await screenshot('search-opened-clause');
  });

  it('is reachable with "/" and walks results with the arrow keys', async () => {
    await $('[data-testid="clause-text"]').click();
    await browser.keys('/');
    await $('[data-testid="search-input"]').waitForDisplayed();
    await typeQuery('パスワード');
    await browser.waitUntil(async () => (await hitIds()).length > 1);
    const ids = await hitIds();
    await browser.keys(['ArrowDown']);
    await browser.keys(['Enter']);
    await waitForClause(ids[1]);
  });

  it('goes to a clause number and searches every pack on request', async () => {
    await browser.keys(['Control', 'k']);
    await typeQuery('第62');
    // Only 神戸市 by default: 勝浦市 第62 is in another pack.
    expect(await hitIds()).not.toContain('katsuura/taisaku/62');
    await $('[data-testid="search-all-packs"]').click();
    await browser.waitUntil(async () => (await hitIds())[0] === 'katsuura/taisaku/62', {
      timeoutMsg: `got ${await hitIds()}`,
    });
    await browser.keys(['Enter']);
    await waitForClause('katsuura/taisaku/62');
  });

  it('says when nothing is found and suggests a shorter term', async () => {
    await browser.keys(['Control', 'k']);
    await typeQuery('研修受講証明書');
    const empty = $('[data-testid="search-empty"]');
    await empty.waitForDisplayed();
    await expect(empty).toHaveText(expect.stringContaining('見つかりませんでした'));
    await screenshot('search-empty');
    await $('[data-testid="search-empty"] .chip').click();
    await browser.waitUntil(async () => (await hitIds()).length > 0);
    await browser.keys(['Escape']);
    await expect($('[data-testid="search-palette"]')).not.toBeExisting();
  });
});
