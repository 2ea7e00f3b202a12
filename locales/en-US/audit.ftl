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
   *[certificate] certificates
} ({ $file })
audit-personal-data-exported = Exported { $kind ->
    [submissions] self-inspection submission files
    [remedies] the list of improvement measures
    [overdue] the list of staff overdue for training
   *[audit] the audit trail
} ({ $file })
audit-pack-imported = Imported the policy pack { $pack } (version { $version })
audit-backup-made = Made a backup ({ $file })
audit-backup-restored = Restored the data from the backup { $file }
audit-demo-created = Created a fictitious organisation to try the app ({ $staff } staff)
