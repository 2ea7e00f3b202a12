# Policy pack checks (tebiki content check and pack import)

pack-problem-raw-html = HTML is not allowed (write Markdown): { $snippet }
pack-problem-footnote-missing = Footnote [^{ $name }] has no text
pack-problem-no-title = The first line of a document must be its "# title" heading
pack-problem-second-title = Only the document title may use a "# " heading: { $heading }
pack-problem-heading-without-id = Heading has no clause id (e.g. {"{"}#7.2.2{"}"}): { $heading }
pack-problem-bad-clause-id = Clause id "{ $id }" has characters that are not allowed (ASCII letters, digits, "." and "-" only)
pack-problem-duplicate-clause = Clause id "{ $id }" is used twice (first on line { $first })
pack-problem-id-number-mismatch = Clause id "{ $id }" does not match the heading's number (expected "{ $expected }")
pack-problem-not-utf8 = Not readable as UTF-8 text
pack-problem-unsafe-path = This file name is not allowed (ASCII letters, digits, ".", "-" and "_" only)
pack-problem-no-manifest = pack.toml is missing
pack-problem-manifest = Syntax error: { $detail }
pack-problem-format = Format version { $found } is not supported (supported: { $supported })
pack-problem-bad-pack-id = Pack id "{ $id }" is not valid (lower-case ASCII letter first, then letters, digits and "-")
pack-problem-folder-mismatch = Pack id "{ $id }" does not match the folder name "{ $folder }"
pack-problem-bad-version = Version "{ $version }" has no number
pack-problem-empty-field = "{ $field }" is empty
pack-problem-unknown-value = "{ $value }" is not allowed for "{ $field }" (allowed: { $allowed })
pack-problem-no-documents = There are no documents ([[documents]])
pack-problem-bad-date = Write the date "{ $value }" as YYYY-MM-DD
pack-problem-bad-wareki = Cannot read the 和暦 date "{ $value }" (e.g. 令和7年2月21日)
pack-problem-wareki-mismatch = The 和暦 date "{ $wareki }" does not match { $date }
pack-problem-bad-document-id = Document id "{ $id }" is not valid or is used twice
pack-problem-bad-document-file = Document file "{ $file }" must be a .md file inside the pack
pack-problem-missing-file = Document file "{ $file }" is missing
pack-problem-broken-link = The linked clause does not exist: { $target }
pack-problem-external-link = Links out of the pack are not allowed: { $target }
pack-problem-glossary-clause = Clause { $clause } of the term "{ $term }" does not exist
pack-problem-glossary-definition = The definition of "{ $term }" is not in the text of clause { $clause }

## tebiki content check
content-check-ok = { $pack }: no problems ({ $clauses } clauses)
content-check-failed = { $pack }: { $errors } errors, { $warnings } warnings
content-check-warnings = { $pack }: { $warnings } warnings ({ $clauses } clauses)
content-check-unreadable = Cannot read { $path }: { $detail }
content-check-no-packs = No policy packs found in { $path }
severity-error = error
severity-warning = warning

## Import (Settings → Policy packs)
import-path-not-absolute = Give the full path of a pack folder or zip file: { $path }
import-unreadable = Cannot read { $path } as a policy pack: { $detail }
import-refused = This pack cannot be imported. { $detail }
import-write-failed = Could not save the pack: { $detail }
import-title = Import your organisation's policy pack
import-help = Imports a policy pack your organisation wrote (a folder or a zip; see content/FORMAT.md). The pack is checked before it is imported. The packs that ship with Tebiki are never overwritten.
import-path = Location of the pack folder or zip file
import-choose-folder = Choose a folder…
import-choose-zip = Choose a zip…
import-check = Check
import-has-errors = This pack has { $count } errors and cannot be imported.
import-summary = { $org } “{ $title }” version { $version } ({ $clauses } clauses) can be imported.
import-do = Import
import-upgrade-question = Replace the imported version { $installed } with version { $version }?
import-replace = Replace
import-cancel = Cancel
import-not-newer = Version { $installed } of this pack is already imported. Only a newer version can be imported.
import-bundled-id = Pack id “{ $id }” belongs to a pack that ships with Tebiki, which cannot be replaced. Use another id.
import-done = Imported “{ $title }” version { $version }.
pack-problem-bad-course-id = Course id “{ $id }” is not valid or is used twice
pack-problem-course-clause = The clause { $clause } that requires course “{ $id }” does not exist
pack-problem-bad-role = Role id “{ $id }” is not valid, is used twice, or has no name
pack-problem-role-clause = The clause { $clause } that defines role “{ $id }” does not exist
pack-problem-course-role = Role “{ $role }” of course “{ $id }” is not in roles.toml
pack-problem-selfcheck-stray-file = selfcheck/ holds only one questionnaire per role (selfcheck/<role id>.toml): { $file }
pack-problem-selfcheck-role = The role “{ $role }” of questionnaire { $file } is not in roles.toml
pack-problem-selfcheck-file-name = The questionnaire of role “{ $role }” belongs in selfcheck/{ $role }.toml (it is in { $file })
pack-problem-selfcheck-no-items = Questionnaire { $file } has no items
pack-problem-selfcheck-bad-item-id = Item id “{ $id }” is not valid (lowercase letters, digits and hyphens only) or is used twice
pack-problem-selfcheck-empty-question = Item “{ $id }” has an empty question
pack-problem-selfcheck-no-clauses = Item “{ $id }” names no clauses
pack-problem-selfcheck-clause = The clause { $clause } of item “{ $id }” does not exist
pack-problem-selfcheck-covers = The obligation { $obligation } that item “{ $id }” covers is not found in the clauses' text (tebiki selfcheck coverage lists the obligations)
# Self-inspection coverage and provenance (issue 17)
pack-problem-selfcheck-no-covers = Item “{ $id }” has no covers (the duties it checks)
pack-problem-selfcheck-covers-clause = The obligation { $obligation } that item “{ $id }” covers is in clause { $clause }, which is not among the item's clauses
pack-problem-selfcheck-too-many-covers = Item “{ $id }” checks { $count } duties; above { $max }, say in covers_reason why they are one practice
pack-problem-selfcheck-gate = The gate “{ $gate }” of item “{ $id }” is not a [[gate]] of this questionnaire
pack-problem-selfcheck-unused-gate = No item uses the gate “{ $gate }”
pack-problem-selfcheck-role-name = “{ $name }” in item “{ $id }” is not a role (name or alias) of roles.toml
pack-problem-selfcheck-excluded-unknown = The excluded obligation { $obligation } is not found in the clauses' text
pack-problem-selfcheck-excluded-role = The excluded obligation { $obligation } is not a duty of role “{ $role }”
pack-problem-selfcheck-excluded-covered = The excluded obligation { $obligation } is covered by an item of this questionnaire
pack-problem-selfcheck-excluded-twice = The excluded obligation { $obligation } is listed twice
pack-problem-selfcheck-excluded-reason = The excluded obligation { $obligation } has no reason
pack-problem-no-provenance = { $field } of “{ $id }” has no provenance: quote the clause (quote) or say it is the organisation's own setting (setting)
pack-problem-bad-provenance = { $field } of “{ $id }” needs either quote (and clause) or setting, not both
pack-problem-provenance-clause = The clause { $clause } of { $field } of “{ $id }” does not exist
pack-problem-provenance-quote = The quote of { $field } of “{ $id }” is not in the text of clause { $clause }

pack-problem-elearning-stray-file = elearning/ holds only one file per course (elearning/<course id>.toml): { $file }
pack-problem-elearning-course = courses.toml has no course “{ $course }” (lessons and tests belong to a course of courses.toml)
pack-problem-elearning-file-name = The file of course “{ $course }” must be elearning/{ $course }.toml: { $file }
pack-problem-elearning-pass-percent = pass_percent must be 1–100: { $value }
pack-problem-elearning-test-size = test_size must be at least 1: { $value }
pack-problem-elearning-bad-id = Id “{ $id }” must be lower-case letters, digits and hyphens, unique in the file
pack-problem-elearning-empty-text = “{ $id }” has an empty title, text or explanation
pack-problem-elearning-long-lead = The lead-in of lesson “{ $id }” is longer than { $max } characters (an introduction, not a restatement of the policy)
pack-problem-elearning-no-clauses = “{ $id }” cites no clauses
pack-problem-elearning-clause = The clause { $clause } of “{ $id }” does not exist
pack-problem-elearning-answer = The answer of question “{ $id }” is not valid (○×: true / false; choice: four different choices and a number 1–4)
pack-problem-elearning-role = Role “{ $role }” of question “{ $id }” is not in roles.toml
pack-problem-elearning-bank-small = Not enough questions ({ $role ->
    [all] everyone
   *[other] { $role }
  }: { $size } to draw from, { $test_size } per test)
