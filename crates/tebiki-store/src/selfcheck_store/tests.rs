mod basics {
    use super::super::*;
    use tebiki_core::selfcheck::answers::AnswerProblem;

    fn pack() -> PackRef {
        PackRef { id: "kobe".into(), version: "2025.1".into(), content_hash: "ab".repeat(32) }
    }

    fn yamada() -> Respondent {
        Respondent { employee_no: "100001".into(), name: "山田 太郎".into(), dept_code: "D001".into(), dept_name: "総務部総務課".into() }
    }

    fn items() -> Vec<String> {
        (1..=5).map(|i| format!("v{i:02}")).collect()
    }

    fn new_inspection<'a>(year: i32, who: &'a Respondent, pack: &'a PackRef, items: &'a [String], prefill: bool) -> NewInspection<'a> {
        NewInspection { year, role: "info-manager", role_name: "情報管理者", respondent: who, pack, item_ids: items, prefill, on_paper: false }
    }

    fn answered(id: &str, answer: Answer) -> ItemAnswer {
        let needs = answer.needs_remedy();
        ItemAnswer {
            answer: Some(answer),
            remedy: if needs { format!("{id}の改善策") } else { String::new() },
            due: needs.then(|| "2025-12-31".to_owned()),
            ..ItemAnswer::empty(id)
        }
    }

    /// Answers every item: the first partial, the rest implemented.
    fn answer_all(store: &mut Store, id: i64, items: &[String]) {
        for (i, item) in items.iter().enumerate() {
            let a = if i == 0 { Answer::Partial } else { Answer::Implemented };
            store.save_answer(id, &answered(item, a)).unwrap();
        }
    }

    fn submit_one(store: &mut Store, year: i32) -> Submission {
        let (who, pack, items) = (yamada(), pack(), items());
        let d = store.start_inspection(&new_inspection(year, &who, &pack, &items, false)).unwrap();
        answer_all(store, d.id, &items);
        store.submit(d.id, &items, &format!("{year}-06-03T17:00:00+09:00")).unwrap()
    }

    #[test]
    fn answers_survive_dropping_the_store() {
        let dir = tempfile::tempdir().unwrap();
        let (who, pack, items) = (yamada(), pack(), items());
        let id = {
            let mut store = Store::open_dir(dir.path()).unwrap();
            let d = store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)).unwrap();
            store.save_answer(d.id, &answered("v01", Answer::Partial)).unwrap();
            store.save_answer(d.id, &answered("v02", Answer::Implemented)).unwrap();
            d.id
        };
        // And without closing the connection at all (no checkpoint): as a crash would leave it.
        {
            let mut store = Store::open_dir(dir.path()).unwrap();
            store.save_answer(id, &answered("v03", Answer::NotApplicable)).unwrap();
            std::mem::forget(store);
        }
        let store = Store::open_dir(dir.path()).unwrap();
        let d = store.load_inspection(id).unwrap();
        let got: Vec<(&str, Option<Answer>)> = d.answers.iter().map(|a| (a.item_id.as_str(), a.answer)).collect();
        assert_eq!(got, [("v01", Some(Answer::Partial)), ("v02", Some(Answer::Implemented)), ("v03", Some(Answer::NotApplicable))]);
        assert_eq!(d.answers[0].remedy, "v01の改善策");
        assert_eq!(d.respondent, who);
    }

    const CHILD_ENV: &str = "TEBIKI_SELFCHECK_KILL_CHILD_DB";

    /// The child half of `a_killed_writer_loses_nothing_it_saved`: with the
    /// environment variable set, saves answers one at a time as fast as it
    /// can and reports each after it returned. Without it, does nothing.
    #[test]
    fn kill_child_writer() {
        use std::io::Write;
        let Ok(path) = std::env::var(CHILD_ENV) else { return };
        let mut store = Store::open(std::path::Path::new(&path)).unwrap();
        let who = yamada();
        let pack = pack();
        let items: Vec<String> = (0..100_000).map(|i| format!("i{i:06}")).collect();
        let d = store.start_inspection(&new_inspection(2025, &who, &pack, &[], false)).unwrap();
        let mut out = std::io::stdout().lock();
        for (i, item) in items.iter().enumerate() {
            let a = ItemAnswer { comment: format!("saved {i}"), ..answered(item, Answer::Implemented) };
            store.save_answer(d.id, &a).unwrap();
            writeln!(out, "saved {i}").unwrap();
            out.flush().unwrap();
        }
    }

    #[test]
    fn a_killed_writer_loses_nothing_it_saved() {
        use std::io::BufRead;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tebiki.db");
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "selfcheck_store::tests::basics::kill_child_writer", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, &path)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut reported = None;
        for line in std::io::BufReader::new(stdout).lines() {
            let line = line.unwrap();
            if let Some(n) = line.strip_prefix("saved ").and_then(|n| n.parse::<usize>().ok()) {
                reported = Some(n);
                if n >= 200 {
                    break;
                }
            }
        }
        // SIGKILL on Unix (TerminateProcess on Windows): no destructor, no
        // checkpoint, most likely in the middle of the next save.
        child.kill().unwrap();
        child.wait().unwrap();
        let reported = reported.expect("the child saved answers");
        assert!(reported >= 200);

        assert_eq!(crate::schema::check_file(&path).unwrap(), crate::LATEST_VERSION, "intact after the kill");
        let store = Store::open(&path).unwrap();
        let d = store.find_inspection(2025, "100001", "info-manager").unwrap().expect("the draft");
        let saved: HashSet<&str> = d.answers.iter().map(|a| a.comment.as_str()).collect();
        for i in 0..=reported {
            assert!(saved.contains(format!("saved {i}").as_str()), "answer {i} was reported saved but is missing");
        }
        // Rows are whole: every stored answer has all its fields.
        assert!(d.answers.iter().all(|a| a.answer == Some(Answer::Implemented) && a.comment.starts_with("saved ")));
    }

    #[test]
    fn submit_refuses_while_problems_remain_then_locks_the_answers() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        let (who, pack, items) = (yamada(), pack(), items());
        let d = store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)).unwrap();
        assert_eq!(d.version, 1);
        store.save_answer(d.id, &ItemAnswer { answer: Some(Answer::NotImplemented), ..ItemAnswer::empty("v01") }).unwrap();
        let e = store.submit(d.id, &items, "2025-06-03T17:00:00+09:00").unwrap_err();
        let SelfcheckError::Incomplete { problems } = e else { panic!("{e:?}") };
        assert_eq!(problems.len(), 5);
        assert_eq!(problems[0].problems, [AnswerProblem::MissingRemedy, AnswerProblem::MissingDue]);
        assert!(store.submissions_for_year(2025).unwrap().is_empty());

        answer_all(&mut store, d.id, &items);
        // The same draft is resumed, not duplicated.
        assert_eq!(store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)).unwrap().id, d.id);
        let s = store.submit(d.id, &items, "2025-06-03T17:00:00+09:00").unwrap();
        assert_eq!(s.version, 1);
        assert_eq!(s.answers.iter().map(|a| a.item_id.as_str()).collect::<Vec<_>>(), ["v01", "v02", "v03", "v04", "v05"]);
        assert!(matches!(store.load_inspection(d.id), Err(SelfcheckError::NoDraft { .. })));
        assert!(matches!(store.save_answer(d.id, &answered("v01", Answer::Implemented)), Err(SelfcheckError::NoDraft { .. })));
        // Submitted: starting again is refused, a correction is the way.
        assert!(matches!(store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)), Err(SelfcheckError::AlreadySubmitted { version: 1, .. })));
        let list = store.latest_submissions(2025).unwrap();
        assert_eq!(list, std::slice::from_ref(&s));
        let summary = &store.submissions_for_year(2025).unwrap()[0];
        assert_eq!((summary.source, summary.items), (SubmissionSource::Local, 5));
        assert_eq!(summary.digest, submission::digest(&s).unwrap());
    }

    #[test]
    fn a_correction_is_the_next_version_and_keeps_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        let first = submit_one(&mut store, 2025);
        assert!(matches!(store.reopen_for_correction(2024, "100001", "info-manager", &pack()), Err(SelfcheckError::NothingSubmitted { .. })));
        let d = store.reopen_for_correction(2025, "100001", "info-manager", &pack()).unwrap();
        assert_eq!(d.version, 2);
        assert_eq!(d.answers.len(), 5);
        assert!(d.answers.iter().all(|a| !a.reconfirm), "a correction starts from one's own answers");
        store.save_answer(d.id, &answered("v01", Answer::Implemented)).unwrap();
        let second = store.submit(d.id, &items(), "2025-07-01T10:00:00+09:00").unwrap();
        assert_eq!(second.version, 2);
        let history = store.submission_history(2025, "100001", "info-manager").unwrap();
        assert_eq!(history.iter().map(|h| h.version).collect::<Vec<_>>(), [1, 2]);
        let latest = store.latest_submissions(2025).unwrap();
        assert_eq!(latest, [second]);
        assert_eq!(store.submission(history[0].id).unwrap().unwrap(), first);
    }

    #[test]
    fn the_previous_year_prefills_and_marks_reconfirm() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_dir(dir.path()).unwrap();
        submit_one(&mut store, 2024);
        let (who, pack) = (yamada(), pack());
        // The 2025 questionnaire dropped v05 and added v06.
        let items: Vec<String> = ["v01", "v02", "v03", "v04", "v06"].map(String::from).to_vec();
        let d = store.start_inspection(&new_inspection(2025, &who, &pack, &items, true)).unwrap();
        assert_eq!(d.prefilled_from, Some(2024));
        assert_eq!(d.answers.iter().map(|a| a.item_id.as_str()).collect::<Vec<_>>(), ["v01", "v02", "v03", "v04"]);
        assert!(d.answers.iter().all(|a| a.reconfirm));
        assert_eq!(d.answers[0].remedy, "v01の改善策");
        // Submit is refused until each is confirmed and v06 answered.
        let Err(SelfcheckError::Incomplete { problems }) = store.submit(d.id, &items, "2025-06-01T00:00:00Z") else { panic!() };
        assert_eq!(problems.len(), 5);
        assert!(problems[..4].iter().all(|p| p.problems == [AnswerProblem::Reconfirm]));
        for a in &d.answers {
            store.save_answer(d.id, &ItemAnswer { reconfirm: false, ..a.clone() }).unwrap();
        }
        store.save_answer(d.id, &answered("v06", Answer::NotApplicable)).unwrap();
        assert_eq!(store.submit(d.id, &items, "2025-06-01T00:00:00Z").unwrap().version, 1);
        // Without prefill, or with nothing last year, the draft starts empty.
        let other = Respondent { employee_no: "100002".into(), ..yamada() };
        let e = store.start_inspection(&new_inspection(2025, &other, &pack, &items, true)).unwrap();
        assert!(e.answers.is_empty() && e.prefilled_from.is_none());
    }

    #[test]
    fn importing_the_same_file_twice_is_a_duplicate() {
        let dir = tempfile::tempdir().unwrap();
        let mut here = Store::open_dir(&dir.path().join("here")).unwrap();
        let s = submit_one(&mut here, 2025);
        let w = submission::write(&s).unwrap();
        let mut hq = Store::open_dir(&dir.path().join("hq")).unwrap();
        let known = |_: &str| Some(("2025.1".to_owned(), "ab".repeat(32)));
        let v = submission::verify(&w.bytes, &known).unwrap();
        let name = submission::file_name(&v.submission);
        assert_eq!(hq.import_submission(&v.submission, &v.digest, &name).unwrap(), ImportOutcome::Imported { version: 1 });
        assert_eq!(hq.import_submission(&v.submission, &v.digest, &name).unwrap(), ImportOutcome::Duplicate { version: 1 });
        // The PC that made it recognises its own file too.
        assert_eq!(here.import_submission(&v.submission, &v.digest, &name).unwrap(), ImportOutcome::Duplicate { version: 1 });
        let list = hq.submissions_for_year(2025).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!((list[0].source, list[0].file_name.as_deref()), (SubmissionSource::Imported, Some(name.as_str())));
        // Exporting an imported submission writes the very same file.
        let again = submission::write(&hq.latest_submissions(2025).unwrap()[0]).unwrap();
        assert_eq!(again.bytes, w.bytes);
        // A different file claiming the same version is a conflict, not stored.
        let mut forged = v.submission.clone();
        forged.answers[1].comment = "別のPCで回答".into();
        let d = submission::digest(&forged).unwrap();
        assert!(matches!(hq.import_submission(&forged, &d, "x.json"), Err(SelfcheckError::Conflict { version: 1, .. })));
        assert_eq!(hq.latest_submissions(2025).unwrap()[0], v.submission);
    }

    #[test]
    fn a_newer_version_supersedes_and_an_older_one_becomes_history() {
        let dir = tempfile::tempdir().unwrap();
        let mut here = Store::open_dir(&dir.path().join("here")).unwrap();
        let v1 = submit_one(&mut here, 2025);
        let d = here.reopen_for_correction(2025, "100001", "info-manager", &pack()).unwrap();
        here.save_answer(d.id, &answered("v01", Answer::Implemented)).unwrap();
        let v2 = here.submit(d.id, &items(), "2025-07-01T10:00:00+09:00").unwrap();

        let mut hq = Store::open_dir(&dir.path().join("hq")).unwrap();
        let imp = |hq: &mut Store, s: &Submission| hq.import_submission(s, &submission::digest(s).unwrap(), &submission::file_name(s)).unwrap();
        assert_eq!(imp(&mut hq, &v1), ImportOutcome::Imported { version: 1 });
        assert_eq!(hq.latest_submissions(2025).unwrap(), std::slice::from_ref(&v1));
        assert_eq!(imp(&mut hq, &v2), ImportOutcome::Imported { version: 2 });
        assert_eq!(hq.latest_submissions(2025).unwrap(), std::slice::from_ref(&v2));

        // The other order: the correction arrives first, on its own. Version 2
        // with no version 1 here is not the next one: held (issue 13), until
        // the original arrives and the 管理者 accepts the correction.
        let mut hq2 = Store::open_dir(&dir.path().join("hq2")).unwrap();
        let ImportOutcome::Held { version: 2, expected_version: 1, held_id } = imp(&mut hq2, &v2) else { panic!("v2 first is held") };
        assert!(hq2.latest_submissions(2025).unwrap().is_empty());
        assert_eq!(imp(&mut hq2, &v1), ImportOutcome::Imported { version: 1 });
        assert_eq!(hq2.held_submissions().unwrap()[0].expected_version, 2, "now it is the next one");
        assert_eq!(hq2.accept_held(held_id).unwrap(), ImportOutcome::Imported { version: 2 });
        assert_eq!(hq2.latest_submissions(2025).unwrap(), std::slice::from_ref(&v2));
        assert_eq!(hq2.submission_history(2025, "100001", "info-manager").unwrap().len(), 2);
        assert!(hq2.held_submissions().unwrap().is_empty());
        assert_eq!(ImportOutcome::Superseded { version: 1, current_version: 2 }.status(), "superseded");
    }

    /// The outside review's forgery (issue 13, finding 4): a file edited to
    /// claim version 99, its digest recomputed. Held, not current; the real
    /// version 2 imported afterwards becomes current; rejecting the forgery
    /// drops it; every step is in the 操作記録.
    #[test]
    fn a_forged_version_number_is_held_for_the_administrator() {
        let dir = tempfile::tempdir().unwrap();
        let mut here = Store::open_dir(&dir.path().join("here")).unwrap();
        let v1 = submit_one(&mut here, 2025);
        let d = here.reopen_for_correction(2025, "100001", "info-manager", &pack()).unwrap();
        here.save_answer(d.id, &answered("v01", Answer::Implemented)).unwrap();
        let v2 = here.submit(d.id, &items(), "2025-07-01T10:00:00+09:00").unwrap();
        let mut forged = v1.clone();
        forged.version = 99;
        forged.answers[0].remedy = "不要".into();

        let mut hq = Store::open_dir(&dir.path().join("hq")).unwrap();
        let imp = |hq: &mut Store, s: &Submission| hq.import_submission(s, &submission::digest(s).unwrap(), &submission::file_name(s)).unwrap();
        assert_eq!(imp(&mut hq, &v1), ImportOutcome::Imported { version: 1 });
        let ImportOutcome::Held { version: 99, expected_version: 2, held_id } = imp(&mut hq, &forged) else { panic!("the forgery is held") };
        assert_eq!(imp(&mut hq, &forged), ImportOutcome::Held { version: 99, expected_version: 2, held_id }, "the same file again: still one held row");
        assert_eq!(hq.latest_submissions(2025).unwrap(), std::slice::from_ref(&v1), "the forgery is not current");
        let held = hq.held_submissions().unwrap();
        assert_eq!(held.len(), 1);
        assert_eq!((held[0].version, held[0].expected_version, held[0].reason.key.as_str()), (99, 2, "selfcheck-held-reason"));

        assert_eq!(imp(&mut hq, &v2), ImportOutcome::Imported { version: 2 }, "the real version 2 is current, not 旧版");
        assert_eq!(hq.latest_submissions(2025).unwrap(), std::slice::from_ref(&v2));
        hq.reject_held(held_id).unwrap();
        assert!(hq.held_submissions().unwrap().is_empty());
        assert!(matches!(hq.reject_held(held_id), Err(SelfcheckError::NoHeld { .. })));
        let actions: Vec<String> = hq.all_audit_entries().unwrap().into_iter().map(|e| e.action).collect();
        assert_eq!(actions, ["submission.imported", "submission.held", "submission.imported", "submission.held-rejected"]);
        assert!(hq.verify_audit().unwrap().broken.is_none());
    }

    #[test]
    fn a_local_draft_cannot_overwrite_an_imported_version() {
        let dir = tempfile::tempdir().unwrap();
        let mut other_pc = Store::open_dir(&dir.path().join("a")).unwrap();
        let s = submit_one(&mut other_pc, 2025);
        let mut store = Store::open_dir(&dir.path().join("b")).unwrap();
        let (who, pack, items) = (yamada(), pack(), items());
        let d = store.start_inspection(&new_inspection(2025, &who, &pack, &items, false)).unwrap();
        answer_all(&mut store, d.id, &items);
        store.import_submission(&s, &submission::digest(&s).unwrap(), "a.json").unwrap();
        assert!(matches!(store.submit(d.id, &items, "2025-06-04T00:00:00Z"), Err(SelfcheckError::Conflict { .. })));
        assert!(store.load_inspection(d.id).is_ok(), "the draft is kept");
    }

    #[test]
    fn errors_are_message_keys_with_their_arguments() {
        let e = SelfcheckError::Incomplete { problems: vec![] };
        assert_eq!(e.message(), Message::new("selfcheck-error-incomplete").arg("count", 0));
        let c = SelfcheckError::Conflict { year: 2025, employee_no: "100001".into(), role: "staff".into(), version: 2 };
        assert_eq!(c.message().key, "selfcheck-error-conflict");
        assert!(c.message().args.contains(&("version".to_owned(), "2".to_owned())));
    }
}

mod roster_department_tests {
    use super::super::*;
    use crate::selfcheck_submissions::with_roster_departments;

    #[test]
    fn a_typed_department_name_is_counted_under_the_rosters_code() {
        use tebiki_core::selfcheck::submission::{PackRef, Respondent};
        let mut s = Submission {
            pack: PackRef { id: "kobe".into(), version: "1".into(), content_hash: "x".into() },
            year: 2025,
            role: "staff".into(),
            role_name: "職員等".into(),
            respondent: Respondent { employee_no: "1001".into(), name: "山田".into(), dept_code: "総務課".into(), dept_name: "総務課".into() },
            version: 1,
            started_at: "2025-06-01T09:00:00+09:00".into(),
            submitted_at: "2025-06-01T10:00:00+09:00".into(),
            answers: vec![],
            progress: Vec::new(),
        };
        let depts = [crate::Department { code: "A10".into(), name: "総務課".into(), active: true, members: 3 }];
        assert_eq!(with_roster_departments(vec![s.clone()], &depts)[0].respondent.dept_code, "A10");
        s.respondent.dept_name = "税務課".into();
        assert_eq!(with_roster_departments(vec![s], &depts)[0].respondent.dept_code, "総務課");
    }
}
