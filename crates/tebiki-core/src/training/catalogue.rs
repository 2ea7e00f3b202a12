//! The courses in force: the pack's and those an administrator added.

use crate::pack::courses::{Course, CourseKind, DEFAULT_NEW_HIRE_DAYS};
use crate::pack::roles::{canonical_names, Role};
use crate::roster::import::StaffRecord;
use serde::Deserialize;
use ts_rs::TS;

/// The courses in force for an organisation (the pack's plus those an
/// administrator added) and the pack's roles, with every course's roles
/// written as the pack's role names so that rosters saying 課長 or
/// 統括責任者 match.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub courses: Vec<Course>,
    pub roles: Vec<Role>,
    /// Roster label → the pack's role name, filled as labels are met: a
    /// roster of 20,000 people uses a handful of distinct labels, and
    /// resolving one normalises every role name and alias.
    resolved: std::cell::RefCell<std::collections::HashMap<String, String>>,
}

impl Catalogue {
    pub fn new(mut courses: Vec<Course>, roles: Vec<Role>) -> Catalogue {
        for c in &mut courses {
            c.roles = canonical_names(&roles, &c.roles);
        }
        Catalogue { courses, roles, resolved: Default::default() }
    }

    /// A person's roster roles as the pack's role names.
    pub fn person_roles(&self, person: &StaffRecord) -> Vec<String> {
        let mut memo = self.resolved.borrow_mut();
        let mut out: Vec<String> = Vec::new();
        for label in &person.roles {
            let name = memo.entry(label.clone()).or_insert_with(|| canonical_names(&self.roles, std::slice::from_ref(label)).remove(0));
            if !out.contains(name) {
                out.push(name.clone());
            }
        }
        out
    }

    pub fn course(&self, id: &str) -> Option<&Course> {
        self.courses.iter().find(|c| c.id == id)
    }
}

/// Why an administrator's new course is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CourseError {
    #[error("course title is empty")]
    NoTitle,
    #[error("a course titled {0} exists")]
    DuplicateTitle(String),
    #[error("clause {0} does not exist")]
    UnknownClause(String),
    #[error("role {0} is not one of the pack's roles")]
    UnknownRole(String),
}

impl CourseError {
    pub fn message(&self) -> crate::message::Message {
        use crate::message::Message;
        match self {
            CourseError::NoTitle => Message::new("course-error-no-title"),
            CourseError::DuplicateTitle(t) => Message::new("course-error-duplicate").arg("title", t),
            CourseError::UnknownClause(c) => Message::new("course-error-clause").arg("clause", c),
            CourseError::UnknownRole(r) => Message::new("course-error-role").arg("role", r),
        }
    }
}

/// What an administrator typed for a new course.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "camelCase")]
pub struct CourseDraft {
    pub title: String,
    pub kind: CourseKind,
    /// A clause id (`kobe/taisaku/7.2.2`) or a clause number of the pack (`7.2.2`, `第62`).
    pub clause: String,
    pub within_days: Option<u32>,
    pub roles: Vec<String>,
}

/// Checks a new course against the pack and the catalogue; gives it the next
/// free `custom-N` id.
pub fn new_course(draft: &CourseDraft, pack: &crate::pack::Pack, catalogue: &Catalogue) -> Result<Course, CourseError> {
    let title = draft.title.trim();
    if title.is_empty() {
        return Err(CourseError::NoTitle);
    }
    if catalogue.courses.iter().any(|c| c.title == title) {
        return Err(CourseError::DuplicateTitle(title.to_owned()));
    }
    let clause = find_clause(pack, draft.clause.trim()).ok_or_else(|| CourseError::UnknownClause(draft.clause.trim().to_owned()))?;
    let mut roles = Vec::new();
    for r in draft.roles.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        let role = crate::pack::roles::resolve(&pack.roles, r).ok_or_else(|| CourseError::UnknownRole(r.to_owned()))?;
        if !roles.contains(&role.name) {
            roles.push(role.name.clone());
        }
    }
    let id = (1..).map(|n| format!("custom-{n}")).find(|id| catalogue.course(id).is_none()).expect("unbounded");
    let within_days = (draft.kind == CourseKind::NewHire).then(|| draft.within_days.unwrap_or(DEFAULT_NEW_HIRE_DAYS));
    Ok(Course::custom(id, title.to_owned(), draft.kind, clause, within_days, roles))
}

/// A clause given as its id or as the number shown in the policy (`7.2.2`,
/// `第62`): the local id under any document of the pack.
fn find_clause(pack: &crate::pack::Pack, given: &str) -> Option<String> {
    if pack.clause(given).is_some() {
        return Some(given.to_owned());
    }
    let local = given.trim_start_matches('第').trim_end_matches('条');
    pack.documents.iter().map(|d| format!("{}/{}/{}", pack.id, d.id, local)).find(|id| pack.clause(id).is_some())
}

#[cfg(test)]
mod custom_course_tests {
    use super::*;

    #[test]
    fn an_administrators_course_is_checked_against_the_pack() {
        let lib = crate::pack::library::PackLibrary::load(None);
        let pack = lib.get("kobe").unwrap();
        let cat = Catalogue::new(pack.courses.clone(), pack.roles.clone());
        let draft = |title: &str, clause: &str, roles: &[&str]| CourseDraft {
            title: title.into(),
            kind: CourseKind::Role,
            clause: clause.into(),
            within_days: None,
            roles: roles.iter().map(|r| r.to_string()).collect(),
        };
        let c = new_course(&draft(" 標的型メール訓練 ", "7.2.3", &["課長"]), pack, &cat).unwrap();
        assert_eq!((c.id.as_str(), c.title.as_str(), c.clause.as_str()), ("custom-1", "標的型メール訓練", "kobe/taisaku/7.2.3"));
        assert_eq!(c.roles, ["情報管理者"]);
        assert_eq!(new_course(&draft("", "7.2.3", &[]), pack, &cat), Err(CourseError::NoTitle));
        assert_eq!(
            new_course(&draft("年次情報セキュリティ研修", "7.2.2", &[]), pack, &cat),
            Err(CourseError::DuplicateTitle("年次情報セキュリティ研修".into()))
        );
        assert_eq!(new_course(&draft("x", "99.9", &[]), pack, &cat), Err(CourseError::UnknownClause("99.9".into())));
        assert_eq!(new_course(&draft("x", "kobe/taisaku/7.2.2", &["係長"]), pack, &cat), Err(CourseError::UnknownRole("係長".into())));
        let mut with = cat.clone();
        with.courses.push(c);
        assert_eq!(new_course(&draft("二つ目", "7.2.2", &[]), pack, &with).unwrap().id, "custom-2");
    }
}
