# Handbook (reading the policy)

loading = Loading…
handbook-not-found = Clause not found: { $id }

handbook-choose-title = Choose your organisation's policy
handbook-choose-help = The policy you choose is shown in the handbook. You can change it later in Settings.
handbook-outline-badge = (outline only)
handbook-latest = { $date } { $event }
handbook-imported-badge = Imported pack

handbook-toc = Contents
handbook-pages = Handbook pages
handbook-page-text = Text
handbook-page-glossary = Glossary
handbook-page-history = Revision history
handbook-page-bookmarks = Bookmarks
toc-expand = Expand “{ $title }”
toc-collapse = Collapse “{ $title }”
handbook-outline-short = The body is not public (headings only).

handbook-breadcrumbs = You are here
handbook-tools = Clause actions
handbook-pager = Previous and next clause
handbook-prev = Previous
handbook-next = Next
handbook-copy-link = Copy link
handbook-link-copied = Link copied: { $link }
handbook-bookmark = Bookmark
handbook-bookmarked = Bookmarked
handbook-print = Print
handbook-outline-notice = This organisation publishes only the outline (headings) of its security standards. The body is not public and is not shown here.

glossary-title = Glossary — { $pack }
glossary-empty = This policy defines no terms.
glossary-defined-in = Open the defining clause

history-title = Revision history — { $pack }
history-empty = The published text of this policy gives no adoption or revision dates.
history-wareki = Japanese era date
history-western = Date
history-event = Event
history-note = Note
history-source = Source: { $note }
history-pack-version = Policy pack version: { $version }

bookmarks-title = Bookmarks
bookmarks-empty = No bookmarks yet. Open a clause and press “Bookmark” to add it here.
bookmarks-missing = Clause { $id } is not in the current policy
bookmarks-remove = Remove

## Search
search-count = { $total } clauses found ({ $shown } shown)
search-suggest = These would find something: { $terms }
search-unknown-pack = There is no pack "{ $pack }"
search-title = Search the policy
search-open = Search
search-shortcut = Search from any screen with Ctrl+K or /
search-placeholder = Words, "exact phrase", or a clause number (7.2.2, 第62)
search-all-packs = Search every organisation's policy
search-nothing = Nothing found for “{ $query }”.
search-try = Try:
search-no-suggestion = Try other words or a shorter term.
search-help = Two-character words (研修, 監査…) are found too. Spelling variants such as 漏えい／漏洩 and full-width or half-width letters are treated alike. Choose with ↑↓ and open with Enter.
