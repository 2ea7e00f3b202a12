//! A realistic synthetic organisation for `tebiki demo` and the benchmarks:
//! 所属 named as 市役所 name them, staff with readings, 任用区分, roles (課長 =
//! 情報管理者), 採用日 over thirty years, some 退職. Deterministic.

use crate::roster::import::StaffRecord;
use chrono::NaiveDate;

/// A small xorshift generator: the same organisation every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const BU: &[&str] = &[
    "総務部",
    "企画部",
    "財政部",
    "市民部",
    "福祉部",
    "健康部",
    "環境部",
    "経済部",
    "建設部",
    "都市整備部",
    "教育部",
    "消防本部",
    "上下水道部",
    "会計室",
    "議会事務局",
];
const KA: &[&str] = &[
    "総務課",
    "人事課",
    "情報政策課",
    "企画課",
    "財政課",
    "税務課",
    "収納課",
    "市民課",
    "保険年金課",
    "福祉課",
    "障害福祉課",
    "子育て支援課",
    "健康づくり課",
    "環境保全課",
    "廃棄物対策課",
    "商工観光課",
    "農林課",
    "道路課",
    "都市計画課",
    "建築課",
    "学校教育課",
    "生涯学習課",
    "警防課",
    "予防課",
    "水道課",
    "下水道課",
    "管財課",
    "契約課",
    "防災危機管理課",
    "広報課",
];
const SEI: &[(&str, &str)] = &[
    ("佐藤", "サトウ"),
    ("鈴木", "スズキ"),
    ("高橋", "タカハシ"),
    ("田中", "タナカ"),
    ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"),
    ("山本", "ヤマモト"),
    ("中村", "ナカムラ"),
    ("小林", "コバヤシ"),
    ("加藤", "カトウ"),
    ("吉田", "ヨシダ"),
    ("山田", "ヤマダ"),
    ("佐々木", "ササキ"),
    ("松本", "マツモト"),
    ("井上", "イノウエ"),
    ("木村", "キムラ"),
    ("林", "ハヤシ"),
    ("斎藤", "サイトウ"),
    ("清水", "シミズ"),
    ("山口", "ヤマグチ"),
    ("髙橋", "タカハシ"),
];
const MEI: &[(&str, &str)] = &[
    ("太郎", "タロウ"),
    ("花子", "ハナコ"),
    ("一郎", "イチロウ"),
    ("美咲", "ミサキ"),
    ("健太", "ケンタ"),
    ("陽子", "ヨウコ"),
    ("大輔", "ダイスケ"),
    ("由美", "ユミ"),
    ("翔太", "ショウタ"),
    ("恵", "メグミ"),
    ("誠", "マコト"),
    ("愛", "アイ"),
    ("直樹", "ナオキ"),
    ("裕子", "ユウコ"),
    ("拓也", "タクヤ"),
    ("彩", "アヤ"),
    ("浩二", "コウジ"),
    ("真由美", "マユミ"),
];

