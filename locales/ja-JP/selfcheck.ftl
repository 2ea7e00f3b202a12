## 自己点検：回答・提出ファイル・集計（answers.rs / submission.rs / selfcheck_store.rs / selfcheck_dashboard.rs / tebiki selfcheck export|import|summary）

answer-implemented = 実施している
answer-partial = 一部実施
answer-not-implemented = 実施していない
answer-not-applicable = 該当なし

selfcheck-problem-unanswered = 未回答です
selfcheck-problem-missing-remedy = 改善策を記入してください
selfcheck-problem-missing-due = 期限を記入してください
selfcheck-problem-bad-due = 期限が日付として読めません（例：2025-12-31）
selfcheck-problem-reconfirm = 前年度の回答のままです（要再確認）。内容を確認してください

submission-refused-too-large = ファイルが大きすぎます（{ $max_mb } MB まで）。提出ファイルではありません
submission-refused-truncated = ファイルが途中で切れています。コピーが最後まで終わっていない可能性があります。提出した人にもう一度ファイルを送ってもらってください
submission-refused-not-json = ファイルが途中で切れているか、提出ファイルではありません（{ $detail }）
submission-refused-wrong-format = Tebiki の自己点検の提出ファイルではありません（{ $detail }）
submission-refused-too-new = 新しい版の Tebiki で作られたファイルです（形式 { $found }、この Tebiki は { $supported } まで）。Tebiki を更新してから取り込んでください
submission-refused-digest = ファイルの内容が提出時と一致しません（改ざんまたは破損）。提出した人にもう一度ファイルを送ってもらってください
submission-refused-unknown-pack = このパソコンにないポリシー（{ $pack }、版 { $version }）に対する回答です。先にそのポリシーを取り込んでください
submission-invalid-field = 提出ファイルの「{ $field }」が正しくありません
submission-invalid-duplicate-item = 項目「{ $item }」の回答が二つあります
submission-invalid-answer = 項目「{ $item }」の回答が正しくありません：{ $problem ->
    [missing-remedy] 改善策がありません
    [missing-due] 期限がありません
    [bad-due] 期限が日付ではありません
   *[other] 回答がありません
}
submission-pack-other-version = ポリシーの版が異なります（回答時 { $file }、このパソコン { $installed }）。回答はそのまま取り込みました
submission-pack-other-text = ポリシーの版 { $version } の内容がこのパソコンのものと異なります。回答はそのまま取り込みました

selfcheck-error-no-draft = この回答中の自己点検は見つかりません（提出済みか、開始されていません）
selfcheck-error-already-submitted = 職員番号 { $employee_no } の { $year } 年度「{ $role }」は提出済みです（第 { $version } 版）。修正する場合は「修正する」から開いてください
selfcheck-error-nothing-submitted = 職員番号 { $employee_no } の { $year } 年度「{ $role }」はまだ提出されていません
selfcheck-error-incomplete = 提出できません：確認が必要な項目が { $count } 件あります
selfcheck-error-conflict = 職員番号 { $employee_no } の { $year } 年度「{ $role }」第 { $version } 版は、内容の異なるものが既にあります。取り込んでいません

selfcheck-export-done = { $year }の提出 { $count } 件を { $dir } に書き出しました
selfcheck-import-summary = 取り込み { $imported } 件、取り込み済み（重複） { $duplicate } 件、旧版として保存 { $superseded } 件、取り込めないファイル { $refused } 件
selfcheck-import-status-imported = 取り込みました
selfcheck-import-status-duplicate = 取り込み済みです（同じファイル）
selfcheck-import-status-superseded = 新しい版が既にあるため、旧版として保存しました
selfcheck-import-accepted-line = { $file }：{ $name }（{ $dept }）{ $role } 第 { $version } 版 — { $status }
selfcheck-import-refused-line = { $file }：{ $reason }
selfcheck-import-none = 提出ファイル（*.json）が見つかりません：{ $path }
selfcheck-import-unreadable = ファイルを読めません：{ $detail }
selfcheck-no-questionnaires = ポリシー「{ $pack }」には自己点検の質問票がありません
selfcheck-summary-head = { $year }：提出 { $submitted } / { $required } 件、実施率 { $rate }（前年度 { $previous }）
selfcheck-summary-dept = { $code } { $name }：提出 { $submitted } / { $required }、実施率 { $rate }（前年度 { $previous }）
selfcheck-summary-role = { $role }：提出 { $submitted } / { $required }、実施率 { $rate }（前年度 { $previous }）
selfcheck-summary-remedies = 改善策 { $count } 件
selfcheck-summary-csv-done = 改善策の一覧を { $path } に書き出しました
selfcheck-rate-none = —
selfcheck-demo-done = 自己点検の提出 { $count } 件（{ $years }）を作成しました

