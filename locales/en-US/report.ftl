# Reports (PDF): self-inspection report, training report, certificates

## Common

report-none = —
report-page = { $page } / { $pages }
report-total = Total
report-confidential = Internal use only
report-approval-caption = Approval
# The approval boxes, left to right (comma-separated; --approvers changes them)
report-approvers-default = CISO,Supervisor,Officer
report-author-default = Information security office
report-addressee = Information Security Supervisor
report-cover-dept = Department: { $dept }
report-cover-created = Date
report-cover-author = Prepared by
report-cover-addressee = Submitted to
report-header-title-dept = { $title } ({ $dept })
report-footer-created = Prepared { $date }
report-date-long = { $monthName } { $day }, { $year }
report-date-short = { $monthShort } { $day }, { $year }
report-fiscal-year = FY{ $year } (April { $year } – March { $next })
report-fiscal-year-short = FY{ $year }

report-col-item = Item
report-col-value = Value
report-col-code = Code
report-col-dept = Department
report-col-role = Role
report-col-chapter = Chapter
report-col-required = Required
report-col-submitted = Submitted
report-col-not-submitted = Missing
report-col-submission-rate = Submission rate
report-col-rate = Compliance
report-col-rate-chart = Compliance (chart)
report-col-question = Question
report-col-answer = Answer
report-col-remedy = Remedy
report-col-due = Deadline
report-col-implemented = Implemented
report-col-partial = Partly
report-col-not-implemented = Not impl.
report-col-not-applicable = N/A
report-col-category = Category
report-col-subject = Subject
report-col-overall = Overall
report-col-change = Change (points)
report-col-no = No.
report-col-held-on = Date
report-col-course = Course
report-col-method = Method
report-col-attendees = Attendees
report-col-target = Required
report-col-done = Completed
report-col-not-done = Not completed
report-col-overdue = Overdue
report-col-completion = Completion
report-col-completion-chart = Completion (chart)
report-col-people = Staff
report-col-required-courses = Courses required
report-col-overdue-people = Staff overdue
report-col-employee-no = Staff no.
report-col-name = Name
report-col-incomplete-courses = Courses not completed

report-answer-partial = Partly
report-answer-not-implemented = No

report-method-classroom = Classroom
report-method-elearning = E-learning
report-method-video = Video

report-error-font = the report typeface ({ $name }) cannot be read
report-error-unknown-dept = department code "{ $code }" is not on the staff roster
report-error-unknown-staff = staff number "{ $employee_no }" is not on the staff roster
report-error-unknown-session = there is no training session with ID { $id }
report-error-session-pack = training session { $id } belongs to { $found }, not { $expected }
report-error-nothing-to-certify = no attendance to certify (check the fiscal year, staff number and session ID)
report-error-pdf = cannot write the PDF: { $detail }
report-written = Wrote the report to { $path } ({ $pages } pages, { $size })

## Self-inspection report

report-sc-title = Information security self-inspection report
report-sc-intro = This report gives the results of the information security self-inspection for { $year }. Of { $required } required submissions, { $submitted } were made; the compliance rate over all submitted answers is { $rate }.
report-sc-section-summary = 1. Summary
report-sc-required = Submissions required (per person and role)
report-sc-submitted = Submissions made
report-sc-submission-rate = Submission rate
report-sc-rate-of = Compliance rate ({ $year })
report-sc-rate-change = Change from the previous year (points)
report-sc-answers-implemented = Answers: implemented
report-sc-answers-partial = Answers: partly implemented
report-sc-answers-not-implemented = Answers: not implemented
report-sc-answers-not-applicable = Answers: not applicable
report-sc-remedy-count = Items needing a remedy (partly or not implemented)
report-sc-pending-depts = Departments with missing submissions
report-sc-rate-note = Compliance rate = implemented ÷ (implemented + partly implemented + not implemented). "Not applicable" is left out.
report-sc-unexpected-note = The rates also include { $count } submissions the current roster no longer requires (transfers, departures, changed roles).
report-sc-section-chapters = 2. Compliance by chapter
report-sc-chapters-lead = Compliance rate by chapter of the security standards, beside the previous year.
report-sc-section-roles = 3. Compliance by role
report-sc-section-departments = 4. Submissions and compliance by department
report-sc-section-comparison = 8. Comparison with the previous year
report-sc-compare-up = The overall compliance rate rose by { $points } points, from { $before } in { $previous } to { $now } in { $year }.
report-sc-compare-down = The overall compliance rate fell by { $points } points, from { $before } in { $previous } to { $now } in { $year }.
report-sc-compare-same = The overall compliance rate is unchanged at { $now } in { $previous } and { $year }.
report-sc-compare-none = There were no submissions in { $previous } to compare with ({ $year }: { $now }).
report-sc-section-pending = 9. Departments with missing submissions
report-sc-no-pending = Everyone required to submit has done so in every department.
report-sc-pending-lead = { $depts } departments have missing submissions ({ $none } with none at all); { $people } submissions are missing.
report-sc-section-remedies = Remedies (items partly or not implemented)
report-sc-detail-title = Information Security Self-Inspection Report — Annex (improvement measures)
report-sc-section-lowest = 5. Items with the lowest compliance
report-sc-lowest-none = Every item was answered “implemented”.
report-sc-lowest-lead = The { $count } items with the lowest compliance. Their clauses are the rules staff keep least.
report-sc-section-remedy-items = 6. Improvement measures by item
report-sc-remedy-counts = There are { $total } improvement measures: { $done } done ({ $rate }), { $in_progress } in progress, { $not_started } not started, { $withdrawn } withdrawn. { $overdue } are past their due date and not done (overdue).
report-sc-remedy-items-lead = The { $shown } items with the most measures (of { $items } items with measures). Each person's measures are in the annex and the CSV.
report-sc-section-previous-remedies = 7. Progress of the previous year's improvement measures
report-sc-previous-remedies = Of { $total } measures of { $year }: { $done } done ({ $rate }), { $in_progress } in progress, { $not_started } not started, { $withdrawn } withdrawn, { $overdue } overdue.
report-sc-previous-remedies-none = No submissions of { $year }: the progress of its measures cannot be shown.
report-sc-pending-more = { $more } more departments have missing submissions (see section 4).
report-sc-remedy-done-rate = Improvement measures done
report-sc-remedy-overdue = Improvement measures overdue
report-col-remedies = Measures
report-col-remedies-done = Done
report-col-remedies-overdue = Overdue
report-col-done-rate = Done rate
report-col-clauses = Clauses
report-col-status = Status
report-sc-no-remedies = No item was answered "partly implemented" or "not implemented".
report-sc-remedies-lead = The { $count } remedies and deadlines given for items answered "partly implemented" or "not implemented", by question and department.
report-sc-question = [{ $role } { $item }] { $question }

