use tebiki_core::settings::Language;
use tebiki_i18n::{tr_args, Arg};
use tebiki_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the compiled-in font {name} could not be read")]
    Font { name: &'static str },
    #[error("no 所属 with code {code} on the roster")]
    UnknownDepartment { code: String },
    #[error("no person with 職員番号 {employee_no} on the roster")]
    UnknownStaff { employee_no: String },
    #[error("no training session with id {id}")]
    UnknownSession { id: i64 },
    #[error("session {id} belongs to pack {found}, not {expected}")]
    SessionOfOtherPack { id: i64, found: String, expected: String },
    #[error("nothing to certify: no attended session matches")]
    NothingToCertify,
    #[error("pack {pack} has no 自己点検 questionnaires")]
    NoQuestionnaires { pack: String },
    #[error("the PDF could not be written: {detail}")]
    Pdf { detail: String },
}

impl ReportError {
    /// The message a user reads, in their language.
    pub fn localized(&self, lang: Language) -> String {
        match self {
            ReportError::Store(e) => tebiki_i18n::tr_message(lang, &e.message()),
            ReportError::Font { name } => tr_args(lang, "report-error-font", &[("name", Arg::from(*name))]),
            ReportError::UnknownDepartment { code } => tr_args(lang, "report-error-unknown-dept", &[("code", code.as_str().into())]),
            ReportError::UnknownStaff { employee_no } => tr_args(lang, "report-error-unknown-staff", &[("employee_no", employee_no.as_str().into())]),
            ReportError::UnknownSession { id } => tr_args(lang, "report-error-unknown-session", &[("id", id.to_string().into())]),
            ReportError::SessionOfOtherPack { id, found, expected } => tr_args(
                lang,
                "report-error-session-pack",
                &[("id", id.to_string().into()), ("found", found.as_str().into()), ("expected", expected.as_str().into())],
            ),
            ReportError::NothingToCertify => tr_args(lang, "report-error-nothing-to-certify", &[]),
            ReportError::NoQuestionnaires { pack } => tr_args(lang, "selfcheck-no-questionnaires", &[("pack", pack.as_str().into())]),
            ReportError::Pdf { detail } => tr_args(lang, "report-error-pdf", &[("detail", detail.as_str().into())]),
        }
    }
}
