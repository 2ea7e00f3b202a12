// The 操作記録 screen's state: the entries read so far (newest first, a page
// at a time), whether the hash chain is intact, and the CSV export — which
// is itself recorded, so the list is read again after it.
import * as backend from './backend';
import type { AuditRow } from './bindings/AuditRow';
import type { AuditVerdict } from './bindings/AuditVerdict';

/** Entries read at a time. */
export const AUDIT_PAGE = 100;

class Audit {
  rows = $state<AuditRow[]>([]);
  verdict = $state<AuditVerdict | null>(null);
  /** Whether older entries remain to be read. */
  more = $state(false);
  error = $state<string | null>(null);

  /** The newest page and the chain's verdict. */
  async load(): Promise<void> {
    try {
      const page = await backend.auditEntries(null, AUDIT_PAGE);
      this.rows = page;
      this.more = page.length === AUDIT_PAGE;
      this.verdict = await backend.verifyAudit();
      this.error = null;
    } catch (e) {
      this.error = String(e);
    }
  }

  /** The page before the oldest entry shown. */
  async loadMore(): Promise<void> {
    const last = this.rows.at(-1);
    if (!last) return;
    try {
      const page = await backend.auditEntries(last.entry.seq, AUDIT_PAGE);
      this.rows = [...this.rows, ...page];
      this.more = page.length === AUDIT_PAGE;
    } catch (e) {
      this.error = String(e);
    }
  }

  /** Writes the CSV, then shows the entry the export itself added; resolves to the path written. */
  async exportCsv(path: string, shiftJis: boolean): Promise<string> {
    const written = await backend.exportAudit(path, shiftJis);
    await this.load();
    return written;
  }
}

export const audit = new Audit();
