//! 設定 → ポリシーパックの作成 and `tebiki content draft`: a pack drafted from
//! the organisation's own policy file (plain text, 例規集 HTML, .docx, PDF).
//!
//! Drafting reads one file and writes a pack folder; it touches no personal
//! data, so it needs no 管理者モード. Installing the draft is the pack import,
//! which does ([`crate::handbook::import_pack`]).

use crate::access::Admin;
use crate::error::{ErrorCode, ServiceResult};
use crate::files::absolute_path;
use crate::session::Session;
use std::path::PathBuf;
pub use tebiki_draft::report::DraftReport;
pub use tebiki_draft::{DraftOptions, Drafted, WriteOutcome};

fn drafted(session: &Session, input: &str, options: &DraftOptions) -> ServiceResult<Drafted> {
    let path = absolute_path(session.lang(), input)?;
    tebiki_draft::draft_file(&path, options).map_err(|e| session.err_message(ErrorCode::Invalid, &e.message()))
}

/// Drafts the pack and returns the report (outline, first clauses, counts,
/// lines not placed, what `content check` says of it). Nothing is written.
pub fn preview(session: &Session, input: &str, options: &DraftOptions) -> ServiceResult<DraftReport> {
    drafted(session, input, options).map(|d| d.report)
}

/// Drafts the pack into `out_dir`, a folder that does not exist or is empty
/// (nothing of the person's is overwritten), to be finished by hand.
pub fn write_to(session: &Session, input: &str, options: &DraftOptions, out_dir: &str) -> ServiceResult<(DraftReport, WriteOutcome)> {
    let out = absolute_path(session.lang(), out_dir)?;
    let d = drafted(session, input, options)?;
    let written = tebiki_draft::write(&d.pack, &out).map_err(|e| session.err_message(ErrorCode::Io, &e.message()))?;
    Ok((d.report, written))
}

/// Drafts the pack into a new folder under the data folder's `drafts/`, from
/// where the validated pack import (管理者モード) takes it. Returns the folder.
pub fn write_for_import(admin: &mut Admin, input: &str, options: &DraftOptions) -> ServiceResult<PathBuf> {
    let session = admin.session();
    let d = drafted(session, input, options)?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let dir = session.data_dir().join("drafts").join(format!("{}-{stamp}", d.pack.id));
    tebiki_draft::write(&d.pack, &dir).map_err(|e| session.err_message(ErrorCode::Io, &e.message()))?;
    Ok(dir)
}
