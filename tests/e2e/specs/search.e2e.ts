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
    // Clauses that have 研修 show it marked; those found only through the
    // everyday-words table (訓練 …) carry the 言い換えで一致 badge and come after.
    const marks = await browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="search-hit"]'))
        .filter((h) => !h.querySelector('[data-testid="search-hit-mapped"]'))
        .flatMap((h) => Array.from(h.querySelectorAll('mark'), (m) => m.textContent)),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m === '研修')).toBe(true);
    const mappedFrom: number = await browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="search-hit"]')).findIndex((h) => h.querySelector('[data-testid="search-hit-mapped"]')),
    );
    const literalAfterMapped: boolean = await browser.execute(() => {
      const hits = Array.from(document.querySelectorAll('[data-testid="search-hit"]'));
      const first = hits.findIndex((h) => h.querySelector('[data-testid="search-hit-mapped"]'));
      return first >= 0 && hits.slice(first).some((h) => !h.querySelector('[data-testid="search-hit-mapped"]'));
    });
    expect(mappedFrom === -1 || mappedFrom > 0).toBe(true);
    expect(literalAfterMapped).toBe(false);
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

  it('reads 「パソコンを紛失した」 as staff mean it, says how, and opens 神戸市 7.1.1 or 6.4.4', async () => {
    await browser.keys(['Control', 'k']);
    await typeQuery('パソコンを紛失した');
    await browser.waitUntil(async () => (await hitIds()).length > 0, { timeoutMsg: 'no results for パソコンを紛失した' });
    const ids = await hitIds();
    const target = ids.slice(0, 5).find((id) => id === 'kobe/taisaku/7.1.1' || id === 'kobe/taisaku/6.4.4');
    expect(target).toBeDefined();
    // The explanation line says how the query was read.
    const reading = $('[data-testid="search-reading"]');
    await expect(reading).toBeDisplayed();
    const lines: string[] = await browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="search-reading"] li'), (l) => l.textContent ?? ''),
    );
    expect(lines.some((l) => l.includes('パソコン') && l.includes('紛失') && l.includes('の語で検索しました'))).toBe(true);
    expect(lines.some((l) => l.includes('「パソコン」を「') && l.includes('端末') && l.includes('としても検索しました'))).toBe(true);
    // Hits are marked, also where the clause says 端末 for パソコン.
    const marks: string[] = await browser.execute(
      (id) => Array.from(document.querySelectorAll(`[data-clause="${id}"] mark`), (m) => m.textContent ?? ''),
      target!,
    );
    expect(marks).toContain('紛失');
    expect(marks.some((m) => m.includes('端末'))).toBe(true);
    await screenshot('search-staff-words');

    await $(`[data-testid="search-hit"][data-clause="${target}"]`).click();
    await waitForClause(target!);
    const clauseMarks: string[] = await browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid="clause-text"] mark.hit'), (m) => m.textContent ?? ''),
    );
    expect(clauseMarks).toContain('紛失');
    expect(clauseMarks.some((m) => m.includes('端末'))).toBe(true);
    await screenshot('search-staff-words-opened');
  });

  it('says when nothing is found and suggests a shorter term', async () => {
    await browser.keys(['Control', 'k']);
    await typeQuery('証明書発行手数料');
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
