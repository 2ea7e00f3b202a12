//! What the 自己点検 screen shows, gathered in one place for the app.

use crate::{Inspection, SelfcheckError, Store, StoreError, SubmissionSummary};
use serde::Serialize;
use tebiki_core::answers::{count, problems, ItemProblems, ProblemCounts};
use tebiki_core::pack::Pack;
use tebiki_core::roles::Role;
use tebiki_core::selfcheck::Questionnaire;
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct SelfcheckScreen {
    pub pack_id: String,
    pub year: i32,
    /// 令和7年度
    pub year_label: String,
    pub current_year: i32,
    pub questionnaires: Vec<Questionnaire>,
    pub roles: Vec<Role>,
    /// Drafts being answered on this PC in the 年度.
    pub inspections: Vec<Inspection>,
    /// The latest submission of each respondent and role in the 年度.
    pub submissions: Vec<SubmissionSummary>,
    /// Whether a roster is loaded (the profile is then picked from it).
    pub roster_loaded: bool,
}

/// A draft with its questionnaire and what still keeps it from being submitted.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct InspectionView {
    pub inspection: Inspection,
    pub questionnaire: Questionnaire,
    pub problems: Vec<ItemProblems>,
    pub counts: ProblemCounts,
    /// 令和7年度
    pub year_label: String,
    /// (clause id, how the policy names it: 対策基準 7.1.1) for every clause the items cite.
    pub clause_labels: Vec<(String, String)>,
    /// The pack has changed since the answers copied from the previous 年度
    /// were given (its content hash differs): those answers need a fresh look.
    pub pack_changed_since_prefill: bool,
}

impl Store {
    pub fn selfcheck_screen(&self, pack: &Pack, year: i32, current_year: i32) -> Result<SelfcheckScreen, StoreError> {
        Ok(SelfcheckScreen {
            pack_id: pack.id.clone(),
            year,
            year_label: tebiki_core::fiscal_year::FiscalYear(year).wareki(),
            current_year,
            questionnaires: pack.questionnaires.clone(),
            roles: pack.roles.clone(),
            inspections: self.inspections(year)?,
            submissions: self.submissions_for_year(year)?,
            roster_loaded: !self.active_staff()?.is_empty(),
        })
    }

    /// A draft as the answering page shows it.
    pub fn inspection_view(&self, pack: &Pack, inspection_id: i64) -> Result<InspectionView, SelfcheckError> {
        let inspection = self.load_inspection(inspection_id)?;
        let questionnaire = pack
            .questionnaires
            .iter()
            .find(|q| q.role == inspection.role)
            .cloned()
            .ok_or_else(|| SelfcheckError::Invalid(tebiki_core::message::Message::new("selfcheck-no-questionnaire").arg("role", &inspection.role_name)))?;
        let ids: Vec<String> = questionnaire.items.iter().map(|i| i.id.clone()).collect();
        let found = problems(&ids, &inspection.answers);
        let pack_changed_since_prefill = match inspection.prefilled_from {
            Some(prev) => self
                .latest_submissions(prev)?
                .iter()
                .find(|s| s.respondent.employee_no == inspection.respondent.employee_no && s.role == inspection.role)
                .is_some_and(|s| s.pack.content_hash != pack.content_hash),
            None => false,
        };
        let mut clause_labels: Vec<(String, String)> = Vec::new();
        for id in questionnaire.items.iter().flat_map(|i| &i.clauses) {
            if clause_labels.iter().any(|(c, _)| c == id) {
                continue;
            }
            let label = match pack.clause(id) {
                Some(c) => format!("{} {}", c.document().kind, c.clause().number.clone().unwrap_or_else(|| c.clause().local_id.clone())),
                None => id.clone(),
            };
            clause_labels.push((id.clone(), label));
        }
        Ok(InspectionView {
            counts: count(&found),
            problems: found,
            year_label: tebiki_core::fiscal_year::FiscalYear(inspection.year).wareki(),
            clause_labels,
            inspection,
            questionnaire,
            pack_changed_since_prefill,
        })
    }
}
