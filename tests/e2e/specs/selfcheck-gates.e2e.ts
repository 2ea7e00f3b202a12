import { browser, $, $$, expect } from '@wdio/globals';
import { goTo, screenshot } from '../helpers';

// 自己点検 with applicability gates (事前確認), and the provenance of roles
// and courses in the reader (issue 17). 勝浦市's 職員等 questionnaire opens with
// 「重要機能室に入室したり、そこで作業したりすることがありますか」: 「いいえ」
// marks the six items about those rooms 該当なし, 「はい」 brings them back.

async function visibleItems(): Promise<string[]> {
  const items = await $$('[data-testid="selfcheck-answering"] li.item');
  const ids: string[] = [];
  for (const li of items) ids.push((await li.getAttribute('data-testid')).replace(/^item-/, ''));
  return ids;
}

const ROOM_ITEMS = ['s19', 's21', 's22', 's20', 's23', 's24'];

describe('自己点検: 事前確認 marks a group 該当なし', () => {
  before(async () => {
    await $('[data-testid="choose-pack-katsuura"]').waitForDisplayed();
    await $('[data-testid="choose-pack-katsuura"]').click();
    await $('[data-testid="clause-reader"]').waitForDisplayed();
    await $('[data-testid="nav-selfcheck"]').click();
    await $('[data-testid="selfcheck-screen"]').waitForDisplayed();
  });

  it('answering 「いいえ」 hides the group and counts it 該当なし; 「はい」 brings it back unanswered', async () => {
    await $('[data-testid="selfcheck-name"]').setValue('勝浦 花子');
    await $('[data-testid="selfcheck-employee-no"]').setValue('2001');
    await $('[data-testid="selfcheck-dept"]').setValue('総務課');
    await expect($('[data-testid="selfcheck-role"]')).toHaveValue('staff');
    await $('[data-testid="selfcheck-begin"]').click();
    await $('[data-testid="selfcheck-answering"]').waitForDisplayed();
    await expect($('[data-testid="gate-g-room"]')).toBeDisplayed();
    const all = await visibleItems();
    expect(all).toEqual(expect.arrayContaining(ROOM_ITEMS));
    // Per-item 該当なし guidance is shown with the item.
    await expect($('[data-testid="na-s06"]')).toHaveText(expect.stringContaining('該当なし'));

    await $('[data-testid="gate-g-room-no"]').click();
    await expect($('[data-testid="gate-g-room-skipped"]')).toHaveText(expect.stringContaining('次の 6 問は「該当なし」'));
    await browser.waitUntil(async () => (await visibleItems()).length === all.length - ROOM_ITEMS.length);
    const left = await visibleItems();
    for (const id of ROOM_ITEMS) expect(left).not.toContain(id);
    await expect($('.answer-progress')).toHaveText(expect.stringContaining(`6 / ${all.length} 問回答`));
    await screenshot('selfcheck-gate-no');

    // The rest answered, the review allows submitting: the group needs nothing more.
    for (const id of left) await $(`[data-testid="answer-${id}-implemented"]`).click();
    await $('[data-testid="selfcheck-to-review"]').click();
    await expect($('[data-testid="selfcheck-review"]')).toHaveText(expect.stringContaining('提出できます'));
    await $('[data-testid="selfcheck-review"] button').click();

    // 「はい」: the six are back, unanswered, so the review stops the submission again.
    await $('[data-testid="gate-g-room-yes"]').click();
    await browser.waitUntil(async () => (await visibleItems()).length === all.length);
    await expect($('[data-testid="answer-s19-not-applicable"]')).not.toBeSelected();
    await expect($('.answer-progress')).toHaveText(expect.stringContaining(`${all.length - 6} / ${all.length} 問回答`));
    await $('[data-testid="selfcheck-to-review"]').click();
    await expect($('[data-testid="selfcheck-submit"]')).toBeDisabled();
    await $('[data-testid="selfcheck-review"] button').click();

    // 「いいえ」 again, then submit: the file's answers hold the six as 該当なし.
    await $('[data-testid="gate-g-room-no"]').click();
    await browser.waitUntil(async () => (await visibleItems()).length === all.length - ROOM_ITEMS.length);
    await $('[data-testid="selfcheck-to-review"]').click();
    await $('[data-testid="selfcheck-submit"]').click();
    await expect($('[data-testid="selfcheck-submitted"]')).toHaveText(expect.stringContaining('提出しました（第 1 版）'));
  });
});

describe('役割と研修: what the text says and what the organisation set', () => {
  it('shows 勝浦市 roles as quotes and 神戸市 settings as 「本文に規定なし（団体の設定）」', async () => {
    await goTo('#/handbook/roles');
    await $('[data-testid="roles-page"]').waitForDisplayed();
    await expect($('[data-testid="role-source-system-admin"]')).toHaveAttribute('data-kind', 'quote');
    await expect($('[data-testid="role-source-system-admin"]')).toHaveText(expect.stringContaining('情報システム管理者の配置'));

    await $('[data-testid="nav-settings"]').click();
    await $('[data-testid="settings-pack"]').waitForDisplayed();
    await $('[data-testid="settings-pack"]').selectByAttribute('value', 'kobe');
    await goTo('#/handbook/roles');
    await $('[data-testid="role-source-info-manager"]').waitForDisplayed();
    await expect($('[data-testid="course-source-new-hire"]')).toHaveAttribute('data-kind', 'quote');
    await expect($('[data-testid="course-deadline-source-new-hire"]')).toHaveAttribute('data-kind', 'setting');
    await expect($('[data-testid="course-deadline-source-new-hire"]')).toHaveText(expect.stringContaining('本文に規定なし（団体の設定）'));
    await expect($('[data-testid="course-roles-source-manager"]')).toHaveAttribute('data-kind', 'quote');
    await expect($('[data-testid="course-roles-source-drill"]')).toHaveAttribute('data-kind', 'setting');
    await screenshot('handbook-roles-provenance');
  });
});
