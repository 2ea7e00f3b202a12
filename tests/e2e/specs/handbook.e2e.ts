import { browser, $, expect } from '@wdio/globals';
import { currentClause, goTo, screenshot, waitForClause } from '../helpers';

describe('the handbook', () => {
  it('asks on first run which organisation the reader belongs to', async () => {
    await $('[data-testid="choose-pack-kobe"]').waitForDisplayed();
    const choices = await browser.execute(() =>
      Array.from(document.querySelectorAll('[data-testid^="choose-pack-"]'), (e) => e.getAttribute('data-testid')),
    );
    expect(choices.sort()).toEqual(
      ['gunma', 'hirakawa', 'katsuura', 'kobe', 'togane-seiso'].map((id) => `choose-pack-${id}`),
    );
    await screenshot('handbook-choose');
    await $('[data-testid="choose-pack-kobe"]').click();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
    await expect($('[data-testid="reader-pack"]')).toHaveText('神戸市');
  });

  it('opens 7.2.2 from the table of contents and shows its text', async () => {
    await $('[data-testid="toc"] [aria-label="「人的セキュリティ」を開く"]').click();
    await $('[data-testid="toc"] [aria-label="「研修・訓練」を開く"]').click();
    await $('[data-testid="toc-kobe/taisaku/7.2.2"]').click();
    await waitForClause('kobe/taisaku/7.2.2');
    const text = $('[data-testid="clause-text"]');
    await expect(text).toHaveText(expect.stringContaining('職員等を対象とする情報セキュリティに関する研修を毎年度最低 1 回実施しなければならない。'));
    await expect($('[data-testid="clause-text"] h2')).toHaveText('7.2.2 研修計画の策定及び実施');
    await expect($('.breadcrumbs')).toHaveText(expect.stringContaining('7.2 研修・訓練'));
    await expect($('[data-testid="toc-kobe/taisaku/7.2.2"]')).toHaveAttribute('aria-current', 'location');
    await screenshot('handbook-7.2.2');
  });

  it('shows a glossary definition on hover and on keyboard focus', async () => {
    const term = $('[data-testid="clause-text"] .gloss');
    await term.waitForDisplayed();
    const word = await term.getText();
    await term.moveTo();
    const tip = $('[data-testid="gloss-tip"]');
    await tip.waitForDisplayed();
    await expect(tip).toHaveText(expect.stringContaining(word));
    await screenshot('handbook-glossary-hover');
    // Move away: the definition goes.
    await $('[data-testid="clause-reader"] .breadcrumbs').moveTo();
    await tip.waitForDisplayed({ reverse: true });
    // Keyboard: focusing the term shows it too.
    await browser.execute(() => (document.querySelector('[data-testid="clause-text"] .gloss') as HTMLElement).focus());
    await tip.waitForDisplayed();
  });

  it('goes to the next and previous clause', async () => {
    await $('[data-testid="clause-next"]').click();
    await waitForClause('kobe/taisaku/7.2.3');
    await $('[data-testid="clause-prev"]').click();
    await waitForClause('kobe/taisaku/7.2.2');
  });

  it('follows a deep link to a clause of another pack', async () => {
    await goTo('#/handbook/katsuura/taisaku/62');
    await waitForClause('katsuura/taisaku/62');
    await expect($('[data-testid="clause-text"] h2')).toHaveText(expect.stringMatching(/^第62 /));
    await expect($('[data-testid="reader-pack"]')).toHaveText('勝浦市');
    await goTo('#/handbook/kobe/taisaku/7.2.2');
    await waitForClause('kobe/taisaku/7.2.2');
  });

  it('copies a clause link and keeps bookmarks', async () => {
    await $('[data-testid="clause-copy-link"]').click();
    await expect($('[data-testid="clause-status"]')).toHaveText(expect.stringContaining('tebiki:kobe/taisaku/7.2.2'));
    await $('[data-testid="clause-bookmark"]').click();
    await expect($('[data-testid="clause-bookmark"]')).toHaveAttribute('aria-pressed', 'true');
    await $('[data-testid="handbook-page-bookmarks"]').click();
    await expect($('[data-testid="bookmarks-page"]')).toHaveText(expect.stringContaining('7.2.2 研修計画の策定及び実施'));
  });

  it('has a glossary page and a revision history in 和暦 and 西暦', async () => {
    await $('[data-testid="handbook-page-glossary"]').click();
    await expect($('[data-testid="glossary-page"]')).toHaveText(expect.stringContaining('職員等'));
    await $('[data-testid="handbook-page-history"]').click();
    const history = $('[data-testid="history-page"]');
    await expect(history).toHaveText(expect.stringContaining('令和4年4月1日'));
    await expect(history).toHaveText(expect.stringContaining('2022年4月1日'));
    await screenshot('handbook-history');
  });

  it('says that an outline-only 対策基準 is 非公開 and invents no text', async () => {
    await goTo('#/handbook/hirakawa/taisaku/7-2');
    await waitForClause('hirakawa/taisaku/7-2');
    await expect($('[data-testid="outline-notice"]')).toHaveText(expect.stringContaining('本文は非公開'));
    await expect($('[data-testid="clause-text"]')).toHaveText(expect.stringContaining('(3) 緊急時対応訓練'));
    await screenshot('handbook-outline');
  });

  it('remembers the reading position across a restart', async () => {
    await goTo('#/handbook/kobe/taisaku/11.2.1');
    await waitForClause('kobe/taisaku/11.2.1');
    await browser.reloadSession();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
    await waitForClause('kobe/taisaku/11.2.1');
    expect(await currentClause()).toBe('kobe/taisaku/11.2.1');
  });

  it('reads in the dark theme when the user chooses it', async () => {
    await goTo('#/settings');
    await $('[data-testid="settings-theme-dark"]').click();
    await goTo('#/handbook/kobe/taisaku/7.2.2');
    await waitForClause('kobe/taisaku/7.2.2');
    const bg = await browser.execute(() => getComputedStyle(document.body.parentElement!).backgroundColor);
    expect(bg).toBe('rgb(21, 25, 29)');
    await screenshot('handbook-dark');
    await goTo('#/settings');
    await $('[data-testid="settings-theme-system"]').click();
  });
});
