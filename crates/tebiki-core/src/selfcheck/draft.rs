//! Drafts a questionnaire from the obligations of a role: one item per
//! obligation, the question made mechanically from the sentence
//! (「職員等は、…を作成してはならない。」 → 「…を作成しないようにしていますか。」).
//! A starting point for a 自治体 writing its own pack: people then reword the
//! questions, group related duties and add the English.

use crate::pack::obligation::{extract, Obligation, ObligationKind, RoleNames, Subject};
use crate::pack::roles::Role;
use crate::pack::Pack;
use std::collections::HashSet;

/// The TOML text of a questionnaire for `role`, in the format of
/// `selfcheck/<role>.toml`. Each item is preceded by a comment giving the
/// clause and the sentence it was drafted from.
pub fn draft(pack: &Pack, role: &Role) -> String {
    let names = RoleNames::new(&pack.roles);
    let mut out = String::new();
    out.push_str(&format!("role = {}\n", toml_string(&role.id)));
    out.push_str(&format!("title = {}\n", toml_string(&format!("{}の自己点検", role.name))));
    if let Some(en) = &role.name_en {
        out.push_str(&format!("title_en = {}\n", toml_string(&format!("Self-inspection: {en}"))));
    }
    let mut ids = HashSet::new();
    for o in extract(pack).iter().filter(|o| o.roles.contains(&role.id)) {
        let heading = pack.clause(&o.clause_id).map(|c| c.clause().heading.clone()).unwrap_or_default();
        let mut id = item_id(o);
        let base = id.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        out.push('\n');
        out.push_str(&format!("# {heading}\n# {}\n", o.text.replace('\n', " ")));
        out.push_str("[[item]]\n");
        out.push_str(&format!("id = {}\n", toml_string(&id)));
        out.push_str(&format!("question = {}\n", toml_string(&question(&names, o))));
        out.push_str(&format!("clauses = [{}]\n", toml_string(&o.clause_id)));
        out.push_str(&format!("covers = [{}]\n", toml_string(&o.id)));
    }
    out
}

