# Tebiki — UI text (English). Keep the same keys as ja-JP/app.ftl.

app-title = Tebiki — information security policy
app-name = Tebiki

## Navigation
nav-label = Main menu
nav-handbook = Handbook
nav-selfcheck = Self-inspection
nav-training = Training
nav-reports = Reports
nav-audit = Audit trail
nav-settings = Settings

## Screens not built yet

## Settings
settings-title = Settings
settings-language = Language
settings-language-help = The language of the screens and of reports.
language-ja-JP = 日本語
language-en-US = English
settings-theme = Theme
theme-system = Follow the OS
theme-light = Light
theme-dark = Dark
settings-text-size = Text size
text-size-standard = Standard
text-size-large = Large
text-size-x-large = Extra large
settings-saved = Settings saved.
settings-save-failed = Could not save the settings: { $reason }

settings-data = Data
settings-data-location = Data folder
settings-backup = Create a backup…
settings-backup-title = Backup
settings-backup-help = Saves a consistent copy of the database where you choose.
settings-backup-done = Backup saved: { $path }
settings-backup-failed = Could not create the backup: { $reason }
settings-about = About
settings-version = Version { $version }

## Errors (shared by the CLI and the app)
error-not-tebiki-db = { $path } is not a Tebiki database. Your current data was not changed.
error-db-too-new = { $path } was made by a newer Tebiki (schema { $found }; this version supports up to { $supported }). Please update Tebiki.
error-db-damaged = { $path } is damaged (integrity check: { $detail }). Your current data was not changed.
error-file-missing = File not found: { $path }
error-io = Cannot read or write { $path }: { $detail }
error-db-locked = The data is encrypted. Enter the administrator passphrase.
error-wrong-passphrase = The passphrase is not correct.
error-weak-passphrase = A passphrase needs at least { $min } characters.
error-db-in-use = { $path } is open in another Tebiki program (the app or another command). Close it and try again.
error-db-busy = { $path } stayed busy for 10 seconds while another Tebiki program wrote to it. Wait a moment and try again.
error-unlock-wait = After wrong passphrases, wait { $seconds } seconds before trying again.
error-no-passphrase = No administrator passphrase is set yet. Set one first (on the command line: tebiki admin set-passphrase).
error-database = A database operation failed: { $detail }

## CLI
cli-version = tebiki { $version } (data: { $dir })
cli-backup-done = Backup written: { $path }
cli-restore-done = Restored from { $path }.
cli-passphrase-prompt = Administrator passphrase:
cli-passphrase-current = Current administrator passphrase:
cli-passphrase-new = New passphrase (10 characters or more):
cli-passphrase-again = Type it again:
cli-passphrase-mismatch = The two entries differ. Nothing was changed.
cli-passphrase-needed = The administrator passphrase is needed: run this at a terminal, or set the environment variable TEBIKI_PASSPHRASE.
cli-passphrase-set = Passphrase set. The data is now encrypted. If the passphrase is forgotten the data cannot be opened (there is no way to recover it).
cli-passphrase-changed = Passphrase changed; the data was re-encrypted.
cli-audit-intact = The audit trail is intact ({ $entries } entries).
cli-audit-edited = Entry { $seq } of the audit trail was altered ({ $entries } entries).
cli-audit-missing = Entries were deleted or inserted around entry { $seq } of the audit trail ({ $entries } entries).
cli-audit-truncated = The audit trail was cut off from entry { $seq } on ({ $entries } entries left).
cli-audit-exported = Wrote { $entries } audit trail entries to { $path }
cli-pack-imported = Imported the policy pack { $id }.
cli-error = Error: { $message }

## Settings: policy
settings-pack = Your organisation's policy
settings-pack-none = (not chosen yet)
settings-pack-help = The policy the handbook shows.
date-placeholder = e.g. 2025/6/1, 令和7年6月1日, R7.6.1
date-invalid = Not a date (e.g. 2025/6/1, 令和7年6月1日)
date-read-back = { $western } ({ $wareki })

## Reports screen
reports-kind = Report
reports-title-selfcheck = Self-inspection results report
reports-title-training = Training report
reports-file-selfcheck = selfcheck-report
reports-file-training = training-report
reports-all-depts = Whole organisation (every department)
reports-save-to = Save to
reports-path-placeholder = File to write (e.g. C:\Users\…\report.pdf)
reports-do = Create the PDF
reports-rendering = Creating…
reports-written = Written: { $path } ({ $pages } pages, { $kb } KB)
reports-open-folder = Open the folder
reports-unknown-kind = There is no report “{ $kind }” (selfcheck, training)
reports-title-certificate = Certificate of completion
reports-file-certificate = certificate
reports-person = Staff member
reports-choose-person = Choose the person to make the certificate for
settings-reports = Reports
settings-approvers = Approval boxes
settings-approvers-placeholder = CISO,Supervisor,Officer
settings-approvers-help = The titles in the approval boxes on a report's cover, left to right, separated by commas (empty: the default).
reports-certificate-for = For
reports-session = A session (every attendee)
reports-choose-session = Choose a session
reports-person-all-sessions = Every session attended in the year
reports-attendees = { $count } attendees
export-path-placeholder = File to write (e.g. C:\Users\…\{ $name })
reports-title-department = Department sheets (self-inspection)
reports-file-department = department-sheets
reports-file-detail = -annex
reports-detail = Write the annex (every person's improvement measures) instead
reports-department-help = One department's sheet, or with “all departments” every department in one PDF (each on new pages). A destination that does not end in .pdf is a folder: one file per department is written there.
reports-title-form = Self-inspection forms (for staff answering on paper)
reports-file-form = self-inspection-form
reports-form-help = With a department chosen, one form per person of it who answers this role's questionnaire, name and department filled in; with “all departments”, one blank form. Type returned forms in under 自己点検.
