# Training: staff roster and attendance

roster-error-empty = The file is empty
roster-error-encoding = Cannot tell the character encoding (use a UTF-8 or Shift_JIS CSV)
roster-error-missing-column = The required column “{ $column }” is missing
roster-error-csv = Cannot read line { $line } of the CSV: { $detail }
roster-error-csv-row = Not a readable CSV row: { $detail }
roster-reject-no-employee-no = The staff number is empty
roster-reject-no-name = Staff number { $employee_no } has no name
roster-reject-no-dept = Staff number { $employee_no } has no department
roster-reject-bad-date = Cannot read the date “{ $value }” in “{ $column }” (e.g. 2025/4/1, 令和7年4月1日, R7.4.1)
roster-reject-left-before-hired = Staff number { $employee_no } left before being hired
roster-reject-duplicate = Staff number { $employee_no } appears twice (first on line { $first })

roster-import-summary = { $added } added, { $updated } updated, { $deactivated } marked as left, { $unchanged } unchanged, { $rejected } rows not read ({ $encoding })
roster-import-dry-run = (dry run: the database was not changed)
roster-import-rejected-line = Line { $line }: { $reason }
roster-file-unreadable = Cannot read { $path }: { $detail }
training-no-pack = No organisation's policy is chosen. Choose one in the app's Settings or give --pack
training-unknown-course = Course “{ $course }” is not in this policy's catalogue (there are: { $known })
training-bad-date = Cannot read the date “{ $value }”
training-bad-method = Method “{ $value }” is not allowed (集合, eラーニング, 動画)
training-no-attendees = No attendees (give --dept, --staff or --attendance)
training-recorded = Recorded the session of { $date }: { $attendees } attendees, { $unmatched } staff numbers not on the roster
training-status-summary = { $year }: { $people } people, { $rate }% done (overdue people below)
training-no-pack-ui = No organisation's policy is chosen. Choose yours in Settings.
training-no-attendees-ui = Choose at least one attendee.
overdue-col-no = Staff number
overdue-col-name = Name
overdue-col-dept-code = Department code
overdue-col-dept = Department
overdue-col-courses = Courses not attended
