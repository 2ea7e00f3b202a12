import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./backend', () => ({
  auditEntries: vi.fn(),
  verifyAudit: vi.fn(),
  exportAudit: vi.fn(),
}));

import * as backend from './backend';
import { audit, AUDIT_PAGE } from './audit.svelte';
import type { AuditRow } from './bindings/AuditRow';

/** Entries `from` down to `from - count + 1`, newest first, as the store pages them. */
function page(from: number, count: number): AuditRow[] {
  return Array.from({ length: count }, (_, i) => ({
    entry: { seq: from - i, at: '2026-11-22T09:05:00+09:00', mode: 'admin', action: 'roster-import', details: {}, prev_hash: '', hash: '' },
    summary: '名簿を取り込みました',
    modeLabel: '管理者モード',
  }));
}

describe('audit', () => {
  beforeEach(() => {
    vi.resetAllMocks();
    audit.rows = [];
    audit.verdict = null;
    audit.more = false;
    audit.error = null;
    vi.mocked(backend.verifyAudit).mockResolvedValue({ entries: 150, broken: null, unconfirmed: null, status: 'intact' });
  });

  it('reads the newest page and the verdict; a full page means older entries remain', async () => {
    vi.mocked(backend.auditEntries).mockResolvedValue(page(150, AUDIT_PAGE));
    await audit.load();
    expect(backend.auditEntries).toHaveBeenCalledWith(null, AUDIT_PAGE);
    expect(audit.rows).toHaveLength(AUDIT_PAGE);
    expect(audit.more).toBe(true);
    expect(audit.verdict?.entries).toBe(150);
  });

  it('reads the page before the oldest entry shown, and stops at the first one', async () => {
    vi.mocked(backend.auditEntries).mockResolvedValueOnce(page(150, AUDIT_PAGE)).mockResolvedValueOnce(page(50, 50));
    await audit.load();
    await audit.loadMore();
    expect(backend.auditEntries).toHaveBeenLastCalledWith(51, AUDIT_PAGE);
    expect(audit.rows.map((r) => r.entry.seq).at(-1)).toBe(1);
    expect(audit.more).toBe(false);
  });

  it('reads the list again after an export, which is itself recorded', async () => {
    vi.mocked(backend.auditEntries).mockResolvedValue(page(151, 1));
    vi.mocked(backend.exportAudit).mockResolvedValue('C:\\out\\tebiki-操作記録.csv');
    const written = await audit.exportCsv('C:\\out\\tebiki-操作記録.csv', true);
    expect(written).toBe('C:\\out\\tebiki-操作記録.csv');
    expect(backend.exportAudit).toHaveBeenCalledWith('C:\\out\\tebiki-操作記録.csv', true);
    expect(audit.rows[0].entry.seq).toBe(151);
  });

  it('says why the entries could not be read (職員モード)', async () => {
    vi.mocked(backend.auditEntries).mockRejectedValue(new Error('管理者モードが必要です'));
    await audit.load();
    expect(audit.error).toContain('管理者モード');
  });
});
