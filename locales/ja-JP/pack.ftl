# ポリシーパックの検査（tebiki content check と パックの取り込み）

pack-problem-raw-html = HTML は使えません（Markdown で書いてください）：{ $snippet }
pack-problem-footnote-missing = 脚注 [^{ $name }] の本文がありません
pack-problem-no-title = 文書の最初の行は「# 題名」の見出しにしてください
pack-problem-second-title = 「# 」の見出しは文書の題名に一つだけ使えます：{ $heading }
pack-problem-heading-without-id = 見出しに条項 ID がありません（例：{"{"}#7.2.2{"}"}）：{ $heading }
pack-problem-bad-clause-id = 条項 ID「{ $id }」に使えない文字があります（半角英数字・「.」・「-」のみ）
pack-problem-duplicate-clause = 条項 ID「{ $id }」が重複しています（最初は { $first } 行目）
pack-problem-id-number-mismatch = 条項 ID「{ $id }」が見出しの番号と合いません（「{ $expected }」のはずです）
pack-problem-not-utf8 = UTF-8 のテキストとして読めません
pack-problem-unsafe-path = このファイル名は使えません（半角英数字・「.」「-」「_」のみ）
pack-problem-no-manifest = pack.toml がありません
pack-problem-manifest = 書式の誤り：{ $detail }
pack-problem-format = 形式のバージョン { $found } には対応していません（対応：{ $supported }）
pack-problem-bad-pack-id = パック ID「{ $id }」が正しくありません（半角英小文字で始まり、英小文字・数字・「-」のみ）
pack-problem-folder-mismatch = パック ID「{ $id }」とフォルダー名「{ $folder }」が一致しません
pack-problem-bad-version = 版「{ $version }」に数字がありません
pack-problem-empty-field = 「{ $field }」が空です
pack-problem-unknown-value = 「{ $field }」の値「{ $value }」は使えません（使える値：{ $allowed }）
pack-problem-no-documents = 文書（[[documents]]）が一つもありません
pack-problem-bad-date = 日付「{ $value }」は YYYY-MM-DD の形で書いてください
pack-problem-bad-wareki = 和暦「{ $value }」を読み取れません（例：令和7年2月21日）
pack-problem-wareki-mismatch = 和暦「{ $wareki }」と日付 { $date } が一致しません
pack-problem-bad-document-id = 文書 ID「{ $id }」が正しくないか、重複しています
pack-problem-bad-document-file = 文書ファイル「{ $file }」は、パックの中の .md ファイルを指定してください
pack-problem-missing-file = 文書ファイル「{ $file }」がありません
pack-problem-broken-link = リンク先の条項がありません：{ $target }
pack-problem-external-link = パックの外へのリンクは使えません：{ $target }
pack-problem-glossary-clause = 用語「{ $term }」の条項 { $clause } がありません
pack-problem-glossary-definition = 用語「{ $term }」の定義が条項 { $clause } の本文に見つかりません

## tebiki content check
content-check-ok = { $pack }：問題はありません（条項 { $clauses }）
content-check-failed = { $pack }：誤り { $errors } 件、注意 { $warnings } 件
content-check-warnings = { $pack }：注意 { $warnings } 件（条項 { $clauses }）
content-check-unreadable = { $path } を読めません：{ $detail }
content-check-no-packs = { $path } にポリシーパックが見つかりません
severity-error = 誤り
severity-warning = 注意