## Training report

report-tr-title = Information security training report
report-tr-intro = This report gives the information security training held in { $year }. As of { $date }, { $sessions } sessions were held with { $attendances } attendances in all; { $rate } of the required training is completed.
report-tr-section-summary = 1. Summary
report-tr-people = Staff (employed at any time in the year)
report-tr-required = Courses required (total over staff)
report-tr-done = Completed (total over staff)
report-tr-rate = Completion rate
report-tr-sessions = Sessions held
report-tr-attendances = Attendances
report-tr-incomplete-people = Staff with courses not completed
report-tr-overdue-people = Of whom past a deadline
report-tr-rate-note = Completion rate = courses completed ÷ courses required, counted per person. New-hire training also counts as the annual course.
report-tr-section-sessions = 2. Sessions held
report-tr-no-sessions = No training session is recorded for this year.
report-tr-sessions-dept-note = Only sessions attended by staff of this department; attendees are this department's staff.
report-tr-section-courses = 3. Completion by course
report-tr-legend = Completion ({ $year })
report-tr-section-roles = 4. Completion by role
report-tr-section-departments = 5. Completion by department
report-tr-section-incomplete = 6. Staff who have not completed required training, by department
report-tr-section-elearning = 7. e-learning (comprehension test, confirmation of reading)
report-el-intro = Of the { $people } staff who must take “{ $course }”, { $passed } passed the comprehension test, { $attempted } took it without passing yet and { $not_started } have not started. Average score { $average }. { $ack } confirmed the current version of the policy ({ $version }), { $older } an earlier version only, { $none } none (from the results files imported from staff).
report-el-col-passed = Passed
report-el-col-attempted = Not yet
report-el-col-not-started = Not started
report-el-col-average = Average
report-el-col-ack = Confirmed
report-el-missed-title = Questions most often missed (rules staff do not know well)
report-el-missed-none = No test results to count yet.
report-el-col-question = Question
report-el-col-missed = Missed
report-el-col-clauses = Clauses
report-tr-no-incomplete = All required training is completed.
report-tr-incomplete-lead = { $people } staff in { $depts } departments have not completed required training. Courses past their deadline are marked (overdue).
report-tr-overdue-mark = { $date } (overdue)
report-tr-dept-cell = { $name } ({ $code })

## Certificate

report-cert-document-title = Certificates of completion
report-cert-number = No. { $year }-{ $session }-{ $employee_no }
report-cert-title = Certificate of Completion
report-cert-dept = Department: { $dept }
report-cert-name = { $name }
report-cert-body = This is to certify that the person named above completed “{ $course }” ({ $method }), held on { $date }.
report-cert-issuer = Information Security Supervisor
report-cert-seal = Seal

## Department sheet
report-dept-title = Information Security Self-Inspection — Department Sheet
report-dept-heading = { $dept } ({ $code }), { $year }
report-dept-intro = { $submitted } of { $required } required submissions received. Compliance in the department { $rate } (organisation { $org_rate }). { $remedies } improvement measures: { $done } done, { $overdue } overdue.
report-dept-people = Submissions (by person and role)
report-dept-col-submitted = Submitted
report-dept-submitted = version { $version } ({ $date })
report-dept-not-submitted = not submitted
report-dept-chapters = Compliance by chapter beside the organisation's
report-dept-col-rate = Department
report-dept-col-org-rate = Organisation
report-dept-remedies = Improvement measures (overdue first)

## Self-inspection form (paper)
report-form-title = Information security self-inspection form ({ $role })
report-form-dept = Department
report-form-name = Name
report-form-employee-no = Staff number
report-form-date = Date
report-form-date-blank = ____ / ____ / ____
report-form-how = Tick the box of the answer that applies for each item. For “partly” and “not implemented”, write the improvement measure (what will be done) and its due date on the right. The numbers identify the items for the person who types the sheet in.
report-form-gates = Screening questions (“no” makes the items that follow it “not applicable”)
report-form-items = Items
report-form-col-no = No.
report-form-col-question = Item (clauses)
report-form-col-answer = Answer
report-form-col-remedy = Improvement measure and due date (if partly or not implemented)
report-form-yes-no = □ yes  □ no
report-form-remedy = Measure:
report-form-due = Due:
report-form-gated = (if screening question { $gate } is “yes”)
report-form-clauses = [clauses: { $clauses }]
report-form-return = Hand the completed form to your department head for the information security office, who types it into Tebiki (recorded as submitted on paper).
