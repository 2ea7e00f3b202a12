//! Coverage: for each role, how many of the duties the policy gives it are
//! asked about by that role's questionnaire (its items' `covers`).

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
    /// covered / obligations in percent, one decimal; None without obligations.
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
            let list: Vec<ObligationCoverage> = obligations
                .iter()
                .filter(|o| o.roles.contains(&role.id))
                .map(|o| ObligationCoverage {
                    id: o.id.clone(),
                    clause_id: o.clause_id.clone(),
                    text: o.text.clone(),
                    covered_by: items.iter().filter(|i| i.covers.contains(&o.id)).map(|i| i.id.clone()).collect(),
                })
                .collect();
            let covered = list.iter().filter(|o| !o.covered_by.is_empty()).count();
            RoleCoverage {
                role_id: role.id.clone(),
                role: role.name.clone(),
                obligations: list.len(),
                covered,
                percent: percent(covered, list.len()),
                items: items.len(),
                obligations_list: list,
            }
        })
        .collect();
    PackCoverage { pack_id: pack.id.clone(), roles, unattributed: obligations.iter().filter(|o| o.roles.is_empty()).count() }
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
            chapter: None,
        };
        pack.questionnaires = vec![Questionnaire {
            role: "staff".into(),
            title: "t".into(),
            title_en: None,
            file: "selfcheck/staff.toml".into(),
            // An item of the staff questionnaire does not cover the 情報管理者's duty.
            items: vec![item("a", &["kobe/taisaku/7.1.1#1"]), item("b", &["kobe/taisaku/7.1.1#1", "kobe/taisaku/7.1.1#15"])],
        }];
        let c = coverage_of(&pack, &obligations);
        let staff = c.roles.iter().find(|r| r.role_id == "staff").unwrap();
        assert_eq!((staff.obligations, staff.covered, staff.items, staff.percent), (3, 1, 2, Some(33.3)));
        assert_eq!(staff.obligations_list[0].covered_by, ["a", "b"]);
        let im = c.roles.iter().find(|r| r.role_id == "info-manager").unwrap();
        assert_eq!((im.obligations, im.covered, im.items), (1, 0, 0));
        let ciso = c.roles.iter().find(|r| r.role_id == "ciso").unwrap();
        assert_eq!(ciso.percent, None);
    }
}