## 取り込み（設定 → ポリシーパック）
import-path-not-absolute = フォルダーまたは zip ファイルの場所を、絶対パスで指定してください：{ $path }
import-unreadable = { $path } をポリシーパックとして読めません：{ $detail }
import-refused = このパックは取り込めません。{ $detail }
import-write-failed = パックを保存できませんでした：{ $detail }
import-title = 自団体のポリシーパックの取り込み
import-help = 自団体で作成したポリシーパック（フォルダーまたは zip。書き方は content/FORMAT.md）を取り込みます。取り込む前に内容を検査します。同梱のパックが上書きされることはありません。
import-path = パックのフォルダーまたは zip ファイルの場所
import-choose-folder = フォルダーを選ぶ…
import-choose-zip = zip を選ぶ…
import-check = 検査する
import-has-errors = このパックには誤りが { $count } 件あるため、取り込めません。
import-summary = { $org }「{ $title }」版 { $version }（条項 { $clauses }）は取り込めます。
import-do = 取り込む
import-upgrade-question = 取り込み済みの版 { $installed } を、版 { $version } に置き換えます。よろしいですか？
import-replace = 置き換える
import-cancel = やめる
import-not-newer = 同じパックの版 { $installed } が取り込み済みです。新しい版だけを取り込めます。
import-bundled-id = パック ID「{ $id }」は同梱のパックと同じです。同梱のパックは置き換えられません。別の ID にしてください。
import-done = 「{ $title }」版 { $version } を取り込みました。
pack-problem-bad-course-id = 研修 ID「{ $id }」が正しくないか、重複しています
pack-problem-course-clause = 研修「{ $id }」の根拠条項 { $clause } がありません
pack-problem-bad-role = 役割 ID「{ $id }」が正しくないか、重複しているか、名称が空です
pack-problem-role-clause = 役割「{ $id }」を定める条項 { $clause } がありません
pack-problem-course-role = 研修「{ $id }」の対象の役割「{ $role }」が roles.toml にありません
pack-problem-selfcheck-stray-file = selfcheck/ には役割ごとの設問ファイル（selfcheck/<役割 ID>.toml）だけを置きます：{ $file }
pack-problem-selfcheck-role = 自己点検 { $file } の役割「{ $role }」が roles.toml にありません
pack-problem-selfcheck-file-name = 役割「{ $role }」の自己点検は selfcheck/{ $role }.toml に置いてください（いまは { $file }）
pack-problem-selfcheck-no-items = 自己点検 { $file } に設問がありません
pack-problem-selfcheck-bad-item-id = 設問 ID「{ $id }」が正しくないか（英小文字・数字・ハイフンのみ）、重複しています
pack-problem-selfcheck-empty-question = 設問「{ $id }」の問いが空です
pack-problem-selfcheck-no-clauses = 設問「{ $id }」に根拠条項（clauses）がありません
pack-problem-selfcheck-clause = 設問「{ $id }」の根拠条項 { $clause } がありません
pack-problem-selfcheck-covers = 設問「{ $id }」の covers にある義務 { $obligation } は、条項の文から見つかりません（tebiki selfcheck coverage で義務の一覧を確かめてください）
# 自己点検の網羅性と出典（issue 17）
pack-problem-selfcheck-no-covers = 設問「{ $id }」に covers（この設問で確かめる義務）がありません
pack-problem-selfcheck-covers-clause = 設問「{ $id }」の covers にある義務 { $obligation } は条項 { $clause } の文ですが、この条項が設問の clauses にありません
pack-problem-selfcheck-too-many-covers = 設問「{ $id }」は { $count } 件の義務を確かめています。{ $max } 件を超えるときは、一つの実務である理由を covers_reason に書いてください
pack-problem-selfcheck-gate = 設問「{ $id }」の gate「{ $gate }」が、この自己点検の [[gate]] にありません
pack-problem-selfcheck-unused-gate = 事前確認「{ $gate }」を使う設問がありません
pack-problem-selfcheck-role-name = 設問「{ $id }」の「{ $name }」は roles.toml の役割（名称・別名）にありません
pack-problem-selfcheck-excluded-unknown = excluded の義務 { $obligation } は、条項の文から見つかりません
pack-problem-selfcheck-excluded-role = excluded の義務 { $obligation } は役割「{ $role }」の義務ではありません
pack-problem-selfcheck-excluded-covered = excluded の義務 { $obligation } は、この自己点検の設問が確かめています
pack-problem-selfcheck-excluded-twice = excluded の義務 { $obligation } が重複しています
pack-problem-selfcheck-excluded-reason = excluded の義務 { $obligation } に理由（reason）がありません
pack-problem-no-provenance = 「{ $id }」の { $field } に出典がありません。条項の文を quote で引くか、本文にない団体の設定であることを setting に書いてください
pack-problem-bad-provenance = 「{ $id }」の { $field } は quote（と clause）か setting のどちらか一方で書いてください
pack-problem-provenance-clause = 「{ $id }」の { $field } の条項 { $clause } がありません
pack-problem-provenance-quote = 「{ $id }」の { $field } の quote が条項 { $clause } の本文にありません

pack-problem-elearning-stray-file = elearning/ には研修ごとの教材ファイル（elearning/<研修 ID>.toml）だけを置きます：{ $file }
pack-problem-elearning-course = courses.toml に研修「{ $course }」がありません（教材は courses.toml の研修ごとに作ります）
pack-problem-elearning-file-name = 研修「{ $course }」の教材のファイル名は elearning/{ $course }.toml にしてください：{ $file }
pack-problem-elearning-pass-percent = 合格基準 pass_percent は 1〜100 にしてください：{ $value }
pack-problem-elearning-test-size = 出題数 test_size は 1 以上にしてください：{ $value }
pack-problem-elearning-bad-id = ID「{ $id }」は英小文字・数字・ハイフンで、ファイル内で重複しないものにしてください
pack-problem-elearning-empty-text = 「{ $id }」の本文・題名・解説のいずれかが空です
pack-problem-elearning-long-lead = 単元「{ $id }」の導入文が { $max } 字を超えています（規定の言い換えではなく短い導入にします）
pack-problem-elearning-no-clauses = 「{ $id }」に根拠条項（clauses）がありません
pack-problem-elearning-clause = 「{ $id }」の根拠条項 { $clause } がありません
pack-problem-elearning-answer = 問題「{ $id }」の正解が正しくありません（○×は true / false、4択は異なる4つの選択肢と 1〜4 の番号）
pack-problem-elearning-role = 問題「{ $id }」の役割「{ $role }」が roles.toml にありません
pack-problem-elearning-bank-small = 問題が足りません（{ $role ->
    [all] 全員
   *[other] { $role }
  } の出題元 { $size } 問、出題数 { $test_size } 問）
