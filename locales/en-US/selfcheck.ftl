## Self-inspection: answers, submission files, summary (answers.rs / submission.rs / selfcheck_store.rs / selfcheck_dashboard.rs / tebiki selfcheck export|import|summary)

answer-implemented = Implemented
answer-partial = Partly implemented
answer-not-implemented = Not implemented
answer-not-applicable = Not applicable

selfcheck-problem-unanswered = Not answered
selfcheck-problem-missing-remedy = Enter the improvement plan
selfcheck-problem-missing-due = Enter the deadline
selfcheck-problem-bad-due = The deadline is not a date (e.g. 2025-12-31)
selfcheck-problem-reconfirm = Still last year's answer (to be reconfirmed). Please check it

submission-refused-too-large = The file is too large (at most { $max_mb } MB); it is not a submission file
submission-refused-truncated = The file is cut off: it was probably not copied completely. Ask the sender for the file again
submission-refused-not-json = The file is cut off or is not a submission file ({ $detail })
submission-refused-wrong-format = Not a Tebiki self-inspection submission file ({ $detail })
submission-refused-too-new = The file was made by a newer Tebiki (format { $found }; this Tebiki reads up to { $supported }). Update Tebiki, then import it
submission-refused-digest = The contents no longer match the file's digest (tampered with or damaged). Ask the sender for the file again
submission-refused-unknown-pack = The answers refer to a policy this PC does not have ({ $pack }, version { $version }). Import that policy first
submission-invalid-field = The submission's “{ $field }” is not valid
submission-invalid-duplicate-item = Item “{ $item }” is answered twice
submission-invalid-answer = The answer to item “{ $item }” is not valid: { $problem ->
    [missing-remedy] no improvement plan
    [missing-due] no deadline
    [bad-due] the deadline is not a date
   *[other] not answered
}
submission-pack-other-version = Different policy version (answered against { $file }, this PC has { $installed }). The answers were imported as they are
submission-pack-other-text = Version { $version } of the policy differs from the one on this PC. The answers were imported as they are

selfcheck-error-no-draft = This self-inspection draft does not exist (already submitted, or never started)
selfcheck-error-already-submitted = { $employee_no } has already submitted “{ $role }” for fiscal { $year } (version { $version }). Open it for correction instead
selfcheck-error-nothing-submitted = { $employee_no } has not submitted “{ $role }” for fiscal { $year } yet
selfcheck-error-incomplete = Cannot submit: { $count } item(s) still need attention
selfcheck-error-conflict = Version { $version } of { $employee_no }'s “{ $role }” for fiscal { $year } is already here with different contents. Not imported

selfcheck-export-done = Wrote { $count } submission(s) of { $year } to { $dir }
selfcheck-import-summary = Imported { $imported }, already imported (duplicates) { $duplicate }, kept as older versions { $superseded }, refused { $refused }
selfcheck-import-status-imported = imported
selfcheck-import-status-duplicate = already imported (same file)
selfcheck-import-status-superseded = kept as an older version (a newer one is already here)
selfcheck-import-accepted-line = { $file }: { $name } ({ $dept }) { $role } version { $version } — { $status }
selfcheck-import-refused-line = { $file }: { $reason }
selfcheck-import-none = No submission files (*.json) found: { $path }
selfcheck-import-unreadable = Cannot read the file: { $detail }
selfcheck-no-questionnaires = The policy “{ $pack }” has no self-inspection questionnaires
selfcheck-summary-head = { $year }: submitted { $submitted } of { $required }, compliance { $rate } (previous year { $previous })
selfcheck-summary-dept = { $code } { $name }: submitted { $submitted } of { $required }, compliance { $rate } (previous year { $previous })
selfcheck-summary-role = { $role }: submitted { $submitted } of { $required }, compliance { $rate } (previous year { $previous })
selfcheck-summary-remedies = { $count } improvement plan(s)
selfcheck-summary-csv-done = Wrote the improvement plans to { $path }
selfcheck-rate-none = —
selfcheck-demo-done = Created { $count } self-inspection submissions ({ $years })

