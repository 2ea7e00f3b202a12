## Audit trail (操作記録): one sentence per action code; the variables are the
## entry's details (crates/tebiki-store/src/audit.rs)

audit-mode-admin = Administrator mode
audit-mode-staff = Staff mode
audit-mode-cli = Command line

audit-column-seq = No.
audit-column-at = Time
audit-column-mode = Mode
audit-column-action = Action code
audit-column-summary = What was done
audit-column-prev-hash = Previous hash
audit-column-hash = Hash

audit-passphrase-set = Set the administrator passphrase and encrypted the data
audit-passphrase-changed = Changed the administrator passphrase and re-encrypted the data
audit-mode-entered = { $failed_before ->
    [0] Entered administrator mode
   *[other] Entered administrator mode (after { $failed_before } wrong passphrases)
}
audit-mode-left = { $reason ->
    [idle] Left administrator mode after a period without use
   *[other] Left administrator mode
}
audit-roster-imported = Imported the staff roster ({ $rows } rows: { $added } added, { $updated } changed, { $left } marked as left)
audit-roles-set = Set the roles of staff member { $employee_no } to "{ $roles }"
audit-department-saved = Saved department { $code } as "{ $name }"
audit-department-shown = Showed department { $code } in the lists
audit-department-hidden = Hid department { $code } from the lists
audit-course-added = Added the course "{ $title }" ({ $course })
audit-course-removed = Removed the course { $course }
audit-session-recorded = Recorded a training session ({ $course }, { $held_on }, { $attendees } attendees)
audit-submission-imported = Imported the self-inspection file { $file } (staff { $employee_no }, FY{ $year }, version { $version })
audit-submission-refused = Refused the self-inspection file { $file }: { $reason }
audit-report-exported = Exported { $kind ->
    [selfcheck] the self-inspection report
    [training] the training report
    [department] the department sheets
    [form] the self-inspection forms
   *[certificate] certificates
} ({ $file })
audit-personal-data-exported = Exported { $kind ->
    [training-results] the e-learning results file
    [training-results-all] the e-learning results files of the year
    [submissions] self-inspection submission files
    [remedies] the list of improvement measures
    [overdue] the list of staff overdue for training
    [submission] a self-inspection submission file
   *[audit] the audit trail
} ({ $file })
audit-pack-imported = Imported the policy pack { $pack } (version { $version })
audit-backup-made = Made a backup ({ $file })
audit-backup-restored = Restored the data from the backup { $file }
audit-demo-created = Created a fictitious organisation to try the app ({ $staff } staff)
audit-selfcheck-submitted = Submitted a self-inspection (staff { $employee_no }, fiscal year { $year }, { $role }, version { $version }{ $paper ->
    [yes] , on paper (typed in by the administrator)
   *[other] {""}
  })
audit-selfcheck-reopened = Started correcting a self-inspection (staff { $employee_no }, fiscal year { $year }, { $role }, as version { $version })

## Staff mode / administrator mode (src-tauri/src/access.rs, ui/src/components/AdminDialog.svelte)

mode-staff = Staff mode
mode-admin = Administrator mode
mode-leave = Back to staff mode
admin-enter-button = Administrator mode
admin-enter-title = Administrator mode
admin-set-title = Choose the administrator passphrase
admin-set-intro = The roster, training records, collected self-inspections, reports and the audit trail are only available in administrator mode. Once you choose a passphrase, the data on this PC is encrypted with it.
admin-forgotten = If the passphrase is forgotten, nobody can open the encrypted data — not even the makers of Tebiki (there is no back door). Keep the passphrase as your organisation's rules say, and keep backups.
admin-forgotten-short = A forgotten passphrase cannot be recovered. Restore from a backup and the passphrase you kept.
admin-passphrase = Passphrase
admin-new-passphrase = New passphrase ({ $min } characters or more)
admin-passphrase-again = Type it again
admin-passphrase-short = A passphrase needs at least { $min } characters.
admin-passphrase-mismatch = The two entries differ.
admin-set-submit = Set and encrypt
admin-enter-submit = Enter administrator mode
admin-checking = Checking…
admin-cancel = Cancel
admin-gate-title = Administrator mode needed
admin-gate-text = This screen holds staff members' personal data and opens only in administrator mode. After 10 minutes without use the app returns to staff mode.
access-admin-needed = Only possible in administrator mode.
access-admin-expired = Administrator mode ended after a period without use. Enter the passphrase again.
access-data-locked = The data on this PC is encrypted and not open yet. It becomes available once an administrator enters the passphrase.
access-no-passphrase = No administrator passphrase has been chosen yet.

settings-encryption = Data encryption
settings-encrypted = Encrypted (administrator passphrase)
settings-not-encrypted = Not encrypted (choosing an administrator passphrase encrypts it)
settings-admin-parts = Importing policy packs, backups and changing the passphrase are done in administrator mode.
settings-passphrase = Administrator passphrase
settings-passphrase-current = Current passphrase
settings-passphrase-submit = Change and re-encrypt
settings-passphrase-changed = Passphrase changed. The data is now encrypted with the new passphrase.

## Audit trail screen (ui/src/screens/AuditScreen.svelte)

audit-training-results-imported = Imported the training results file { $file } (staff { $employee_no }, fiscal { $year }, { $passed } course(s) passed{ $status ->
    [duplicate] , same as already imported
    [updated] , replacing the earlier file
   *[other] {""}
  })
audit-training-results-refused = Did not import the training results file { $file }: { $reason }
audit-elearning-passed = Passed the comprehension test (staff { $employee_no }, fiscal { $year }, { $course }, { $score }/{ $total })
audit-policy-acknowledged = Confirmed reading the policy (staff { $employee_no }, { $pack } version { $version })

audit-remedy-progress-recorded = Recorded where improvement measures stand (staff { $employee_no }, fiscal { $year }, { $role }, version { $version }, { $changed } changed, { $done } done{ $paper ->
    [yes] , reported on paper
   *[no] {""}
  })

audit-title = Audit trail
audit-intro = A record of the changes administrators made (roster imports, training records, imported submission files, exported reports, imported packs, backups…). Entries are only ever added, and each carries the hash of the one before, so an edited or deleted entry is detected.
audit-intact = No tampering detected ({ $entries } entries).
audit-broken-edited = Entry { $seq } was altered ({ $entries } entries).
audit-broken-missing = Entries were deleted or inserted around entry { $seq } ({ $entries } entries).
audit-broken-truncated = Entries from { $seq } on were deleted ({ $entries } left).
audit-empty = Nothing recorded yet.
audit-more = Show more
audit-export = Export as CSV
audit-export-sjis = For Excel (Shift_JIS)
audit-export-done = Written: { $path }