/// `depts` 所属 and `staff` people; about 4 % have left. `today` sets who is new.
pub fn organisation(depts: usize, staff: usize, today: NaiveDate, seed: u64) -> Vec<StaffRecord> {
    let mut rng = Rng::new(seed);
    let dept_names: Vec<(String, String)> = (0..depts.max(1))
        .map(|i| {
            let name = if i < BU.len() * KA.len() {
                format!("{}{}", BU[i % BU.len()], KA[(i / BU.len() + i) % KA.len()])
            } else {
                format!("{}{}第{}係", BU[i % BU.len()], KA[i % KA.len()], i / (BU.len() * KA.len()) + 1)
            };
            (format!("D{:03}", i + 1), name)
        })
        .collect();
    let mut out = Vec::with_capacity(staff);
    for n in 0..staff {
        let (code, dept) = &dept_names[n % dept_names.len()];
        let head = n < dept_names.len();
        let (sei, sei_kana) = rng.pick(SEI);
        let (mei, mei_kana) = rng.pick(MEI);
        let years_ago = rng.below(32) as i64;
        let hired = NaiveDate::from_ymd_opt(crate::calendar::fiscal_year::FiscalYear::of(today).0 - years_ago as i32, 4, 1).unwrap_or(today)
            + chrono::Duration::days(if rng.chance(10) { rng.below(300) as i64 } else { 0 });
        let hired = hired.min(today);
        let employment =
            if head || rng.chance(75) { "正規職員" } else { *rng.pick(&["会計年度任用職員", "再任用", "任期付職員", "派遣"]) };
        let mut roles = Vec::new();
        if head {
            roles.extend(["課長".to_owned(), "情報管理者".to_owned()]);
        } else if rng.chance(2) {
            roles.push("業務システム管理者".to_owned());
        }
        let left = (!head && rng.chance(4)).then(|| today - chrono::Duration::days(rng.below(700) as i64)).filter(|l| *l > hired);
        out.push(StaffRecord {
            employee_no: format!("{:06}", 100000 + n),
            name: format!("{sei} {mei}"),
            kana: Some(format!("{sei_kana} {mei_kana}")),
            dept_code: code.clone(),
            dept_name: dept.clone(),
            employment: Some(employment.to_owned()),
            roles,
            hired_on: Some(hired.to_string()),
            left_on: left.map(|l| l.to_string()),
            email: None,
        });
    }
    out
}

