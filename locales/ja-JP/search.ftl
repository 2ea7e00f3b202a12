# Search: how a query was read (issue 19). Arguments are lists joined with " / ".
search-read-words = 「{ $words }」の語で検索しました
search-read-ignored = 「{ $words }」は検索語から除きました
search-read-also = 「{ $typed }」を「{ $words }」としても検索しました
search-read-not-found = 「{ $words }」を含む条項はありませんでした
search-read-partial = すべての語を含む条項はないため、多くの語を含む条項から表示しています
search-hit-mapped = 言い換えで一致
pack-problem-everyday-entry = 項目「{ $word }」には、everyday または verbs の語と、policy の語が必要です
pack-problem-everyday-verb = 「{ $word }」は辞書形の動詞・形容詞（なくす、捨てる、怪しい など）ではありません
