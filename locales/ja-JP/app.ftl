# Tebiki — 画面の文言（日本語）。en-US/app.ftl と同じキーを持つこと。

app-title = Tebiki 手引き — 情報セキュリティポリシー
app-name = Tebiki 手引き

## ナビゲーション
nav-label = メインメニュー
nav-handbook = ハンドブック
nav-selfcheck = 自己点検
nav-training = 研修
nav-reports = 報告書
nav-audit = 操作記録
nav-settings = 設定

## まだ作られていない画面

## 設定
settings-title = 設定
settings-language = 表示言語
settings-language-help = 画面と報告書の言語です。
language-ja-JP = 日本語
language-en-US = English
settings-theme = 配色
theme-system = OS の設定に合わせる
theme-light = ライト
theme-dark = ダーク
settings-text-size = 文字の大きさ
text-size-standard = 標準
text-size-large = 大
text-size-x-large = 特大
settings-saved = 設定を保存しました。
settings-save-failed = 設定を保存できませんでした：{ $reason }

settings-data = データ
settings-data-location = データの保存場所
settings-backup = バックアップを作成…
settings-backup-title = バックアップ
settings-backup-help = データベースの整合性のとれた複製を、選んだ場所に保存します。
settings-backup-done = バックアップを保存しました：{ $path }
settings-backup-failed = バックアップを作成できませんでした：{ $reason }
settings-about = このアプリについて
settings-version = バージョン { $version }

## エラー（CLI と画面で共通）
error-not-tebiki-db = { $path } は Tebiki のデータベースではありません。現在のデータは変更していません。
error-db-too-new = { $path } は新しい版の Tebiki で作られています（スキーマ { $found }、この版は { $supported } まで）。Tebiki を更新してください。
error-db-damaged = { $path } は破損しています（整合性検査：{ $detail }）。現在のデータは変更していません。
error-file-missing = ファイルが見つかりません：{ $path }
error-io = { $path } を読み書きできません：{ $detail }
error-db-locked = データは暗号化されています。管理者モードのパスフレーズを入力してください。
error-wrong-passphrase = パスフレーズが違います。
error-weak-passphrase = パスフレーズは { $min } 文字以上にしてください。
error-db-in-use = { $path } は別の Tebiki（アプリまたは別のコマンド）が開いています。閉じてからやり直してください。
error-db-busy = { $path } は別の Tebiki が書き込み中のため、10 秒待っても使えませんでした。少し待ってからやり直してください。
error-unlock-wait = パスフレーズの誤りが続いたため、{ $seconds } 秒待ってからやり直してください。
error-no-passphrase = 管理者のパスフレーズがまだ設定されていません。先に設定してください（コマンドでは tebiki admin set-passphrase）。
error-database = データベースの処理に失敗しました：{ $detail }

## CLI
cli-version = tebiki { $version }（データ：{ $dir }）
cli-backup-done = バックアップを作成しました：{ $path }
cli-restore-done = { $path } から復元しました。
cli-passphrase-prompt = 管理者のパスフレーズ：
cli-passphrase-current = 現在の管理者のパスフレーズ：
cli-passphrase-new = 新しいパスフレーズ（10 文字以上）：
cli-passphrase-again = もう一度入力してください：
cli-passphrase-mismatch = 2 回の入力が一致しません。何も変更していません。
cli-passphrase-needed = 管理者のパスフレーズが必要です。端末で実行するか、環境変数 TEBIKI_PASSPHRASE に設定してください。
cli-passphrase-set = パスフレーズを設定しました。データは暗号化されました。パスフレーズを忘れるとデータは開けません（復旧の方法はありません）。
cli-passphrase-changed = パスフレーズを変更し、データを暗号化し直しました。
cli-audit-intact = 操作記録は改ざんされていません（{ $entries } 件）。
cli-audit-edited = 操作記録の { $seq } 番が書き換えられています（全 { $entries } 件）。
cli-audit-missing = 操作記録の { $seq } 番の前後で記録が削除または挿入されています（全 { $entries } 件）。
cli-audit-truncated = 操作記録の { $seq } 番以降が削除されています（残り { $entries } 件）。
cli-audit-exported = 操作記録 { $entries } 件を書き出しました：{ $path }
cli-pack-imported = ポリシーパック { $id } を取り込みました。
cli-error = エラー：{ $message }

## 設定：ポリシー
settings-pack = 所属する団体のポリシー
settings-pack-none = （まだ選ばれていません）
settings-pack-help = ハンドブックに表示するポリシーです。
date-placeholder = 例：2025/6/1、令和7年6月1日、R7.6.1
date-invalid = 日付として読めません（例：2025/6/1、令和7年6月1日）
date-read-back = { $wareki }（{ $western }）

## 報告書の画面
reports-kind = 報告書
reports-title-selfcheck = 自己点検結果報告書
reports-title-training = 研修実施状況報告書
reports-file-selfcheck = 自己点検結果報告書
reports-file-training = 研修実施状況報告書
reports-all-depts = 全庁（すべての所属）
reports-save-to = 保存先
reports-path-placeholder = 保存先のファイル（例：C:\Users\…\報告書.pdf）
reports-do = PDF を作成する
reports-rendering = 作成中…
reports-written = 作成しました：{ $path }（{ $pages } ページ、{ $kb } KB）
reports-open-folder = 保存先のフォルダーを開く
reports-unknown-kind = 報告書の種類「{ $kind }」はありません（selfcheck、training）
reports-title-certificate = 修了証
reports-file-certificate = 修了証
reports-person = 職員
reports-choose-person = 修了証を作る職員を選んでください
settings-reports = 報告書
settings-approvers = 決裁欄
settings-approvers-placeholder = CISO,統括責任者,担当
settings-approvers-help = 報告書の表紙の決裁欄に並べる役職を、左から順にカンマで区切って入力します（空欄なら CISO・統括責任者・担当）。
reports-certificate-for = 対象
reports-session = 研修の回（受講者全員）
reports-choose-session = 研修の回を選ぶ
reports-person-all-sessions = この年度に受講したすべての研修
reports-attendees = { $count } 人
export-path-placeholder = 保存先のファイル（例：C:\Users\…\{ $name }）
reports-title-department = 所属別結果票（自己点検）
reports-file-department = 所属別結果票
reports-file-detail = 別冊
reports-detail = 別冊（一人ひとりの改善策の一覧）を出力する
reports-department-help = 所属を選ぶとその所属の結果票、「すべての所属」では全所属を 1 つの PDF に（所属ごとに改ページ）出力します。保存先に .pdf でない名前（フォルダー）を指定すると、所属ごとに 1 ファイルずつ書き出します。
reports-title-form = 自己点検票（紙で回答する職員用）
reports-file-form = 自己点検票
reports-form-help = 所属を選ぶと、その所属でこの役割を点検する職員ごとに、氏名と所属を入れた点検票を出力します（「すべての所属」では空欄の点検票 1 部）。回収した点検票は「自己点検」で代理入力します。