/// `kobe/taisaku/7.1.1#3` → `taisaku-7-1-1-3`: stable as the obligation id is.
fn item_id(o: &Obligation) -> String {
    let (clause, n) = o.id.rsplit_once('#').unwrap_or((&o.id, ""));
    let local = clause.split_once('/').map_or(clause, |(_, rest)| rest).to_ascii_lowercase();
    let slug: String = local.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let slug = slug.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-");
    if n.is_empty() {
        slug
    } else {
        format!("{slug}-{n}")
    }
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

const CONNECTIVES: [&str; 5] = ["また、", "なお、", "あわせて、", "あわせて", "さらに、"];

/// The question for an obligation: the sentence without a subject made only
/// of role names, its duty ending turned into 「…していますか。」 (a
/// prohibition into 「…しないようにしていますか。」, so that 「実施している」 is
/// always the good answer). A sentence whose ending cannot be turned
/// mechanically is quoted: 「…」を実施していますか／を守っていますか。
pub(crate) fn question(names: &RoleNames, o: &Obligation) -> String {
    let text = o.text.trim();
    let mut rest = match names.subject(text) {
        Subject::Roles { prefix: Some(end), .. } => &text[end..],
        _ => text,
    };
    while let Some(c) = CONNECTIVES.iter().find(|c| rest.starts_with(**c)) {
        rest = &rest[c.len()..];
    }
    let body = rest.trim().trim_end_matches(['。', ' ', '\u{3000}']);
    // A closing parenthetical (「（ただし、…は除く）」) is kept after the question.
    let (main, note) = match body.strip_suffix('）').and_then(|b| b.rfind('（').map(|i| (&body[..i], &body[i..]))) {
        Some((main, note)) if !main.is_empty() => (main, note),
        _ => (body, ""),
    };
    match ask(main) {
        Some(q) => format!("{q}{note}。"),
        None if o.kind == ObligationKind::MustNot => format!("「{body}」を守っていますか。"),
        None => format!("「{body}」を実施していますか。"),
    }
}

fn is_kanji(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '々'
}

/// い段 and え段 kana: a verb stem ending in one is 一段 (定め-る, 講じ-る).
fn is_ie_row(c: char) -> bool {
    "いきぎしじちぢにひびぴみりえけげせぜてでねへべぺめれ".contains(c)
}

fn last(s: &str) -> Option<char> {
    s.chars().next_back()
}

fn drop_last(s: &str) -> &str {
    last(s).map_or(s, |c| &s[..s.len() - c.len_utf8()])
}

/// 「…ている」 stem of a verb given in 未然形 before 「なければ」 (守ら → 守って).
fn te_from_mizen(stem: &str) -> Option<String> {
    let c = last(stem)?;
    let head = drop_last(stem);
    let te = match c {
        'わ' | 'ら' | 'た' => format!("{head}って"),
        'か' if head.ends_with('行') => format!("{head}って"),
        'か' => format!("{head}いて"),
        'が' => format!("{head}いで"),
        'さ' => format!("{head}して"),
        'ば' | 'ま' | 'な' => format!("{head}んで"),
        // する (し), 一段 (定め, 講じ, 得, させ).
        c if is_ie_row(c) || is_kanji(c) => format!("{stem}て"),
        _ => return None,
    };
    Some(te)
}

/// 「…ている」 stem of a verb in dictionary form (行う → 行って, 定める → 定めて).
fn te_from_dictionary(verb: &str) -> Option<String> {
    if let Some(head) = verb.strip_suffix("する") {
        return Some(format!("{head}して"));
    }
    if let Some(head) = verb.strip_suffix("ずる") {
        return Some(format!("{head}じて"));
    }
    let c = last(verb)?;
    let head = drop_last(verb);
    let te = match c {
        'る' => {
            let before = last(head)?;
            let ichidan = is_ie_row(before) || ["見", "得", "出", "着", "寝", "居", "経"].iter().any(|k| head.ends_with(k) && !head.ends_with("見出"));
            if ichidan {
                format!("{head}て")
            } else {
                format!("{head}って")
            }
        }
        'う' | 'つ' => format!("{head}って"),
        'く' if head.ends_with('行') => format!("{head}って"),
        'く' => format!("{head}いて"),
        'ぐ' => format!("{head}いで"),
        'す' => format!("{head}して"),
        'ぬ' | 'ぶ' | 'む' => format!("{head}んで"),
        _ => return None,
    };
    Some(te)
}

/// 「…ない」 stem from a te-form stem (作成し → 作成し, 漏らし → 漏らさ, 行っ → 行わ).
fn nai_from_te(stem: &str, de: bool) -> Option<String> {
    let c = last(stem)?;
    let head = drop_last(stem);
    if de {
        // 含んで, 選んで, 泳いで: the row is not in the te-form.
        const DE: [(&str, &str); 5] = [("含ん", "含ま"), ("読ん", "読ま"), ("選ん", "選ば"), ("運ん", "運ば"), ("込ん", "込ま")];
        return DE.iter().find(|(t, _)| stem.ends_with(t)).map(|(t, n)| format!("{}{n}", &stem[..stem.len() - t.len()]));
    }
    match c {
        // サ変 (作成し) when a compound or katakana word precedes し; else 五段 す (漏らし, 出し).
        'し' => {
            let compound = head.chars().rev().take(2).all(|c| is_kanji(c) || ('ァ'..='ヺ').contains(&c) || c == 'ー') && head.chars().count() >= 2;
            Some(if compound || last(head).is_some_and(|c| ('ァ'..='ヺ').contains(&c) || c == 'ー') { stem.to_owned() } else { format!("{head}さ") })
        }
        'じ' | 'せ' => Some(stem.to_owned()),
        'っ' | 'い' => {
            // The te-form hides the row (行っ: 行わ, 取っ: 取ら); only verbs the
            // policies use are known.
            const TE: [(&str, &str); 17] = [
                ("行っ", "行わ"),
                ("使っ", "使わ"),
                ("扱っ", "扱わ"),
                ("従っ", "従わ"),
                ("払っ", "払わ"),
                ("失っ", "失わ"),
                ("送っ", "送ら"),
                ("取っ", "取ら"),
                ("守っ", "守ら"),
                ("知っ", "知ら"),
                ("持っ", "持た"),
                ("保っ", "保た"),
                ("置い", "置か"),
                ("書い", "書か"),
                ("開い", "開か"),
                ("除い", "除か"),
                ("用い", "用い"),
            ];
            TE.iter().find(|(t, _)| stem.ends_with(t)).map(|(t, n)| format!("{}{n}", &stem[..stem.len() - t.len()]))
        }
        c if is_ie_row(c) => Some(stem.to_owned()),
        _ => None,
    }
}

/// The question for a sentence without its final 。, or None when its ending
/// is not one this knows how to turn.
fn ask(body: &str) -> Option<String> {
    const MUST: [&str; 3] = ["なければならない", "なければならぬ", "なくてはならない"];
    const MUST_NOT: [(&str, bool); 4] = [("てはならない", false), ("てはならぬ", false), ("ではならない", true), ("ではならぬ", true)];
    const DIRECTIVE: [&str; 3] = ["こととする", "ものとする", "こと"];
    let doing = |te: String| format!("{te}いますか");
    let not_doing = |nai: String| format!("{nai}ないようにしていますか");

    for (ending, de) in MUST_NOT {
        if let Some(stem) = body.strip_suffix(ending) {
            return nai_from_te(stem, de).map(not_doing);
        }
    }
    for ending in MUST {
        if let Some(stem) = body.strip_suffix(ending) {
            return te_from_mizen(stem).map(doing);
        }
    }
    for ending in DIRECTIVE {
        if let Some(verb) = body.strip_suffix(ending) {
            return plain(verb);
        }
    }
    plain(body)
}

/// A plain-form predicate: 「…しない」 → 「…しないようにしていますか」,
/// 「…を行う」 → 「…を行っていますか」.
fn plain(verb: &str) -> Option<String> {
    if verb.ends_with("ない") {
        return Some(format!("{verb}ようにしていますか"));
    }
    if verb.ends_with("である") {
        return None; // a statement of what something is, not an act
    }
    te_from_dictionary(verb).map(|te| format!("{te}いますか"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::library::bundled_files;
    use crate::pack::{load, PackOrigin};

    #[test]
    fn questions_from_duty_endings() {
        assert_eq!(ask("業務上必要のない情報を作成してはならない").as_deref(), Some("業務上必要のない情報を作成しないようにしていますか"));
        assert_eq!(ask("業務上知り得た情報を漏らしてはならない").as_deref(), Some("業務上知り得た情報を漏らさないようにしていますか"));
        assert_eq!(ask("個人情報を取り扱ってはならない").as_deref(), Some("個人情報を取り扱わないようにしていますか"));
        assert_eq!(ask("パスワードの照会等には一切応じてはならない").as_deref(), Some("パスワードの照会等には一切応じないようにしていますか"));
        assert_eq!(ask("情報管理者の許可を得なければならぬ").as_deref(), Some("情報管理者の許可を得ていますか"));
        assert_eq!(ask("指示を仰がなければならぬ").as_deref(), Some("指示を仰いでいますか"));
        assert_eq!(ask("事項を遵守しなければならない").as_deref(), Some("事項を遵守していますか"));
        assert_eq!(ask("必要な対策を取らなければならない").as_deref(), Some("必要な対策を取っていますか"));
        assert_eq!(ask("スロット等から抜いておかなければならない").as_deref(), Some("スロット等から抜いておいていますか"));
        assert_eq!(ask("措置を講じなければならない").as_deref(), Some("措置を講じていますか"));
        assert_eq!(ask("対策を講ずること").as_deref(), Some("対策を講じていますか"));
        assert_eq!(ask("古いパスワードを再利用しないものとする").as_deref(), Some("古いパスワードを再利用しないようにしていますか"));
        assert_eq!(ask("当該ソフトウェアの設定を変更しない").as_deref(), Some("当該ソフトウェアの設定を変更しないようにしていますか"));
        assert_eq!(ask("チェックを行う").as_deref(), Some("チェックを行っていますか"));
        assert_eq!(ask("要件を満たすための意見である"), None);
        assert_eq!(ask("件名"), None);
    }

    #[test]
    fn a_draft_is_a_valid_questionnaire_covering_every_obligation() {
        let mut files = bundled_files().into_iter().find(|f| f.folder == "kobe").unwrap();
        let pack = load(&files, PackOrigin::Bundled).pack.unwrap();
        let role = pack.roles.iter().find(|r| r.id == "staff").unwrap().clone();
        let text = draft(&pack, &role);
        assert!(text.contains("question = \"業務上必要のない情報を作成しないようにしていますか。\""), "{text}");
        assert!(text.contains("id = \"taisaku-7-1-1-1\""), "{text}");
        files.files.retain(|p, _| !p.starts_with("selfcheck/"));
        files.files.insert("selfcheck/staff.toml".into(), text.into_bytes());
        let out = load(&files, PackOrigin::Imported);
        assert!(out.problems.is_empty(), "{:#?}", out.problems);
        let cov = super::super::coverage::coverage(&out.pack.unwrap());
        let staff = cov.roles.iter().find(|r| r.role_id == "staff").unwrap();
        assert_eq!(staff.covered, staff.obligations);
        assert_eq!(staff.items, staff.obligations);
    }
}
