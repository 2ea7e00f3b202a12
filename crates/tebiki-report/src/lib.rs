//! Tebiki's PDF reports for the 情報セキュリティ統括責任者: the
//! 自己点検結果報告書 and the 研修実施状況報告書 of a 年度 (whole organisation
//! or one 所属), and 修了証.
//!
//! Every report is read from the store ([`SelfcheckData::load`],
//! [`TrainingData::load`], [`CertificateData::load`]) and then rendered
//! ([`render_selfcheck`], [`render_training`], [`render_certificates`]) into an
//! A4 PDF whose text is real text in BIZ UDPゴシック, embedded as a subset. All
//! wording comes from `locales/*/report.ftl`.

mod certificate;
mod cover;
mod department;
mod error;
pub mod fonts;
mod form;
mod format;
pub mod kinsoku;
pub mod layout;
mod selfcheck;
mod training;

pub use certificate::{render_certificates, Certificate, CertificateData, CertificateTarget};
pub use department::{render_department_sheet, render_department_sheets, sheet_file_name, DepartmentData};
pub use error::ReportError;
pub use form::{render_forms, FormData, FormPerson};
pub use selfcheck::{render_selfcheck, render_selfcheck_detail, SelfcheckData};
pub use training::{render_training, IncompleteCourse, IncompletePerson, TrainingData};

use chrono::NaiveDate;
use tebiki_core::settings::Language;

/// A rendered PDF and its number of pages.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// A report written to a file, as the app and `tebiki report --json` tell
/// the user about it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct ReportFile {
    pub path: String,
    pub pages: usize,
    pub bytes: usize,
}

/// What every report is rendered with.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub lang: Language,
    /// The 年度 (April–March), e.g. 2025 for 令和7年度.
    pub year: i32,
    /// Only this 所属 (code): a 課長's own report.
    pub dept: Option<String>,
    /// The 決裁欄's boxes, left to right (default: report-approvers-default in the .ftl).
    pub approvers: Option<Vec<String>>,
    /// Who made the report (default: report-author-default in the .ftl).
    pub author: Option<String>,
    /// 作成日; also the day against which training deadlines are judged.
    pub created: NaiveDate,
}

impl ReportOptions {
    pub fn new(lang: Language, year: i32, created: NaiveDate) -> ReportOptions {
        ReportOptions { lang, year, dept: None, approvers: None, author: None, created }
    }

    /// The 決裁欄's labels: the ones given, else the .ftl default; blank entries dropped.
    pub fn approver_labels(&self) -> Vec<String> {
        let given = self.approvers.clone().unwrap_or_else(|| tebiki_i18n::tr(self.lang, "report-approvers-default").split(',').map(str::to_owned).collect());
        given.into_iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
    }

    pub fn author_label(&self) -> String {
        self.author.clone().filter(|a| !a.trim().is_empty()).unwrap_or_else(|| tebiki_i18n::tr(self.lang, "report-author-default"))
    }
}
