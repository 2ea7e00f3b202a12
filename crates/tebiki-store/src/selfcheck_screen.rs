//! What the 自己点検 screen shows, gathered in one place for the app.

use crate::{Inspection, SelfcheckError, Store, StoreError, SubmissionSummary};
use serde::Serialize;
use tebiki_core::pack::questionnaire::Questionnaire;
use tebiki_core::pack::roles::Role;
use tebiki_core::pack::Pack;
use tebiki_core::selfcheck::answers::{count, problems, ItemProblems, ProblemCounts};
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
    /// Items whose clauses' text differs from the version the copied
    /// answers were given under (known when that version was installed here).
    pub changed_items: Vec<String>,
}

/// SHA-256 of a clause's heading and text, hex.
fn clause_hash(c: &tebiki_core::pack::Clause) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(c.heading.as_bytes());
    h.update([0]);
    h.update(c.body.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The 集計 as the screen shows it: the long lists cut to what a page can
/// hold (a 20,000-person organisation has tens of thousands of 改善策; all
/// of them go to the CSV), with the full counts.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct DashboardView {
    pub dashboard: tebiki_core::selfcheck::dashboard::SelfcheckDashboard,
    pub remedies_total: usize,
    pub pending_total: usize,
}

/// How many rows of each list the screen receives.
pub const DASHBOARD_LIST_ROWS: usize = 300;

impl Store {
    /// The 集計 for the screen, 改善策 in the order asked for.
    pub fn dashboard_view(&self, pack: &Pack, year: i32, sort: tebiki_core::selfcheck::dashboard::RemedySort) -> Result<DashboardView, StoreError> {
        let mut d = self.selfcheck_dashboard(pack, year)?;
        tebiki_core::selfcheck::dashboard::sort_remedies(&mut d.remedies, sort, false);
        let (remedies_total, pending_total) = (d.remedies.len(), d.pending.len());
        d.remedies.truncate(DASHBOARD_LIST_ROWS);
        d.pending.truncate(DASHBOARD_LIST_ROWS);
        d.done.clear();
        Ok(DashboardView { dashboard: d, remedies_total, pending_total })
    }

    pub fn selfcheck_screen(&self, pack: &Pack, year: i32, current_year: i32) -> Result<SelfcheckScreen, StoreError> {
        Ok(SelfcheckScreen {
            pack_id: pack.id.clone(),
            year,
            year_label: tebiki_core::calendar::fiscal_year::FiscalYear(year).wareki(),
            current_year,
            questionnaires: pack.questionnaires.clone(),
            roles: pack.roles.clone(),
            inspections: self.inspections(year)?,
            submissions: self.submissions_for_year(year)?,
            roster_loaded: self.has_active_staff()?,
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
        let earlier_hash = match inspection.prefilled_from {
            Some(prev) => self
                .latest_submissions(prev)?
                .into_iter()
                .find(|s| s.respondent.employee_no == inspection.respondent.employee_no && s.role == inspection.role)
                .map(|s| s.pack.content_hash)
                .filter(|h| *h != pack.content_hash),
            None => None,
        };
        let pack_changed_since_prefill = earlier_hash.is_some();
        let mut changed_items = Vec::new();
        if let Some(old) = earlier_hash {
            let before = self.clause_texts(&pack.id, &old)?;
            if !before.is_empty() {
                let differs = |id: &String| match (pack.clause(id), before.get(id)) {
                    (Some(c), Some(h)) => clause_hash(c.clause()) != *h,
                    _ => true,
                };
                changed_items = questionnaire.items.iter().filter(|i| i.clauses.iter().any(differs)).map(|i| i.id.clone()).collect();
            }
        }
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
            year_label: tebiki_core::calendar::fiscal_year::FiscalYear(inspection.year).wareki(),
            clause_labels,
            inspection,
            questionnaire,
            pack_changed_since_prefill,
            changed_items,
        })
    }
}

