## ポリシーパックの作成 (tebiki content draft / 設定 → ポリシーパックの作成)

draft-error-io = { $path } を読めません: { $detail }
draft-error-too-large = ファイルが大きすぎます（上限 { $limit } MB）。
draft-error-unreadable = ファイルを読み取れません: { $detail }
draft-error-encrypted = パスワードで保護された PDF は読めません。保護を外した PDF か、Word・テキストで指定してください。
draft-error-no-text = 文字が見つかりません。画像だけの PDF（スキャン）は読めないため、テキストのある PDF・Word・テキストファイルを指定してください。
draft-error-bad-id = パック ID「{ $id }」は使えません。半角英小文字で始め、英小文字・数字・ハイフンだけにしてください。
draft-error-output-not-empty = 出力先 { $path } にはすでにファイルがあります。空のフォルダか新しいフォルダを指定してください。

draft-todo-id = パック ID は仮に「{ $id }」にしています。自団体を表す ID（例: minato-city）にしてください。
draft-todo-org = 団体名が題名から読み取れませんでした。団体名を入力してください。
draft-todo-org-kind = 団体の種別（市・町・村・区・県・都・道・府・一部事務組合・広域連合）が団体名から分かりません。pack.toml の kind を設定してください。
draft-todo-staff-role = 職員等の役割が定義に見つかりませんでした。roles.toml に generic = "staff" の役割を追加してください。
draft-todo-history = 策定日・改正日が題名の近くに見つかりませんでした。pack.toml の [[history]] を記入してください。
draft-todo-glossary = 定義の条項が見つからず、用語集は作成していません。
draft-todo-roles = 組織体制の条項に役割の名称（「…を置く」「…をもって充てる」）が見つからず、roles.toml は作成していません。
draft-todo-roles-generic = roles.toml の generic（名簿の役職との対応）は名称からの推定です。確認してください。
draft-todo-courses = 研修（courses.toml）は作成していません。研修を定める条項を確認して記入してください。
draft-todo-selfcheck = 自己点検（selfcheck/）は作成していません。tebiki selfcheck draft で下書きできます。

draft-unplaced-out-of-sequence = 番号が前後と続いていないため、見出しにせず本文のまま残しました
draft-unplaced-duplicate-number = 同じ番号がすでにあるため、ID を { $id } にしました

draft-scheme-articles = 条・項・号（例規）
draft-scheme-dai = 第1・第2…
draft-scheme-outline = 1 / 1.1 / 1.1.1（ガイドライン）

draft-cli-written = { $dir } に作成しました: { $files }
draft-cli-recognised = 形式 { $format }、番号の体系 { $scheme }: 文書 { $documents }、章 { $chapters }、節 { $sections }、条項 { $clauses }、定義 { $definitions }、役割 { $roles }
draft-cli-cleaned = 目次 { $toc } 行、ページ番号 { $pages } 行、柱 { $heads } 行を除き、改行で切れた { $joined } 行をつなぎました
draft-cli-verbatim-ok = 原文の文 { $total } 件がすべてパックにあります
draft-cli-verbatim-missing = 原文の文 { $total } 件のうちパックにあるのは { $found } 件です。ないもの:
draft-cli-unplaced = 位置を決められなかった行 { $count } 件（本文として残しています）:
draft-cli-check-ok = tebiki content check: エラーなし（警告 { $warnings } 件）
draft-cli-check-failed = tebiki content check: エラー { $errors } 件、警告 { $warnings } 件
draft-cli-to-fill = 手で仕上げること:
draft-cli-took = 処理時間 { $ms } ms

draft-ui-title-heading = ポリシーパックの作成
draft-ui-help = 自団体の情報セキュリティポリシーのファイル（テキスト、例規集の HTML、Word の .docx、文字を含む PDF）から、ポリシーパックを下書きします。原文の番号（章・節・条、1 / 1.1、第1 …）から見出しを作り、本文は原文のまま使います。書き出す前に構成を確認できます。
draft-ui-path = ポリシーのファイルの場所
draft-ui-choose = ファイルを選ぶ…
draft-ui-run = 下書きを作る
draft-ui-again = この設定で作り直す
draft-ui-id = パック ID
draft-ui-title = 題名
draft-ui-org = 団体名
draft-ui-counts = 番号の体系: { $scheme }。文書 { $documents }、章 { $chapters }、節 { $sections }、条項 { $clauses }、定義 { $definitions }、役割 { $roles } を認識しました。
draft-ui-outline = 目次（下書きの構成）
draft-ui-first-clauses = 最初の条項
draft-ui-unplaced = 位置を決められなかった行（{ $count } 件、本文として残しています）
draft-ui-line = { $line } 行目
draft-ui-import = 取り込みへ進む
draft-ui-save = フォルダーに書き出す…
draft-ui-saved = { $dir } に書き出しました。手で仕上げてから「自団体のポリシーパックの取り込み」で取り込めます。
