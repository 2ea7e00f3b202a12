mod basics {
    use super::super::*;
    use crate::pack::library::bundled_files;
    use crate::pack::{load, PackOrigin};

    fn kobe() -> Pack {
        pack("kobe")
    }

    fn of<'a>(all: &'a [Obligation], clause: &str) -> Vec<&'a Obligation> {
        all.iter().filter(|o| o.clause_id == format!("kobe/taisaku/{clause}")).collect()
    }

    fn find<'a>(all: &'a [Obligation], clause: &str, words: &str) -> &'a Obligation {
        of(all, clause).into_iter().find(|o| o.text.contains(words)).unwrap_or_else(|| panic!("{clause}: no obligation with {words}"))
    }

    #[test]
    fn staff_duty_in_7_1_1() {
        let all = extract(&kobe());
        let o = find(&all, "7.1.1", "情報セキュリティポリシー及びこれに基づく文書に定められている事項を遵守しなければならない");
        assert_eq!(o.id, "kobe/taisaku/7.1.1#1");
        assert_eq!(o.roles, ["staff"]);
        assert_eq!(o.kind, ObligationKind::Must);
        assert!(o.text.starts_with("職員等は、"), "{}", o.text);
    }

    #[test]
    fn information_manager_duty() {
        let all = extract(&kobe());
        let o = find(&all, "6.4.1", "盗難防止のための措置を講じなければならない");
        assert_eq!(o.roles, ["info-manager"]);
        let o = find(&all, "7.1.1", "端末等の持ち出しについて、記録を作成し、保管しなければならない");
        assert_eq!(o.roles, ["info-manager"]);
    }

    #[test]
    fn several_roles_as_one_subject() {
        let all = extract(&kobe());
        let o = find(&all, "6.1.1", "ネットワーク機器及び情報システム機器の取付け");
        assert_eq!(o.roles, ["infra-admin", "system-admin"]);
        let o = find(&all, "6.1.7", "全ての情報を消去の上");
        assert_eq!(o.roles, ["infra-admin", "system-admin", "info-manager"]);
        // 「職員等及び委託業務従事者等は」: the part that is a role.
        let o = find(&all, "8.1.19", "無断でソフトウェアを導入してはならない");
        assert_eq!(o.roles, ["staff"]);
        // 「…等権限のある者は」: people such as these roles.
        let o = find(&all, "8.1.23", "明らかに業務に関係のないWebサイト");
        assert_eq!(o.roles, ["infra-admin", "system-admin"]);
    }

    #[test]
    fn prohibitions() {
        let all = extract(&kobe());
        let o = find(&all, "4.2", "業務上必要のない情報を作成してはならない");
        assert_eq!((o.kind, o.roles.as_slice()), (ObligationKind::MustNot, &["staff".to_owned()][..]));
        let o = find(&all, "7.4.3", "パスワードの照会等には一切応じてはならない");
        assert_eq!((o.kind, o.roles.as_slice()), (ObligationKind::MustNot, &["staff".to_owned()][..]));
    }

    #[test]
    fn a_sentence_without_subject_inherits_the_previous_one() {
        let all = extract(&kobe());
        // 7.1.1 ア, second sentence: 「また、…情報管理者等権限のある者に相談し、指示を仰がなければならぬ。」
        let o = find(&all, "7.1.1", "速やかに情報管理者等権限のある者に相談し");
        assert_eq!(o.id, "kobe/taisaku/7.1.1#2");
        assert_eq!(o.roles, ["staff"]);
        // 7.3.1 イ: the 情報管理者 of the first sentence also reports to CISO.
        let o = find(&all, "7.3.1", "情報管理者から直接 CISO に報告しなければならない");
        assert_eq!(o.roles, ["info-manager"]);
        // 7.2.2 イ continues ア's subject, 情報セキュリティ統括責任者.
        let o = find(&all, "7.2.2", "毎年度最低 1 回実施しなければならない");
        assert_eq!(o.roles, ["supervisor"]);
    }

    #[test]
    fn lists_under_a_lead_in_are_the_duties() {
        let all = extract(&kobe());
        // 8.4.2: 「職員等及び委託業務従事者等は、次の事項を遵守しなければならない。」 + ア…ケ.
        let list = of(&all, "8.4.2");
        assert_eq!(list.len(), 9, "{list:#?}");
        assert!(list.iter().all(|o| o.roles == ["staff"]));
        assert_eq!(list[0].kind, ObligationKind::MustNot, "{}", list[0].text);
        assert!(list[0].text.starts_with("端末において"), "{}", list[0].text);
        assert_eq!(list[1].kind, ObligationKind::Must);
        // 7.4.1 イ (1): the proviso is not a duty.
        let ids = of(&all, "7.4.1");
        assert!(ids.iter().any(|o| o.text == "ID カード等は、職員等で共有しない。" && o.roles == ["staff"]), "{ids:#?}");
        assert!(!ids.iter().any(|o| o.text.starts_with("ただし")));
        // 9.6: the laws are nouns, so the lead-in is the duty.
        let laws = of(&all, "9.6");
        assert_eq!(laws.len(), 1);
        assert_eq!(laws[0].roles, ["staff"]);
    }

    #[test]
    fn people_who_are_not_roles_are_not_guessed() {
        let all = extract(&kobe());
        let o = find(&all, "4.2", "情報の作成時に重要性分類に基づき");
        assert!(o.roles.is_empty(), "{o:?}");
        // 「…情報の作成途上で不要になった場合は、当該情報を消去しなければならない。」 follows it.
        let o = find(&all, "4.2", "当該情報を消去しなければならない");
        assert!(o.roles.is_empty(), "{o:?}");
        // 「特別職非常勤職員は」 is not 「職員」.
        let o = find(&all, "7.1.2", "7.1.1 に定める事項を守らなければならない");
        assert!(o.roles.is_empty(), "{o:?}");
    }

    #[test]
    fn sentences_split_outside_brackets() {
        let s = sentences("CISO は、体制（以下「CSIRT」という。）を整備する。次に、報告する。");
        assert_eq!(s, ["CISO は、体制（以下「CSIRT」という。）を整備する。", "次に、報告する。"]);
        assert_eq!(strip_marker("(10) 本文"), "本文");
        assert_eq!(strip_marker("ア 職員等は、"), "職員等は、");
        assert_eq!(strip_marker("アクセス制御"), "アクセス制御");
    }

    fn pack(folder: &str) -> Pack {
        let mut files = bundled_files().into_iter().find(|f| f.folder == folder).unwrap();
        // The questionnaires are checked against the obligations, not the reverse.
        files.files.retain(|p, _| !p.starts_with("selfcheck/"));
        load(&files, PackOrigin::Bundled).pack.unwrap()
    }

    /// Obligations checked by hand against the text, with the roles that bear
    /// them (none: the text names no role, or a person who is not one).
    #[test]
    fn hand_checked_sample() {
        use ObligationKind::*;
        let sample: &[(&str, &[&str], ObligationKind, &str)] = &[
            // 神戸市: explicit forms, subjects stated or carried.
            ("kobe/taisaku/7.1.1#1", &["staff"], Must, "文書に定められている事項を遵守しなければならない"),
            ("kobe/taisaku/7.1.1#13", &["staff"], MustNot, "支給以外の端末、モバイル端末及び電磁的記録媒体等"),
            ("kobe/taisaku/7.2.2#1", &["supervisor"], Must, "研修計画を定期的に策定し、CISO に報告しなければならない"),
            // イ–エ have no subject: ア's 情報セキュリティ統括責任者 carries on.
            ("kobe/taisaku/7.2.2#2", &["supervisor"], Must, "毎年度最低 1 回実施しなければならない"),
            ("kobe/taisaku/7.2.2#3", &["supervisor"], Must, "新規採用の職員等を対象とする"),
            ("kobe/taisaku/7.2.2#4", &["supervisor"], Must, "それぞれの役割、情報セキュリティに関する理解度等に応じたもの"),
            ("kobe/taisaku/7.2.2#5", &["info-manager"], Must, "所属の研修の実施状況を記録し"),
            ("kobe/taisaku/7.2.2#6", &["supervisor"], Must, "研修の実施状況を分析、評価し"),
            ("kobe/taisaku/7.2.3#1", &["ciso"], Must, "緊急時対応を想定した訓練を定期的に実施しなければならない"),
            // 「訓練計画は、」 is the object: CISO carries on.
            ("kobe/taisaku/7.2.3#2", &["ciso"], Must, "訓練計画は、"),
            ("kobe/taisaku/7.3.1#2", &["info-manager"], Must, "報告を受けた情報管理者は、速やかに情報セキュリティ管理者に報告"),
            ("kobe/taisaku/7.3.1#5", &["system-admin"], Must, "業務システム責任者に報告しなければならない"),
            ("kobe/taisaku/7.4.1#2", &["staff"], MustNot, "ID カード等は、職員等で共有しない。"),
            ("kobe/taisaku/7.4.3#6", &["staff"], MustNot, "同一のパスワードをシステム間で用いて"),
            ("kobe/taisaku/6.1.1#1", &["infra-admin", "system-admin"], Must, "ネットワーク機器及び情報システム機器の取付け"),
            ("kobe/taisaku/6.4.1#2", &["info-manager"], Must, "モバイル端末及び電磁的記録媒体の使用時以外の施錠"),
            ("kobe/taisaku/9.5.2#1", &["infra-admin", "system-admin", "info-manager"], Must, "情報基盤管理者、業務システム管理者及び情報管理者は"),
            ("kobe/taisaku/11.1.1#1", &["ciso"], Must, "情報セキュリティ監査統括責任者に命じ"),
            // People who are not roles: no role guessed.
            ("kobe/taisaku/4.2#22", &[], Must, "運搬する者は、情報管理者に許可を得なければならない"),
            ("kobe/taisaku/8.1.17#4", &[], Must, "重要な電子メールを誤送信した場合"),
            ("kobe/taisaku/3.3.2#2", &[], Must, "CISO、総務省、都道府県等へ報告しなければならない"),
            // 勝浦市: declarative forms.
            ("katsuura/taisaku/13#1", &["system-admin"], Must, "内部規程等で整備する。"),
            ("katsuura/taisaku/18#1", &["supervisor"], Must, "危機管理計画として策定し、関係部門の責任者、職員に周知する。"),
            ("katsuura/taisaku/19#1", &["system-admin"], Must, "情報システム等が機能することを確認する。"),
            // 「パスワード保持者」 is an alias of 職員等 in roles.toml.
            ("katsuura/taisaku/59#1", &["staff"], Must, "定期的にパスワードを変更する。"),
            ("katsuura/taisaku/62#1", &["staff"], MustNot, "他人が容易に推測可能な語句等をパスワードとしない。"),
            ("katsuura/taisaku/63#1", &["staff"], MustNot, "他人にパスワードを利用させない。"),
            ("katsuura/taisaku/52#1", &["staff"], Must, "職員は、定期的に重要機能室内を巡回する。"),
            // 「第5 統括管理者の配置」 names who is appointed, not who acts.
            ("katsuura/taisaku/5#1", &[], Must, "総括的に管理する責任者を置くものとする。"),
            ("katsuura/taisaku/21#1", &[], Must, "延焼防止措置を講ずる。"),
            ("katsuura/taisaku/22#1", &[], Must, "耐火・防火等の措置に配慮する。"),
            ("katsuura/taisaku/54#1", &[], Must, "必要最小限とする。"),
            ("katsuura/taisaku/79#1", &[], Must, "1度初期化してから用いる。"),
            ("katsuura/taisaku/91#1", &[], Must, "それぞれの管理責任者の承認を得る。"),
            ("katsuura/taisaku/103#1", &[], MustNot, "関係者以外には開示しない。"),
            ("katsuura/taisaku/104#1", &[], MustNot, "ネットワークサービスは提供しない。"),
        ];
        assert!(sample.len() >= 30);
        let mut all = extract(&pack("kobe"));
        all.extend(extract(&pack("katsuura")));
        for (id, roles, kind, words) in sample {
            let o = all.iter().find(|o| o.id == *id).unwrap_or_else(|| panic!("{id}: not found"));
            assert!(o.text.contains(words), "{id}: {}", o.text);
            assert_eq!((o.roles.as_slice(), o.kind), (&roles.iter().map(|r| r.to_string()).collect::<Vec<_>>()[..], *kind), "{id}: {}", o.text);
        }
        // Definitions, scope and 附則 state no duty, even in a declarative text.
        for clause in ["katsuura/taisaku/2", "katsuura/taisaku/3", "katsuura/taisaku/supplementary"] {
            assert!(!all.iter().any(|o| o.clause_id == clause), "{clause}: {:#?}", all.iter().filter(|o| o.clause_id == clause).collect::<Vec<_>>());
        }
    }

    #[test]
    fn each_document_is_read_in_its_own_style() {
        let kobe = pack("kobe");
        assert_eq!(document_style(&kobe.documents[0]), Style::Explicit);
        let katsuura = pack("katsuura");
        assert_eq!(document_style(&katsuura.documents[0]), Style::Declarative);
        // In an explicit text a plain 「…する。」 describes: 3.2.4 イ is a statement of 権限及び責任.
        assert!(!extract(&kobe).iter().any(|o| o.clause_id == "kobe/taisaku/3.2.3"));
        for folder in ["gunma", "hirakawa", "togane-seiso"] {
            let p = pack(folder);
            let kihon = p.documents.iter().find(|d| d.kind == "基本方針").unwrap();
            assert_eq!(document_style(kihon), Style::Declarative, "{folder}");
        }
        assert_eq!(declarative_kind("出入口を施錠する。"), Some(ObligationKind::Must));
        assert_eq!(declarative_kind("用紙等可燃物の持込みは、必要最小限とする。"), Some(ObligationKind::Must));
        assert_eq!(declarative_kind("関係者以外には開示しない。"), Some(ObligationKind::MustNot));
        assert_eq!(declarative_kind("当該各号に定めるところによる。"), None);
        assert_eq!(declarative_kind("アクセスすることができる。"), None);
        assert_eq!(declarative_kind("この基準は、平成15年8月1日から施行する。"), None);
        assert_eq!(declarative_kind("必要がない。"), None);
        assert_eq!(declarative_kind("対策を講ずる"), None, "a list item that is not a sentence");
    }

    #[test]
    fn duty_forms() {
        use ObligationKind::*;
        assert_eq!(duty_kind("報告しなければならない。"), Some(Must));
        assert_eq!(duty_kind("指示を仰がなければならぬ。"), Some(Must));
        assert_eq!(duty_kind("保存することとし、原則として端末内にデータを保存してはならない。"), Some(MustNot));
        assert_eq!(duty_kind("専門知識を有する者でなければならない。"), None);
        assert_eq!(duty_kind("古いパスワードを再利用しないものとする。"), Some(MustNot));
        assert_eq!(duty_kind("業務上必要最低限のものとする。"), None);
        assert_eq!(duty_kind("対策を実施すること。"), Some(Must));
        assert_eq!(duty_kind("影響が生じないこと"), None);
        assert_eq!(duty_kind("権限及び責任を有する。"), None);
        assert_eq!(duty_kind("利用することができる。"), None);
    }
}

