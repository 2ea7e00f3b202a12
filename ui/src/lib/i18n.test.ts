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
      ...['learn', 'status', 'results', 'record', 'people', 'courses', 'depts', 'roster'].map((tb) => `training-tab-${tb}`),
      ...['imported', 'updated', 'duplicate'].map((s) => `training-results-status-${s}`),
      ...['not-started', 'in-progress', 'done', 'withdrawn'].map((s) => `remedy-status-${s}`),
      ...['dept', 'role', 'course'].map((b) => `training-by-${b}`),
      ...['annual', 'new-hire', 'role', 'drill'].map((k) => `course-kind-${k}`),
      ...['done', 'due', 'overdue'].map((s) => `due-state-${s}`),
      ...['answer', 'collect', 'dashboard'].map((tb) => `selfcheck-tab-${tb}`),
      ...['implemented', 'partial', 'not-implemented', 'not-applicable'].map((a) => `answer-${a}`),
      ...['unanswered', 'missing-remedy', 'missing-due', 'bad-due', 'reconfirm'].map((p) => `selfcheck-problem-${p}`),
      ...['local', 'imported'].map((s) => `selfcheck-source-${s}`),
      ...['imported', 'duplicate', 'superseded'].map((s) => `selfcheck-import-status-${s}`),
      ...['dept', 'role', 'chapter', 'item'].map((b) => `dash-by-${b}`),
      ...['due', 'department', 'item', 'answer', 'respondent'].map((s) => `dash-sort-${s}`),
      ...['selfcheck', 'training', 'department', 'form', 'certificate'].flatMap((k) => [`reports-title-${k}`, `reports-file-${k}`]),
      ...['employeeNo', 'name', 'kana', 'deptCode', 'deptName', 'employment', 'role', 'hiredOn', 'leftOn', 'email'].map((f) => `roster-field-${f}`),
      ...['glossary', 'history', 'bookmarks'].map((p) => `handbook-page-${p}`),
      ...['articles', 'dai', 'outline'].map((s) => `draft-scheme-${s}`),
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

describe('messages from Rust', () => {
  it('reads a plain whole number as a number, so that selectors apply, and keeps leading zeros as text', async () => {
    const { tm, i18n } = await import('./i18n.svelte');
    i18n.lang = 'en-US';
    expect(tm({ key: 'audit-mode-entered', args: [['failed_before', '0']] })).toBe('Entered administrator mode');
    expect(tm({ key: 'audit-mode-entered', args: [['failed_before', '2']] })).toContain('after 2 wrong');
    expect(tm({ key: 'error-file-missing', args: [['path', '0012.json']] })).toContain('0012.json');
  });
});
