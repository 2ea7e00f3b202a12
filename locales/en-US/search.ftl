# Search: how a query was read (issue 19). Arguments are lists joined with " / ".
search-read-words = Searched for the words "{ $words }"
search-read-ignored = Left out "{ $words }"
search-read-also = Also searched for "{ $typed }" as "{ $words }"
search-read-not-found = No clause contains "{ $words }"
search-read-partial = No clause contains every word: the clauses with the most words come first
search-hit-mapped = matched through other words
pack-problem-everyday-entry = Entry "{ $word }" needs everyday or verbs words and policy words
pack-problem-everyday-verb = "{ $word }" is not a verb or adjective in dictionary form (なくす, 捨てる, 怪しい …)