remedy-col-dept-code = 所属コード
remedy-col-dept = 所属名
remedy-col-no = 職員番号
remedy-col-name = 氏名
remedy-col-role = 役割
remedy-col-chapter = 章
remedy-col-item = 項目
remedy-col-question = 点検項目
remedy-col-answer = 回答
remedy-col-remedy = 改善策
remedy-col-due = 期限
remedy-col-comment = 備考

## tebiki selfcheck coverage / draft（質問票が条項の義務をどこまで問うか、質問票の下書き）
selfcheck-coverage-pack = { $pack }（役割の書かれていない義務 { $unattributed } 件）
selfcheck-coverage-role = { $role }（{ $id }）：義務 { $obligations } 件のうち { $covered } 件を設問 { $items } 問で確認（{ $percent }%）
selfcheck-coverage-role-no-questionnaire = { $role }（{ $id }）：義務 { $obligations } 件、質問票なし
selfcheck-coverage-uncovered = 未確認 { $id }：{ $text }
selfcheck-pack-has-errors = { $path } のパックには誤りがあります。先に tebiki content check { $path } で直してください
selfcheck-unknown-role = 役割「{ $role }」はパック { $pack } にありません（{ $known }）
selfcheck-draft-no-role = パック { $pack } には職員等（generic = "staff"）の役割がありません。--role で役割を指定してください（{ $known }）
selfcheck-draft-header = 「{ $role }」の自己点検の下書きです。条項の文から機械的に作りました。
    問いを職員が答えやすい言葉に直し、近い義務は一つの設問にまとめ、question_en を加えてから
    { $file } としてパックに置いてください（書き方は content/FORMAT.md）。
selfcheck-draft-unwritable = { $path } に書き込めません：{ $detail }
selfcheck-draft-done = 「{ $role }」の設問 { $items } 問の下書きを { $path } に書き出しました
selfcheck-no-questionnaire = このポリシーには「{ $role }」の自己点検票がありません
selfcheck-profile-incomplete = 氏名、職員番号、所属を入力してください
selfcheck-submission-missing = この提出はデータベースにありません
selfcheck-not-yours = この自己点検は他のパソコンから取り込まれた回答です。開く・修正する・書き出すには管理者モードにしてください
selfcheck-prefill-not-yours = 前年度の回答は他のパソコンから取り込まれたものです。写して始めるには管理者モードにしてください