remedy-col-dept-code = Dept code
remedy-col-dept = Department
remedy-col-no = Employee no.
remedy-col-name = Name
remedy-col-role = Role
remedy-col-chapter = Chapter
remedy-col-item = Item
remedy-col-question = Question
remedy-col-answer = Answer
remedy-col-remedy = Improvement plan
remedy-col-due = Deadline
remedy-col-comment = Comment

## tebiki selfcheck coverage / draft (how much of the clauses' duties the questionnaires ask; questionnaire drafts)
selfcheck-coverage-pack = { $pack } ({ $unattributed } obligation(s) that name no role)
selfcheck-coverage-role = { $role } ({ $id }): { $covered } of { $obligations } obligation(s) checked by { $items } item(s) ({ $percent }%)
selfcheck-coverage-role-no-questionnaire = { $role } ({ $id }): { $obligations } obligation(s), no questionnaire
selfcheck-coverage-uncovered = not asked { $id }: { $text }
selfcheck-pack-has-errors = The pack at { $path } has errors. Fix them first (tebiki content check { $path })
selfcheck-unknown-role = Pack { $pack } has no role “{ $role }” ({ $known })
selfcheck-draft-no-role = Pack { $pack } has no 職員等 role (generic = "staff"). Name a role with --role ({ $known })
selfcheck-draft-header = Draft self-inspection questionnaire for “{ $role }”, made mechanically from the clauses' sentences.
    Reword the questions so staff can answer them, group closely related duties into one item,
    add question_en, then put it in the pack as { $file } (see content/FORMAT.md).
selfcheck-draft-unwritable = Cannot write { $path }: { $detail }
selfcheck-draft-done = Wrote a draft of { $items } item(s) for “{ $role }” to { $path }
selfcheck-no-questionnaire = This policy has no self-inspection questionnaire for “{ $role }”
selfcheck-profile-incomplete = Enter your name, staff number and department
selfcheck-submission-missing = This submission is not in the database
selfcheck-not-yours = This self-inspection was imported from another PC. Enter administrator mode to open, correct or export it
selfcheck-prefill-not-yours = Last year's answers were imported from another PC. Enter administrator mode to start from them

