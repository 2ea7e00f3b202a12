mod basics {
    use super::super::*;
    use tebiki_core::roster::import::parse_roster;

    fn records(csv: &str) -> Vec<StaffRecord> {
        parse_roster(csv.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect()
    }

    const FIRST: &str = "職員番号,氏名,所属コード,所属名,役職\n1,山田,A10,総務課,課長・情報管理者\n2,鈴木,A10,総務課,\n3,佐藤,B20,情報政策課,\n";
    const SECOND: &str = "職員番号,氏名,所属コード,所属名,役職\n1,山田,A10,総務課,課長・情報管理者\n2,鈴木,B20,情報政策課,\n4,田中,B20,情報政策課,\n";

    #[test]
    fn re_import_is_an_update_with_transfers_and_retirements() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        let p = store.import_roster(&records(FIRST), true, "2025-04-01").unwrap();
        assert_eq!(p.added, ["1", "2", "3"]);

        let preview = store.plan_roster(&records(SECOND), &[], true).unwrap();
        let p = store.import_roster(&records(SECOND), true, "2025-10-01").unwrap();
        assert_eq!(p, preview, "the preview is what the import does");
        assert_eq!(p.added, ["4"]);
        assert_eq!(p.updated, ["2"]);
        assert_eq!(p.deactivated, ["3"]);
        assert_eq!(p.unchanged, 1);

        // 異動 keeps history; 退職 keeps the person.
        let hist = store.department_history("2").unwrap();
        assert_eq!(hist.len(), 1);
        assert_eq!((hist[0].1.as_deref(), hist[0].2.as_deref()), (Some("A10"), Some("B20")));
        let all = store.all_staff().unwrap();
        assert_eq!(all.len(), 4);
        let sato = all.iter().find(|m| m.record.employee_no == "3").unwrap();
        assert!(!sato.active);
        assert_eq!(sato.record.left_on.as_deref(), Some("2025-10-01"));
        let yamada = all.iter().find(|m| m.record.employee_no == "1").unwrap();
        assert_eq!(yamada.record.roles, ["情報管理者", "課長"]);

        // Importing the same file again changes nothing.
        let p = store.import_roster(&records(SECOND), true, "2025-10-02").unwrap();
        assert_eq!((p.added.len(), p.updated.len(), p.deactivated.len(), p.unchanged), (0, 0, 0, 3));
    }

    #[test]
    fn a_partial_roster_retires_nobody() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        store.import_roster(&records(FIRST), true, "2025-04-01").unwrap();
        let p = store.import_roster(&records("職員番号,氏名,所属名\n5,新人,総務課\n"), false, "2025-05-01").unwrap();
        assert_eq!(p.added, ["5"]);
        assert!(p.deactivated.is_empty());
        assert_eq!(store.active_staff().unwrap().len(), 4);
    }

    /// Thirty people, then the same roster with one row broken as the
    /// outside review broke it (issue 13, finding 5).
    fn thirty() -> String {
        let mut s = String::from("職員番号,氏名,所属コード,所属名,採用日\n");
        for i in 1..=30 {
            s.push_str(&format!("{},職員{i},A10,総務課,2012/04/01\n", 1000 + i));
        }
        s
    }

    fn full_import_of(store: &mut Store, csv: &str) -> RosterPlan {
        let parsed = parse_roster(csv.as_bytes(), None).unwrap();
        let records: Vec<StaffRecord> = parsed.rows.iter().map(|(_, r)| r.clone()).collect();
        let preview = store.plan_roster(&records, &parsed.rejected, true).unwrap();
        let done = store.import_roster_with_progress(&records, &parsed.rejected, true, "2025-10-01", &mut |_, _| {}).unwrap();
        assert_eq!(preview, done);
        done
    }

    #[test]
    fn a_rejected_row_never_makes_its_person_taishoku() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        full_import_of(&mut store, &thirty());
        let bad_date = thirty().replace("1005,職員5,A10,総務課,2012/04/01", "1005,職員5,A10,総務課,2012/13/45");
        let p = full_import_of(&mut store, &bad_date);
        assert_eq!((p.deactivated.len(), p.kept_rejected.as_slice(), p.many_deactivated), (0, ["1005".to_owned()].as_slice(), false));
        assert_eq!(store.active_staff().unwrap().len(), 30);
    }

    #[test]
    fn an_unclosed_quote_makes_nobody_taishoku_and_a_mass_retirement_is_flagged() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        full_import_of(&mut store, &thirty());
        // A quote opened in 1002's name and never closed: every line after it
        // is read as part of that one field.
        let broken = thirty().replace("1002,職員2,", "1002,\"職員2,");
        let parsed = parse_roster(broken.as_bytes(), None).unwrap();
        assert_eq!(parsed.rows.len(), 1, "only 1001 is read");
        let p = full_import_of(&mut store, &broken);
        assert!(p.deactivated.is_empty(), "{:?}", p.deactivated);
        assert_eq!(p.kept_rejected.len(), 29);
        assert_eq!(store.active_staff().unwrap().len(), 30);

        // A file that really lists only 3 of the 30: 27 退職 is flagged.
        let few: String = thirty().lines().take(4).map(|l| format!("{l}\n")).collect();
        let p = store.plan_roster(&records(&few), &[], true).unwrap();
        assert_eq!((p.deactivated.len(), p.active_before, p.many_deactivated), (27, 30, true));
        // Three of thirty (10%) is not more than a tenth.
        let most: String = thirty().lines().take(28).map(|l| format!("{l}\n")).collect();
        let p = store.plan_roster(&records(&most), &[], true).unwrap();
        assert_eq!((p.deactivated.len(), p.many_deactivated), (3, false));
    }
}