## 自己点検の画面
csv-encoding-sjis = Shift_JIS（Excel 既定）
csv-encoding-utf8 = UTF-8（BOM 付き）
selfcheck-tab-answer = 回答する
selfcheck-tab-collect = 提出ファイルの取り込み
selfcheck-tab-dashboard = 集計
selfcheck-none-in-pack = このポリシーには自己点検の質問票がありません。
selfcheck-back-to-inspection = ← 自己点検の回答に戻る
selfcheck-start-title = { $year }の自己点検
selfcheck-find-me = 名簿から自分を探す
selfcheck-name = 氏名
selfcheck-employee-no = 職員番号
selfcheck-dept = 所属
selfcheck-role = 役割
selfcheck-items = { $count } 問
selfcheck-prefill = 前年度の回答から始める（すべて「要再確認」になります）
selfcheck-begin = 回答を始める（続きから開く）
selfcheck-in-progress = 回答中の自己点検
selfcheck-correction = 修正（第 { $version } 版）
selfcheck-resume = 続きを回答する
selfcheck-submitted-title = 提出済み（{ $count } 件）
selfcheck-version = 版
selfcheck-version-n = 第 { $version } 版
selfcheck-source = 提出元
selfcheck-source-local = このパソコン
selfcheck-source-imported = ファイル
selfcheck-export = ファイルに書き出す
selfcheck-correct = 修正する
selfcheck-exported = 提出ファイルを書き出しました：{ $path }
selfcheck-progress = { $answered } / { $total } 問回答
selfcheck-autosaved = 入力はその都度保存されます
selfcheck-submitted-ok = 提出しました（第 { $version } 版）。回答は確定され、変更できません（修正は新しい版になります）。
selfcheck-export-title = 統括責任者に送る提出ファイル
selfcheck-export-help = ネットワークが分かれている場合は、このファイルを USB メモリや共有フォルダーで情報セキュリティ統括責任者に届けてください。同じパソコンで提出した場合は不要です。
selfcheck-export-path = 保存先のファイル（例：C:\Users\…\selfcheck.json）
selfcheck-close = 閉じる
selfcheck-review-title = 提出前の確認
selfcheck-review-problems = 確認が必要な項目が { $count } 件あります
selfcheck-review-ok = すべての項目に回答しました。提出できます。
selfcheck-item-number = 問 { $n }
selfcheck-back-to-items = 回答に戻る
selfcheck-submit = 提出する
selfcheck-prefilled-notice = { $year } 年度の回答を写しました。各項目を確認し、変わりがなければ「確認しました」を押してください。
selfcheck-pack-changed = 前年度の回答の後にポリシーが改正されています。条項を読み直して回答してください。
selfcheck-reconfirm = 要再確認
selfcheck-confirm = 確認しました
selfcheck-clauses = 根拠：
selfcheck-remedy = 改善策
selfcheck-due = 期限
selfcheck-comment = コメント（任意）
selfcheck-later = 後で続ける
selfcheck-to-review = 確認して提出へ
selfcheck-question = 設問
selfcheck-answer = 回答
selfcheck-collect-title = 提出ファイルの取り込み
selfcheck-collect-help = 各課から届いた提出ファイル（.json）をまとめて取り込みます。改ざんや破損のあるファイル、知らないポリシーのファイルは理由を示して取り込みません（ほかのファイルは取り込みます）。
selfcheck-import-paths = ファイルまたはフォルダーの場所（1 行に 1 つ）
selfcheck-choose-files = ファイルを選ぶ…
selfcheck-choose-folder = フォルダーを選ぶ…
selfcheck-import-do = 取り込む
selfcheck-import-result = 取り込んだファイル { $accepted } 件、取り込めないファイル { $refused } 件
dash-submitted = 提出
dash-rate = 実施率
dash-previous = 前年度（{ $year }）{ $rate }
dash-previous-rate = 前年度
dash-remedies = 改善策
dash-by-dept = 所属別
dash-by-role = 役割別
dash-by-chapter = 章別
dash-by-item = 設問別
dash-pending-title = 未提出（{ $count } 件）
dash-show-list = 一覧を表示
dash-remedies-title = 改善策の一覧（{ $count } 件）
dash-sort = 並べ替え
dash-sort-due = 期限順
dash-sort-department = 所属順
dash-sort-item = 設問順
dash-sort-respondent = 職員番号順
dash-list-cut = 全 { $total } 件のうち { $shown } 件を表示しています。すべての行は CSV に書き出せます。
dash-sort-answer = 回答順
dash-export = CSV に書き出す
dash-chapter = 章
selfcheck-clause-changed = 条項が改正されています

## 改善策の状況（issue 18）
remedy-status-not-started = 未着手
remedy-status-in-progress = 対応中
remedy-status-done = 完了
remedy-status-withdrawn = 取り下げ
remedy-col-status = 状況
remedy-col-status-on = 状況の日付
remedy-col-status-note = 状況の記録
remedy-col-overdue = 期限超過
remedy-overdue = 期限超過
remedy-unknown-item = 項目 { $item } には改善策がありません
submission-invalid-progress = 提出ファイルの改善策の状況（項目 { $item }）が正しくありません
remedy-title = 改善策の状況：{ $name }（{ $role }、第 { $version } 版）
remedy-help = 改善策ごとに、いまの状況（未着手・対応中・完了・取り下げ）と日付を記録します。保存すると提出の新しい版になり、提出ファイルを書き出して情報政策担当に渡します。
remedy-help-admin = 管理者モード：職員から紙や口頭で聞いた状況を記録します（操作記録に残ります）。
remedy-on = 日付
remedy-note = 記録（何をしたか・取り下げの理由）
remedy-save = 状況を保存（新しい版として提出）
remedy-saved = 改善策の状況を保存しました（第 { $version } 版）。提出ファイルを書き出して渡してください。
remedy-open = 改善策の状況
remedy-none = この提出には改善策がありません。
remedy-paper = 紙で届いた報告を記録する
remedy-due-label = 期限 { $due }
remedy-counts = 改善策 { $total } 件：完了 { $done } 件（完了率 { $rate }）、対応中 { $inProgress } 件、未着手 { $notStarted } 件、取り下げ { $withdrawn } 件、期限超過 { $overdue } 件
dash-col-remedies = 改善策
dash-col-remedies-done = 完了
dash-col-overdue = 期限超過
remedy-export-title = 提出ファイルを書き出す（新しい版）
selfcheck-on-paper = 紙の点検票を代理入力する（紙で提出として記録）
selfcheck-paper-tag = 紙で提出
selfcheck-previous-remedies = 前年度の改善策は終わりましたか（状況を記録する）
