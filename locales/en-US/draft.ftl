## Drafting a policy pack (tebiki content draft / Settings → Create a policy pack)

draft-error-io = Cannot read { $path }: { $detail }
draft-error-too-large = The file is too large (limit { $limit } MB).
draft-error-unreadable = The file cannot be read: { $detail }
draft-error-encrypted = A password-protected PDF cannot be read. Use an unprotected PDF, a Word file or a text file.
draft-error-no-text = No text was found. A scanned PDF (images only) cannot be read: use a PDF with a text layer, a Word file or a text file.
draft-error-bad-id = The pack id “{ $id }” cannot be used: start with a lowercase letter and use only lowercase letters, digits and hyphens.
draft-error-output-not-empty = The output folder { $path } already holds files. Choose an empty or new folder.

draft-todo-id = The pack id is “{ $id }” for now. Give it an id for your organisation (e.g. minato-city).
draft-todo-org = The organisation's name could not be read from the title. Enter it.
draft-todo-org-kind = The kind of organisation (市, 町, 村, 区, 県, 都, 道, 府, 一部事務組合, 広域連合) is not clear from its name. Set kind in pack.toml.
draft-todo-staff-role = No 職員等 role was found in the definitions. Add a role with generic = "staff" to roles.toml.
draft-todo-history = No dates of adoption or revision were found near the title. Fill in [[history]] in pack.toml.
draft-todo-glossary = No definitions clause was found, so there is no glossary.
draft-todo-roles = The organisation clauses name no roles («…を置く», «…をもって充てる»), so there is no roles.toml.
draft-todo-roles-generic = The generic role of each role in roles.toml (how rosters find it) is guessed from its name. Check it.
draft-todo-courses = No training catalogue (courses.toml) was drafted. Add the training the policy requires.
draft-todo-selfcheck = No self-inspection questionnaires (selfcheck/) were drafted. tebiki selfcheck draft can draft them.

draft-unplaced-out-of-sequence = its number does not follow the numbers around it, so it was kept as text, not made a heading
draft-unplaced-duplicate-number = the number is already used, so the id is { $id }

draft-scheme-articles = articles, paragraphs and items (例規)
draft-scheme-dai = 第1, 第2 …
draft-scheme-outline = 1 / 1.1 / 1.1.1 (guideline)

draft-cli-written = Created { $dir }: { $files }
draft-cli-recognised = Format { $format }, numbering { $scheme }: { $documents } documents, { $chapters } chapters, { $sections } sections, { $clauses } clauses, { $definitions } definitions, { $roles } roles
draft-cli-cleaned = Left out { $toc } table-of-contents lines, { $pages } page numbers and { $heads } running heads; joined { $joined } broken lines
draft-cli-verbatim-ok = All { $total } sentences of the input are in the pack
draft-cli-verbatim-missing = Only { $found } of the { $total } sentences of the input are in the pack. Missing:
draft-cli-unplaced = { $count } lines could not be placed (kept as text):
draft-cli-check-ok = tebiki content check: no errors ({ $warnings } warnings)
draft-cli-check-failed = tebiki content check: { $errors } errors, { $warnings } warnings
draft-cli-to-fill = To finish by hand:
draft-cli-took = Took { $ms } ms

draft-ui-title-heading = Create a policy pack
draft-ui-help = Drafts a policy pack from your organisation's own security policy file (text, a 例規集 HTML page, a Word .docx, or a PDF with text). Headings come from the document's own numbering (章・節・条, 1 / 1.1, 第1 …); the text is used as written. You see the structure before anything is written.
draft-ui-path = Location of the policy file
draft-ui-choose = Choose a file…
draft-ui-run = Draft
draft-ui-again = Draft again with these settings
draft-ui-id = Pack id
draft-ui-title = Title
draft-ui-org = Organisation
draft-ui-counts = Numbering: { $scheme }. Recognised { $documents } documents, { $chapters } chapters, { $sections } sections, { $clauses } clauses, { $definitions } definitions, { $roles } roles.
draft-ui-outline = Contents (drafted structure)
draft-ui-first-clauses = First clauses
draft-ui-unplaced = Lines that could not be placed ({ $count }, kept as text)
draft-ui-line = line { $line }
draft-ui-import = Go on to import
draft-ui-save = Save to a folder…
draft-ui-saved = Saved to { $dir }. Finish it by hand, then import it with “Import your own policy pack”.