impl Store {
    /// Records the text of every clause of `pack` (once per version), so
    /// that later versions can be compared with it.
    pub fn remember_clause_texts(&mut self, pack: &Pack) -> Result<(), StoreError> {
        let err = |e| StoreError::sqlite("remember clause texts", e);
        let tx = self.conn.transaction().map_err(err)?;
        let known: bool = tx
            .query_row("SELECT EXISTS(SELECT 1 FROM pack_clause_texts WHERE pack_id = ?1 AND content_hash = ?2)", (&pack.id, &pack.content_hash), |r| r.get(0))
            .map_err(err)?;
        if !known {
            let mut add = tx.prepare_cached("INSERT OR IGNORE INTO pack_clause_texts VALUES (?1, ?2, ?3, ?4)").map_err(err)?;
            for c in pack.documents.iter().flat_map(|d| &d.clauses) {
                add.execute((&pack.id, &pack.content_hash, &c.id, clause_hash(c))).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Clause id → text hash of a pack version, empty if never seen here.
    pub fn clause_texts(&self, pack_id: &str, content_hash: &str) -> Result<std::collections::HashMap<String, String>, StoreError> {
        let err = |e| StoreError::sqlite("read clause texts", e);
        let mut stmt = self.conn.prepare_cached("SELECT clause_id, text_hash FROM pack_clause_texts WHERE pack_id = ?1 AND content_hash = ?2").map_err(err)?;
        let rows = stmt.query_map((pack_id, content_hash), |r| Ok((r.get(0)?, r.get(1)?))).map_err(err)?;
        rows.collect::<Result<_, _>>().map_err(err)
    }
}

impl Store {
    /// Where a stored submission came from (None: no such submission).
    pub fn submission_source(&self, id: i64) -> Result<Option<crate::SubmissionSource>, StoreError> {
        use rusqlite::OptionalExtension;
        let source: Option<String> = self
            .conn
            .query_row("SELECT source FROM selfcheck_submissions WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(|e| StoreError::sqlite("read submission", e))?;
        Ok(source.map(|s| if s == "imported" { crate::SubmissionSource::Imported } else { crate::SubmissionSource::Local }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tebiki_core::pack::files::PackFiles;
    use tebiki_core::pack::{load, PackOrigin};
    use tebiki_core::selfcheck::answers::{Answer, ItemAnswer};
    use tebiki_core::selfcheck::submission::{PackRef, Respondent};

    fn kobe(edit: Option<(&str, &str)>) -> Pack {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/packs/kobe");
        let mut files = PackFiles::from_dir(&dir).unwrap();
        if let Some((from, to)) = edit {
            let md = String::from_utf8(files.files["taisaku.md"].clone()).unwrap();
            assert!(md.contains(from));
            files.files.insert("taisaku.md".into(), md.replacen(from, to, 1).into_bytes());
        }
        load(&files, PackOrigin::Bundled).pack.expect("kobe loads")
    }

    fn start(store: &mut Store, pack: &Pack, year: i32, prefill: bool) -> i64 {
        let who = Respondent { employee_no: "1001".into(), name: "山田".into(), dept_code: "A10".into(), dept_name: "総務課".into() };
        let pr = PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() };
        let ids: Vec<String> = pack.questionnaires.iter().find(|q| q.role == "staff").unwrap().items.iter().map(|i| i.id.clone()).collect();
        let new = crate::NewInspection { year, role: "staff", role_name: "職員等", respondent: &who, pack: &pr, item_ids: &ids, prefill, on_paper: false };
        store.start_inspection(&new).unwrap().id
    }

    #[test]
    fn items_whose_clauses_a_revision_changed_are_flagged() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        let v1 = kobe(None);
        store.remember_clause_texts(&v1).unwrap();
        let id = start(&mut store, &v1, 2025, false);
        let q = v1.questionnaires.iter().find(|q| q.role == "staff").unwrap().clone();
        for item in &q.items {
            store.save_answer(id, &ItemAnswer { answer: Some(Answer::Implemented), ..ItemAnswer::empty(&item.id) }).unwrap();
        }
        let ids: Vec<String> = q.items.iter().map(|i| i.id.clone()).collect();
        store.submit(id, &ids, "2025-07-01T09:00:00+09:00").unwrap();

        // 令和8年度: 7.1.1 has been revised.
        let v2 = kobe(Some(("#### 7.1.1 職員等の遵守事項 {#7.1.1}\n", "#### 7.1.1 職員等の遵守事項 {#7.1.1}\n\n改正により加えた一文。\n")));
        assert_ne!(v1.content_hash, v2.content_hash);
        store.remember_clause_texts(&v2).unwrap();
        let id = start(&mut store, &v2, 2026, true);
        let view = store.inspection_view(&v2, id).unwrap();
        assert!(view.pack_changed_since_prefill);
        let expected: Vec<String> = q.items.iter().filter(|i| i.clauses.iter().any(|c| c == "kobe/taisaku/7.1.1")).map(|i| i.id.clone()).collect();
        assert!(!expected.is_empty() && expected.len() < q.items.len());
        assert_eq!(view.changed_items, expected);
        assert!(view.inspection.answers.iter().all(|a| a.reconfirm), "every copied answer is 要再確認");

        // Under the same version nothing is flagged.
        let view = store.inspection_view(&v2, id).unwrap();
        let mut unchanged = Store::open_dir(tempfile::tempdir().unwrap().path()).unwrap();
        unchanged.remember_clause_texts(&v2).unwrap();
        assert!(unchanged.clause_texts("kobe", &v1.content_hash).unwrap().is_empty());
        assert_eq!(view.inspection.prefilled_from, Some(2025));
    }
}
