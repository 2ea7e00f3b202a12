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