## Self-inspection screen
csv-encoding-sjis = Shift_JIS (Excel's default)
csv-encoding-utf8 = UTF-8 (with BOM)
selfcheck-tab-answer = Answer
selfcheck-tab-collect = Import submissions
selfcheck-tab-dashboard = Summary
selfcheck-none-in-pack = This policy has no self-inspection questionnaires.
selfcheck-back-to-inspection = ← Back to the self-inspection
selfcheck-start-title = Self-inspection { $year }
selfcheck-find-me = Find yourself on the roster
selfcheck-name = Name
selfcheck-employee-no = Staff number
selfcheck-dept = Department
selfcheck-role = Role
selfcheck-items = { $count } questions
selfcheck-prefill = Start from last year's answers (each is marked “to be checked again”)
selfcheck-begin = Start (or continue)
selfcheck-in-progress = Being answered
selfcheck-correction = correction (version { $version })
selfcheck-resume = Continue
selfcheck-submitted-title = Submitted ({ $count })
selfcheck-version = Version
selfcheck-version-n = version { $version }
selfcheck-source = From
selfcheck-source-local = this PC
selfcheck-source-imported = file
selfcheck-export = Export file
selfcheck-correct = Correct
selfcheck-exported = Submission file written: { $path }
selfcheck-progress = { $answered } of { $total } answered
selfcheck-autosaved = Every answer is saved as you go
selfcheck-submitted-ok = Submitted (version { $version }). The answers are locked; a correction becomes a new version.
selfcheck-export-title = Submission file for the supervisor
selfcheck-export-help = If your PCs are on separated networks, take this file to the Information Security Supervisor on a USB stick or a shared folder. Not needed if you submitted on the supervisor's PC.
selfcheck-export-path = File to write (e.g. C:\Users\…\selfcheck.json)
selfcheck-close = Close
selfcheck-review-title = Check before submitting
selfcheck-review-problems = { $count } items need attention
selfcheck-review-ok = Every item is answered. You can submit.
selfcheck-item-number = Q{ $n }
selfcheck-back-to-items = Back to the questions
selfcheck-submit = Submit
selfcheck-prefilled-notice = Answers copied from { $year }. Check each item and press “Confirmed” if nothing changed.
selfcheck-pack-changed = The policy has been revised since last year's answers. Read the clauses again before answering.
selfcheck-reconfirm = check again
selfcheck-confirm = Confirmed
selfcheck-clauses = Clauses:
selfcheck-remedy = Remedy
selfcheck-due = Due by
selfcheck-comment = Comment (optional)
selfcheck-later = Continue later
selfcheck-to-review = Review and submit
selfcheck-question = Question
selfcheck-answer = Answer
selfcheck-collect-title = Import submission files
selfcheck-collect-help = Import the submission files (.json) sent by each department, all at once. Files that were altered or damaged, or that refer to a policy this PC does not have, are refused with the reason (the others are imported).
selfcheck-import-paths = Files or folders (one per line)
selfcheck-choose-files = Choose files…
selfcheck-choose-folder = Choose a folder…
selfcheck-import-do = Import
selfcheck-import-result = { $accepted } files imported, { $refused } refused
dash-submitted = Submitted
dash-rate = Implementation rate
dash-previous = Previous year ({ $year }) { $rate }
dash-previous-rate = Previous year
dash-remedies = Remedies
dash-by-dept = By department
dash-by-role = By role
dash-by-chapter = By chapter
dash-by-item = By question
dash-pending-title = Not submitted ({ $count })
dash-show-list = Show the list
dash-remedies-title = Remedies ({ $count })
dash-sort = Sort by
dash-sort-due = Due date
dash-sort-department = Department
dash-sort-item = Question
dash-sort-respondent = Staff number
dash-list-cut = Showing { $shown } of { $total }. Export the CSV for every row.
dash-sort-answer = Answer
dash-export = Export as CSV
dash-chapter = Chapter
selfcheck-clause-changed = clause revised

## Where improvement measures stand (issue 18)
remedy-status-not-started = Not started
remedy-status-in-progress = In progress
remedy-status-done = Done
remedy-status-withdrawn = Withdrawn
remedy-col-status = Status
remedy-col-status-on = Status date
remedy-col-status-note = Status note
remedy-col-overdue = Overdue
remedy-overdue = Overdue
remedy-unknown-item = Item { $item } has no improvement measure
submission-invalid-progress = The status of the improvement measure of item { $item } in the submission file is not valid
remedy-title = Improvement measures: { $name } ({ $role }, version { $version })
remedy-help = Record where each improvement measure stands (not started, in progress, done, withdrawn) and since when. Saving submits a new version; export the submission file and hand it in.
remedy-help-admin = Administrator mode: record what the person reported on paper or in person (kept in the audit trail).
remedy-on = Date
remedy-note = Note (what was done; why withdrawn)
remedy-save = Save (submit as a new version)
remedy-saved = Saved (version { $version }). Export the submission file and hand it in.
remedy-open = Improvement measures
remedy-none = This submission has no improvement measures.
remedy-paper = Record a report received on paper
remedy-due-label = due { $due }
remedy-counts = { $total } improvement measures: { $done } done ({ $rate }), { $inProgress } in progress, { $notStarted } not started, { $withdrawn } withdrawn, { $overdue } overdue
dash-col-remedies = Measures
dash-col-remedies-done = Done
dash-col-overdue = Overdue
remedy-export-title = Export the submission file (new version)
selfcheck-on-paper = Type in a paper form for this person (recorded as submitted on paper)
selfcheck-paper-tag = on paper
selfcheck-previous-remedies = Were last year’s improvement measures done? (record where they stand)