mod department_tests {
    use super::super::*;

    fn person(no: &str, dept: &str) -> StaffRecord {
        StaffRecord {
            employee_no: no.into(),
            name: format!("職員{no}"),
            kana: None,
            dept_code: dept.into(),
            dept_name: format!("{dept}課"),
            employment: None,
            roles: vec![],
            hired_on: None,
            left_on: None,
            email: None,
        }
    }

    #[test]
    fn departments_are_listed_renamed_added_and_hidden_only_when_empty() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        store.import_roster(&[person("1", "A"), person("2", "A")], true, "2025-04-01").unwrap();
        store.save_department("A", " 総務課 ").unwrap().unwrap();
        store.save_department("B", "新設課").unwrap().unwrap();
        assert_eq!(store.save_department("C", " ").unwrap(), Err(DepartmentRefusal::EmptyName));
        let d = store.departments().unwrap();
        assert_eq!(d.iter().map(|d| (d.code.as_str(), d.name.as_str(), d.members)).collect::<Vec<_>>(), [("A", "総務課", 2), ("B", "新設課", 0)]);
        assert_eq!(store.set_department_active("A", false).unwrap(), Err(DepartmentRefusal::HasMembers(2)));
        store.set_department_active("B", false).unwrap().unwrap();
        assert!(!store.departments().unwrap()[1].active);
        // The person's 所属 name follows the rename.
        assert_eq!(store.staff_member("1").unwrap().unwrap().record.dept_name, "総務課");
    }
}

mod progress_tests {
    use super::super::*;

    #[test]
    fn a_long_import_reports_progress_up_to_the_total() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        let mut csv = String::from("職員番号,氏名,所属コード,所属名\n");
        for i in 0..1200 {
            csv.push_str(&format!("{i},職員{i},A,総務課\n"));
        }
        let records: Vec<_> = tebiki_core::roster::import::parse_roster(csv.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect();
        let mut seen = Vec::new();
        store.import_roster_with_progress(&records, &[], true, "2025-04-01", &mut |d, t| seen.push((d, t))).unwrap();
        assert_eq!(seen, [(0, 1200), (500, 1200), (1000, 1200), (1200, 1200)]);
    }
}

mod role_edit_tests {
    use super::super::*;

    #[test]
    fn roles_are_set_by_hand_with_history() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        let csv = "職員番号,氏名,所属コード,所属名,役職\n1,山田,A,総務課,課長\n";
        let records: Vec<_> = tebiki_core::roster::import::parse_roster(csv.as_bytes(), None).unwrap().rows.into_iter().map(|(_, r)| r).collect();
        store.import_roster(&records, true, "2025-04-01").unwrap();
        assert!(store.set_staff_roles("1", &["情報管理者".into(), "業務システム管理者".into()]).unwrap());
        assert_eq!(store.staff_member("1").unwrap().unwrap().record.roles, ["情報管理者", "業務システム管理者"]);
        assert!(!store.set_staff_roles("999", &[]).unwrap());
        let n: i64 = store.conn.query_row("SELECT COUNT(*) FROM staff_history WHERE field = 'roles'", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
    }
}
