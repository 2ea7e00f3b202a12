## Issue 13 (trust, second pass): year range, audit tail, held submissions,
## roster 退職 warning, size limits

error-year-out-of-range = The fiscal year "{ $year }" cannot be used: give a year from { $min } to { $max }.
error-file-too-large = { $path } is too large and was not read (the limit is { $max_mb } MB).

## 職員名簿: 退職 from a full import (crates/tebiki-store/src/roster_store.rs)
roster-kept-rejected = The { $count } people named on rows that could not be read were left in the roster (not marked as left). Fix those rows and import again.
roster-many-deactivated = Warning: this import marks { $deactivated } of the { $active } current staff as left (more than a tenth).
roster-import-many-needs-yes = Not imported: { $deactivated } of the { $active } current staff would be marked as left. For a file listing only some staff use --partial; if it really lists everyone, add --yes.
roster-import-many-needs-confirm = Many staff would be marked as left. Tick the confirmation in the preview, then import.
roster-preview-many-deactivated = This import marks { $deactivated } of the { $active } current staff as left.
roster-preview-many-deactivated-help = More than a tenth of the staff leaving at once usually means a file listing only some staff was imported as the full roster, or the file is damaged. For a partial file, untick "This is the full roster".
roster-preview-many-deactivated-confirm = This is the full roster and { $deactivated } people may be marked as left

## 操作記録: the end of the chain (crates/tebiki-store/src/audit.rs)
cli-audit-replaced = Entry { $seq } of the audit trail differs from the one this PC recorded: the end of the trail was replaced ({ $entries } entries).
cli-audit-unconfirmed = No break was found in the audit trail, but this PC cannot confirm that nothing up to entry { $seq } was cut off or replaced (its desk.db was lost). Compare with an export kept elsewhere ({ $entries } entries).
audit-broken-replaced = Entry { $seq } differs from the one this PC recorded: the end of the trail was replaced ({ $entries } entries).
audit-unconfirmed = No break was found in the trail, but this PC cannot confirm that nothing up to entry { $seq } was cut off or replaced (its desk.db was lost). Compare with an export kept elsewhere ({ $entries } entries).
audit-backup-restored-replacing = Restored the data from the backup { $file } (the audit trail replaced ended at entry { $replaced_seq }, hash { $replaced_hash }; the data replaced was kept in { $kept })

## 自己点検: submission files held for the 管理者's decision (crates/tebiki-store/src/selfcheck_held.rs)
selfcheck-held-reason = Version { $version }, but the next version for this person, role and fiscal year is { $expected }. A version that skips ahead is not imported until an administrator decides (anyone can recompute a digest, so the version number may not be genuine)
selfcheck-import-status-held = held: the version skips ahead
selfcheck-import-held-line = { $file }: held (number { $id }) — { $reason }
selfcheck-import-held-summary = Held { $held } (review with tebiki selfcheck held list, then accept or reject)
selfcheck-held-title = Held submission files (a version was skipped)
selfcheck-held-accept = Import
selfcheck-held-reject = Do not import
selfcheck-held-none = No submission files are held.
selfcheck-held-line = { $id }: { $file } ({ $name }, staff { $employee_no }, { $role }, fiscal { $year }) — { $reason }
selfcheck-held-accepted = Held file { $id } imported ({ $status })
selfcheck-held-rejected = Held file { $id } ({ $file }) dropped without importing
selfcheck-error-no-held = There is no held submission file number { $id }
audit-submission-held = Held the self-inspection file { $file } (staff { $employee_no }, fiscal { $year }, version { $version }; the next version is { $expected })
audit-submission-held-accepted = Imported the held submission file { $file } (staff { $employee_no }, fiscal { $year }, version { $version })
audit-submission-held-rejected = Dropped the held submission file { $file } without importing it (staff { $employee_no }, fiscal { $year }, version { $version })
selfcheck-import-held-ui = { $held } file(s) were held because their version skips ahead (not made current). An administrator decides whether to import or drop them.