/// The roster as an HR system would export it: CSV with Japanese headers.
pub fn roster_csv(staff: &[StaffRecord]) -> String {
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let _ = w.write_record(["職員番号", "氏名", "フリガナ", "所属コード", "所属名", "任用区分", "役職", "採用日", "退職日", "メール"]);
    for s in staff {
        let hired = s.hired_on.as_deref().unwrap_or("").replace('-', "/");
        let left = s.left_on.as_deref().unwrap_or("").replace('-', "/");
        let roles = s.roles.join("・");
        let _ = w.write_record([
            s.employee_no.as_str(),
            &s.name,
            s.kana.as_deref().unwrap_or(""),
            &s.dept_code,
            &s.dept_name,
            s.employment.as_deref().unwrap_or(""),
            &roles,
            &hired,
            &left,
            s.email.as_deref().unwrap_or(""),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

const REMEDIES: &[&str] = &[
    "課内の手順書を改訂し、全員に周知する",
    "次回の課内会議で確認し、担当者を決める",
    "情報政策課と相談のうえ、年度内に対応する",
    "研修を受講させ、受講記録を残す",
    "管理台帳を作成し、四半期ごとに点検する",
    "システム更新に合わせて設定を見直す",
];
const COMMENTS: &[&str] = &["", "", "", "", "課内で確認済み", "一部の端末のみ未対応", "前年度から継続して対応中"];

/// 自己点検 submissions for the demo and the benchmark: one per
/// (person, questionnaire) given, answers drawn with plausible frequencies
/// (実施 about 70 %, 一部 12 %, 未実施 6 %, 該当なし 12 %), 改善策 and 期限
/// where required, submitted in June–September of the 年度 but not after
/// `latest` (today, for the current 年度). Deterministic.
pub fn submissions(
    who: &[(&StaffRecord, &crate::selfcheck::dashboard::QuestionnaireInfo)],
    pack: &crate::selfcheck::submission::PackRef,
    year: i32,
    latest: NaiveDate,
    seed: u64,
) -> Vec<crate::selfcheck::submission::Submission> {
    use crate::selfcheck::answers::Answer;
    use crate::selfcheck::submission::{Respondent, Submission, SubmittedAnswer};
    let mut rng = Rng::new(seed);
    let fy = crate::calendar::fiscal_year::FiscalYear(year);
    let stamp = |d: NaiveDate, h: usize, m: usize| format!("{d}T{h:02}:{m:02}:00+09:00");
    who.iter()
        .map(|(p, q)| {
            let latest = latest.clamp(fy.start(), fy.end());
            let started = (fy.start() + chrono::Duration::days(60 + rng.below(100) as i64)).min(latest);
            let submitted = (started + chrono::Duration::days(rng.below(14) as i64)).min(latest);
            // Some 所属 do well, some less so: a per-person bias.
            let bias = rng.below(15);
            let answers = q
                .items
                .iter()
                .map(|item| {
                    let r = rng.below(100);
                    let answer = if r < 58 + bias {
                        Answer::Implemented
                    } else if r < 76 + bias / 2 {
                        Answer::Partial
                    } else if r < 88 {
                        Answer::NotImplemented
                    } else {
                        Answer::NotApplicable
                    };
                    let needs = answer.needs_remedy();
                    SubmittedAnswer {
                        item_id: item.id.clone(),
                        answer,
                        comment: rng.pick(COMMENTS).to_string(),
                        remedy: if needs { rng.pick(REMEDIES).to_string() } else { String::new() },
                        due: needs.then(|| (submitted + chrono::Duration::days(30 + rng.below(200) as i64)).min(fy.end()).to_string()),
                    }
                })
                .collect();
            Submission {
                pack: pack.clone(),
                year,
                role: q.role.clone(),
                role_name: q.role_name.clone(),
                respondent: Respondent {
                    employee_no: p.employee_no.clone(),
                    name: p.name.clone(),
                    dept_code: p.dept_code.clone(),
                    dept_name: p.dept_name.clone(),
                },
                version: 1,
                // Started in the morning, submitted in the afternoon.
                started_at: stamp(started, 9 + rng.below(3), rng.below(60)),
                submitted_at: stamp(submitted, 13 + rng.below(5), rng.below(60)),
                answers,
                progress: Vec::new(),
            }
        })
        .collect()
}

/// e-learning results for the demo and the benchmark, as staff PCs would
/// write them: of `people`, `share` % took the test (some failing first),
/// answering each question right with a chance that depends on the
/// question (so that some are missed more than others), and most confirmed
/// the policy. Dates in the 年度, not after `latest`. Deterministic.
pub fn elearning_results(
    people: &[StaffRecord],
    roles_of: &dyn Fn(&StaffRecord) -> Vec<String>,
    pack: &crate::pack::Pack,
    year: i32,
    share: usize,
    latest: NaiveDate,
    seed: u64,
) -> Vec<crate::training::elearning::results::TrainingResults> {
    use crate::selfcheck::submission::{PackRef, Respondent};
    use crate::training::elearning::quiz;
    use crate::training::elearning::results::{Acknowledgement, CourseResult, TrainingResults};
    let Some(course) = pack.elearning.first() else { return Vec::new() };
    let mut rng = Rng::new(seed);
    let draw_rng = &mut fastrand::Rng::with_seed(seed);
    let fy = crate::calendar::fiscal_year::FiscalYear(year);
    let latest = latest.clamp(fy.start(), fy.end());
    let days = (latest - fy.start()).num_days().max(1) as usize;
    let pack_ref = PackRef { id: pack.id.clone(), version: pack.version.clone(), content_hash: pack.content_hash.clone() };
    // How often each question is answered right: most are easy, a few are not.
    let ease = |id: &str| 97 - (id.bytes().fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32)) % 40) as usize;
    let stamp = |d: NaiveDate, h: usize, m: usize| format!("{d}T{h:02}:{m:02}:00+09:00");
    let mut out = Vec::new();
    for p in people {
        if !rng.chance(share) {
            continue;
        }
        let day = fy.start() + chrono::Duration::days(rng.below(days) as i64);
        let roles = roles_of(p);
        let mut attempts = Vec::new();
        let skill = rng.below(12);
        // Some stop after a failed first attempt (for now).
        let tries = if rng.chance(10) { 1 } else { 3 };
        for n in 1..=tries {
            let questions = quiz::draw(course, &roles, &attempts, draw_rng);
            let chosen: Vec<u8> = questions
                .iter()
                .map(|id| {
                    let q = course.question(id).expect("drawn from the bank");
                    let wrong = if q.answer == 1 { 2 } else { 1 };
                    if rng.chance((ease(id) + skill + 5 * n as usize).min(100)) {
                        q.answer
                    } else {
                        wrong
                    }
                })
                .collect();
            let h = 9 + n as usize;
            let a = quiz::mark(course, n, &stamp(day, h, 0), &stamp(day, h, 12), &questions, &chosen);
            let passed = a.passed;
            attempts.push(a);
            if passed {
                break;
            }
        }
        let acknowledgements = if rng.chance(85) {
            vec![Acknowledgement {
                pack_version: pack.version.clone(),
                content_hash: pack.content_hash.clone(),
                wording: format!("私は、{}（{}）を読み、これを遵守します。", pack.title, pack.version),
                confirmed_at: stamp(day, 14, 0),
            }]
        } else {
            Vec::new()
        };
        out.push(TrainingResults {
            pack: pack_ref.clone(),
            year,
            person: Respondent { employee_no: p.employee_no.clone(), name: p.name.clone(), dept_code: p.dept_code.clone(), dept_name: p.dept_name.clone() },
            courses: vec![CourseResult { course: course.course.clone(), title: course.title.clone(), pass_percent: course.pass_percent, attempts }],
            acknowledgements,
            written_at: stamp(day, 15, 0),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_organisation_round_trips_through_a_shift_jis_roster() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let staff = organisation(50, 1000, today, 7);
        assert_eq!(staff.len(), 1000);
        let csv = roster_csv(&staff);
        let (sjis, _, bad) = encoding_rs::SHIFT_JIS.encode(&csv);
        assert!(!bad);
        let parsed = crate::roster::import::parse_roster(&sjis, None).unwrap();
        assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected.first());
        assert_eq!(parsed.rows.len(), 1000);
        assert_eq!(parsed.rows[0].1, staff[0]);
        assert_eq!(organisation(50, 1000, today, 7), staff, "deterministic");
    }

    #[test]
    fn demo_submissions_are_valid_files() {
        use crate::selfcheck::dashboard::{ItemInfo, QuestionnaireInfo};
        let today = NaiveDate::from_ymd_opt(2025, 10, 1).unwrap();
        let staff = organisation(5, 50, today, 7);
        let q = QuestionnaireInfo {
            role: "staff".into(),
            role_name: "職員等".into(),
            items: (1..=20).map(|i| ItemInfo { id: format!("s{i:02}"), question: format!("質問{i}"), chapter: "7 人的セキュリティ".into() }).collect(),
        };
        let who: Vec<_> = staff.iter().map(|p| (p, &q)).collect();
        let pack = crate::selfcheck::submission::PackRef { id: "kobe".into(), version: "1".into(), content_hash: "00".into() };
        let subs = submissions(&who, &pack, 2025, today, 1);
        assert!(subs.iter().all(|s| s.submitted_at.as_str() < "2025-10-02" && s.started_at <= s.submitted_at));
        assert_eq!(subs.len(), 50);
        for s in &subs {
            crate::selfcheck::submission::validate(s).unwrap();
            assert!(crate::calendar::fiscal_year::FiscalYear(2025).contains(s.submitted_at[..10].parse().unwrap()));
        }
        let answers: Vec<_> = subs.iter().flat_map(|s| &s.answers).collect();
        let share = |a| answers.iter().filter(|x| x.answer == a).count() * 100 / answers.len();
        assert!((55..85).contains(&share(crate::selfcheck::answers::Answer::Implemented)));
        assert_eq!(submissions(&who, &pack, 2025, today, 1), subs, "deterministic");
    }
}
