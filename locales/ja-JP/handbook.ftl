# ハンドブック（ポリシーの閲覧）

loading = 読み込み中…
handbook-not-found = 条項が見つかりません：{ $id }

handbook-choose-title = 所属する団体のポリシーを選んでください
handbook-choose-help = 選んだポリシーがハンドブックに表示されます。あとから「設定」で変更できます。
handbook-outline-badge = （概要のみ）
handbook-latest = { $date } { $event }
handbook-imported-badge = 取り込んだパック

handbook-toc = 目次
handbook-pages = ハンドブックのページ
handbook-page-text = 本文
handbook-page-glossary = 用語集
handbook-page-history = 改正履歴
handbook-page-bookmarks = しおり
toc-expand = 「{ $title }」を開く
toc-collapse = 「{ $title }」を閉じる
handbook-outline-short = 本文は非公開です（見出しのみ）。

handbook-breadcrumbs = 現在の位置
handbook-tools = 条項の操作
handbook-pager = 前後の条項
handbook-prev = 前の条項
handbook-next = 次の条項
handbook-copy-link = リンクをコピー
handbook-link-copied = リンクをコピーしました：{ $link }
handbook-bookmark = しおりを挟む
handbook-bookmarked = しおりを挟んでいます
handbook-print = 印刷
handbook-outline-notice = この団体は対策基準の概要（見出し）のみを公開しています。本文は非公開のため、ここには表示されません。

glossary-title = 用語集 — { $pack }
glossary-empty = このポリシーには用語の定義がありません。
glossary-defined-in = 定義している条項を開く

history-title = 改正履歴 — { $pack }
history-empty = このポリシーの公開文書には、策定日・改正日の記載がありません。
history-wareki = 和暦
history-western = 西暦
history-event = 内容
history-note = 備考
history-source = 出典：{ $note }
history-pack-version = ポリシーパックの版：{ $version }

bookmarks-title = しおり
bookmarks-empty = しおりはまだありません。条項を開いて「しおりを挟む」を押すと、ここに並びます。
bookmarks-missing = 条項 { $id } は現在のポリシーにありません
bookmarks-remove = 外す

## 検索
search-count = { $total } 件の条項が見つかりました（{ $shown } 件を表示）
search-suggest = 次の語なら見つかります：{ $terms }
search-unknown-pack = パック「{ $pack }」はありません
search-title = ポリシーを検索
search-open = 検索
search-shortcut = Ctrl+K または / で、どの画面からでも検索できます
search-placeholder = 語句（空白で区切って複数）・"完全一致"・条項番号（7.2.2、第62）
search-all-packs = すべての団体のポリシーを検索
search-nothing = 「{ $query }」は見つかりませんでした。
search-try = 次の語で探してみてください：
search-no-suggestion = 言い換えるか、短い語で探してみてください。
search-help = 2 文字の語（研修、監査など）も見つかります。漏えい／漏洩 のような表記のゆれ、全角・半角の違いは区別しません。↑↓ で選び、Enter で開きます。
