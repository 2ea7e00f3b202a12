//! Coverage: for each role, how many of the duties the policy gives it are
//! asked about by that role's questionnaire (its items' `covers`), apart from
//! the duties the questionnaire excludes with a reason; and for each document,
//! how many of its duties any questionnaire asks about (the 基本方針 of a pack
//! mostly states duties of the organisation, which name no role).

use crate::pack::obligation::{extract, Obligation};
use crate::pack::Pack;
use serde::Serialize;
use ts_rs::TS;

/// One obligation of a role and the items of the role's questionnaire that check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ObligationCoverage {
    pub id: String,
    pub clause_id: String,
    pub text: String,
    pub covered_by: Vec<String>,
    /// Why the role's questionnaire does not ask about it (`[[excluded]]`).
    pub excluded_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RoleCoverage {
    pub role_id: String,
    /// The policy's name of the role.
    pub role: String,
    /// How many obligations the role bears.
    pub obligations: usize,
    /// How many of them an item covers.
    pub covered: usize,
    /// How many of them the questionnaire excludes, each with a reason.
    pub excluded: usize,
    /// covered / (obligations − excluded) in percent, one decimal; None
    /// when nothing is left to ask.
    pub percent: Option<f64>,
    /// Items in the role's questionnaire (0: it has none).
    pub items: usize,
    pub obligations_list: Vec<ObligationCoverage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PackCoverage {
    pub pack_id: String,
    /// Every role of roles.toml, in its order.
    pub roles: Vec<RoleCoverage>,
    /// Obligations whose text names no role (counted for no one).
    pub unattributed: usize,
    /// Per document: its duties, whoever bears them, against every questionnaire.
    pub documents: Vec<DocumentCoverage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DocumentCoverage {
    pub document_id: String,
    /// 基本方針 | 対策基準 | …
    pub kind: String,
    pub obligations: usize,
    /// Covered by an item of any questionnaire of the pack.
    pub covered: usize,
    /// Excluded, with a reason, by any questionnaire of the pack.
    pub excluded: usize,
    /// covered / (obligations − excluded), as for roles.
    pub percent: Option<f64>,
}

/// Percent with one decimal.
pub fn percent(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

/// The coverage of every role of the pack.
pub fn coverage(pack: &Pack) -> PackCoverage {
    coverage_of(pack, &extract(pack))
}

/// As [`coverage`], with the obligations already extracted.
pub fn coverage_of(pack: &Pack, obligations: &[Obligation]) -> PackCoverage {
    let roles = pack
        .roles
        .iter()
        .map(|role| {
            let items = pack.questionnaire(&role.id).map(|q| q.items.as_slice()).unwrap_or(&[]);
            let excluded = pack.questionnaire(&role.id).map(|q| q.excluded.as_slice()).unwrap_or(&[]);
            let list: Vec<ObligationCoverage> = obligations
                .iter()
                .filter(|o| o.roles.contains(&role.id))
                .map(|o| ObligationCoverage {
                    id: o.id.clone(),
                    clause_id: o.clause_id.clone(),
                    text: o.text.clone(),
                    covered_by: items.iter().filter(|i| i.covers.contains(&o.id)).map(|i| i.id.clone()).collect(),
                    excluded_reason: excluded.iter().find(|e| e.obligation == o.id).map(|e| e.reason.clone()),
                })
                .collect();
            let covered = list.iter().filter(|o| !o.covered_by.is_empty()).count();
            let excluded = list.iter().filter(|o| o.covered_by.is_empty() && o.excluded_reason.is_some()).count();
            RoleCoverage {
                role_id: role.id.clone(),
                role: role.name.clone(),
                obligations: list.len(),
                covered,
                excluded,
                percent: percent(covered, list.len() - excluded),
                items: items.len(),
                obligations_list: list,
            }
        })
        .collect();
    let covered_anywhere = |id: &str| pack.questionnaires.iter().any(|q| q.items.iter().any(|i| i.covers.iter().any(|c| c == id)));
    let excluded_anywhere = |id: &str| pack.questionnaires.iter().any(|q| q.excluded.iter().any(|e| e.obligation == id));
    let documents = pack
        .documents
        .iter()
        .map(|d| {
            let prefix = format!("{}/{}/", pack.id, d.id);
            let of_doc: Vec<&Obligation> = obligations.iter().filter(|o| o.clause_id.starts_with(&prefix)).collect();
            let covered = of_doc.iter().filter(|o| covered_anywhere(&o.id)).count();
            let excluded = of_doc.iter().filter(|o| !covered_anywhere(&o.id) && excluded_anywhere(&o.id)).count();
            DocumentCoverage {
                document_id: d.id.clone(),
                kind: d.kind.clone(),
                obligations: of_doc.len(),
                covered,
                excluded,
                percent: percent(covered, of_doc.len() - excluded),
            }
        })
        .collect();
    PackCoverage { pack_id: pack.id.clone(), roles, unattributed: obligations.iter().filter(|o| o.roles.is_empty()).count(), documents }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::obligation::ObligationKind;
    use crate::pack::questionnaire::{Item, Questionnaire};

    #[test]
    fn counts_what_the_roles_questionnaire_covers() {
        let files = crate::pack::library::bundled_files().into_iter().find(|f| f.folder == "kobe").unwrap();
        let mut pack = crate::pack::load(&files, crate::pack::PackOrigin::Bundled).pack.unwrap();
        let o = |id: &str, role: &str| Obligation {
            id: id.into(),
            clause_id: id.split('#').next().unwrap().into(),
            roles: vec![role.into()],
            text: "…".into(),
            kind: ObligationKind::Must,
        };
        let obligations = [
            o("kobe/taisaku/7.1.1#1", "staff"),
            o("kobe/taisaku/7.1.1#2", "staff"),
            o("kobe/taisaku/7.1.1#3", "staff"),
            o("kobe/taisaku/7.1.1#15", "info-manager"),
        ];
        let item = |id: &str, covers: &[&str]| Item {
            id: id.into(),
            question: "?".into(),
            question_en: None,
            help: None,
            help_en: None,
            clauses: vec!["kobe/taisaku/7.1.1".into()],
            covers: covers.iter().map(|c| c.to_string()).collect(),
            covers_reason: None,
            gate: None,
            na: None,
            na_en: None,
            chapter: None,
        };
        pack.questionnaires = vec![Questionnaire {
            role: "staff".into(),
            title: "t".into(),
            title_en: None,
            file: "selfcheck/staff.toml".into(),
            gates: Vec::new(),
            excluded: vec![crate::pack::questionnaire::Excluded {
                obligation: "kobe/taisaku/7.1.1#3".into(), reason: "組織の行為".into(), reason_en: None
            }],
            // An item of the staff questionnaire does not cover the 情報管理者's duty.
            items: vec![item("a", &["kobe/taisaku/7.1.1#1"]), item("b", &["kobe/taisaku/7.1.1#1", "kobe/taisaku/7.1.1#15"])],
        }];
        let c = coverage_of(&pack, &obligations);
        let staff = c.roles.iter().find(|r| r.role_id == "staff").unwrap();
        // 3 duties, one excluded with a reason: 1 of the 2 left is covered.
        assert_eq!((staff.obligations, staff.covered, staff.excluded, staff.items, staff.percent), (3, 1, 1, 2, Some(50.0)));
        assert_eq!(staff.obligations_list[2].excluded_reason.as_deref(), Some("組織の行為"));
        assert_eq!(staff.obligations_list[0].covered_by, ["a", "b"]);
        let im = c.roles.iter().find(|r| r.role_id == "info-manager").unwrap();
        assert_eq!((im.obligations, im.covered, im.items), (1, 0, 0));
        let ciso = c.roles.iter().find(|r| r.role_id == "ciso").unwrap();
        assert_eq!(ciso.percent, None);
    }
}
