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
