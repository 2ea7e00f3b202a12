//! The desktop app's IPC contract: the request of every Tauri command that
//! takes arguments, generated into TypeScript (ts-rs) with the responses,
//! so that a renamed field fails `svelte-check` instead of failing at run
//! time. Each command takes one `req`; progress goes on a separate channel.

use serde::Deserialize;
use tebiki_core::roster::import::RosterField;
use tebiki_core::selfcheck::answers::ItemAnswer;
use tebiki_core::selfcheck::dashboard::RemedySort;
use tebiki_core::settings::Settings;
use tebiki_core::training::catalogue::CourseDraft;
use tebiki_store::SessionInput;
use ts_rs::TS;

pub use crate::elearning::{ElearningPerson, ElearningStep};
pub use crate::remedies::RemedyProgressRequest;
pub use crate::report::ReportRequest;
pub use crate::selfcheck::StartInspection;

/// Declares request structs: camelCase on the wire, exported to TypeScript.
macro_rules! requests {
    ($($(#[$doc:meta])* $name:ident { $($(#[$fdoc:meta])* $field:ident : $ty:ty),* $(,)? })*) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Deserialize, TS)]
            #[ts(export)]
            #[serde(rename_all = "camelCase")]
            pub struct $name { $($(#[$fdoc])* pub $field: $ty),* }
        )*
    };
}

requests! {
    EnterAdminRequest { passphrase: String }
    SetPassphraseRequest {
        new_passphrase: String,
        /// The current one, when changing it.
        current: Option<String>,
    }
    AuditEntriesRequest {
        /// Entries before this sequence number (None: the newest).
        #[ts(type = "number | null")]
        before: Option<i64>,
        limit: usize,
    }
    /// A file the user chose in a save dialog, and its encoding for Excel.
    CsvExportRequest { path: String, shift_jis: bool }
    SaveSettingsRequest { settings: Settings }
    PathRequest { path: String }
    PackOutlineRequest { pack_id: String }
    ClauseViewRequest { clause_id: String, highlight: Option<String> }
    ClauseRequest { clause_id: String }
    ImportPackRequest { path: String, confirm_upgrade: bool }
    SearchRequest { query: String, pack: Option<String>, limit: Option<usize> }
    /// 設定 → ポリシーパックの作成: the policy file and what the person set.
    DraftPreviewRequest { path: String, options: tebiki_draft::DraftOptions }
    /// Without `out_dir` the draft goes to the data folder for the pack import (管理者モード).
    DraftWriteRequest { path: String, options: tebiki_draft::DraftOptions, out_dir: Option<String> }
    RosterPreviewRequest { path: String, mapping: Option<Vec<Option<RosterField>>>, full: bool }
    RosterImportRequest {
        path: String,
        mapping: Option<Vec<Option<RosterField>>>,
        full: bool,
        /// The 管理者 confirmed that more than a tenth of the roster becomes 退職.
        confirm_many: bool,
    }
    YearRequest { year: i32 }
    OptionalYearRequest { year: Option<i32> }
    RecordSessionRequest { input: SessionInput }
    YearCsvExportRequest { year: i32, path: String, shift_jis: bool }
    AddCourseRequest { draft: CourseDraft }
    CourseRequest { course_id: String }
    SaveDepartmentRequest { code: String, name: String }
    DepartmentActiveRequest { code: String, active: bool }
    FindStaffRequest { query: String }
    PersonHistoryRequest { employee_no: String, year: i32 }
    DescribeDateRequest { text: String }
    StaffRolesRequest { employee_no: String, roles: Vec<String> }
    InspectionRequest {
        #[ts(type = "number")]
        inspection_id: i64,
    }
    SaveAnswerRequest {
        #[ts(type = "number")]
        inspection_id: i64,
        answer: ItemAnswer,
    }
    AnswerGateRequest {
        #[ts(type = "number")]
        inspection_id: i64,
        gate_id: String,
        yes: bool,
    }
    ReopenRequest { year: i32, employee_no: String, role: String }
    SubmissionRequest {
        #[ts(type = "number")]
        submission_id: i64,
    }
    ExportSubmissionRequest {
        #[ts(type = "number")]
        submission_id: i64,
        path: String,
    }
    ImportSubmissionsRequest { paths: Vec<String> }
    /// A held submission file (its number in the held list).
    HeldRequest {
        #[ts(type = "number")]
        id: i64,
    }
    DashboardRequest { year: i32, sort: RemedySort }
    /// The 改善策 of a person's latest submission for a role and 年度.
    RemedyListRequest { year: i32, employee_no: String, role: String }
    /// e-ラーニング: a step of the person's course (`ElearningStep`) and, for the file or the 修了証, where to write it.
    ElearningFileRequest { step: ElearningStep, path: String }
    ElearningStepRequest { step: ElearningStep }
    ElearningOpenRequest { person: ElearningPerson }
    ImportResultsRequest { paths: Vec<String> }
    ExportResultsRequest { year: i32, dir: String }
    ResultsSummaryRequest { year: i32, course: Option<String> }
}