mod dump_problems {
    /// `cargo test -p tebiki-core --lib dump_problems -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn dump_problems() {
        let all = super::super::dump::packs();
        for files in all {
            let out = crate::pack::load(&files, crate::pack::PackOrigin::Bundled);
            for p in out.problems {
                println!("{}\t{}\t{:?}\t{:?}\t{}\t{:?}", files.folder, p.file, p.line, p.severity, p.message.key, p.message.args);
            }
        }
    }
}

mod dump_coverage {
    /// `cargo test -p tebiki-core --lib dump_coverage -- --ignored --nocapture`:
    /// the table of `tebiki selfcheck coverage`, without building the CLI.
    #[test]
    #[ignore]
    fn dump_coverage() {
        for files in super::super::dump::packs() {
            let out = crate::pack::load(&files, crate::pack::PackOrigin::Bundled);
            let Some(pack) = out.pack else { continue };
            let c = crate::selfcheck::coverage::coverage(&pack);
            for d in &c.documents {
                println!("{}\t[{} {}]\t{}\t{}\t{}\t{:?}", c.pack_id, d.document_id, d.kind, d.obligations, d.covered, d.excluded, d.percent);
            }
            for r in &c.roles {
                println!("{}\t{}\t{}\t{}\t{}\t{:?}\titems {}", c.pack_id, r.role, r.obligations, r.covered, r.excluded, r.percent, r.items);
                for o in r.obligations_list.iter().filter(|o| o.covered_by.is_empty() && o.excluded_reason.is_none()) {
                    println!("    uncovered {}", o.id);
                }
            }
            println!("{}\tunattributed {}", c.pack_id, c.unattributed);
        }
    }
}
