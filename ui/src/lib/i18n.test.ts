import { describe, expect, it } from 'vitest';
import { LANGUAGES, messageIds, translate } from './i18n.svelte';
import { AREAS } from './areas';
import { THEMES, TEXT_SIZES } from './settings-options';

describe('locales', () => {
  it('ja-JP and en-US define the same message ids', () => {
    const ja = new Set(messageIds('ja-JP'));
    const en = new Set(messageIds('en-US'));
    expect(ja.size).toBeGreaterThan(10);
    expect([...ja].filter((id) => !en.has(id))).toEqual([]);
    expect([...en].filter((id) => !ja.has(id))).toEqual([]);
  });

  it('every key the UI builds from a list of values exists in both languages', () => {
    const built = [
      ...AREAS.map((a) => `nav-${a}`),
      ...AREAS.filter((a) => !['settings', 'handbook', 'training'].includes(a)).map((a) => `area-pending-${a}`),
      ...['status', 'record', 'roster'].map((tb) => `training-tab-${tb}`),
      ...['employeeNo', 'name', 'kana', 'deptCode', 'deptName', 'employment', 'role', 'hiredOn', 'leftOn', 'email'].map((f) => `roster-field-${f}`),
      ...['glossary', 'history', 'bookmarks'].map((p) => `handbook-page-${p}`),
      ...LANGUAGES.map((l) => `language-${l}`),
      ...THEMES.map((t) => `theme-${t}`),
      ...TEXT_SIZES.map((s) => `text-size-${s}`),
    ];
    for (const lang of LANGUAGES) {
      const ids = new Set(messageIds(lang));
      expect(built.filter((k) => !ids.has(k)), lang).toEqual([]);
    }
  });

  it('formats arguments without bidi isolation marks', () => {
    const text = translate('ja-JP', 'settings-backup-done', { path: '/tmp/x.db' });
    expect(text).toBe('バックアップを保存しました：/tmp/x.db');
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });

  it('switches language per call and falls back to the id when a key is missing', () => {
    expect(translate('ja-JP', 'nav-handbook')).toBe('ハンドブック');
    expect(translate('en-US', 'nav-handbook')).toBe('Handbook');
    expect(translate('en-US', 'no-such-key')).toBe('no-such-key');
  });
});
