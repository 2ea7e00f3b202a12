## 操作記録 (audit trail): one sentence per action code; the variables are the
## entry's details (crates/tebiki-store/src/audit.rs)

audit-mode-admin = 管理者モード
audit-mode-staff = 職員モード
audit-mode-cli = コマンド

audit-column-seq = 番号
audit-column-at = 日時
audit-column-mode = モード
audit-column-action = 操作コード
audit-column-summary = 内容
audit-column-prev-hash = 前のハッシュ
audit-column-hash = ハッシュ

audit-passphrase-set = 管理者のパスフレーズを設定し、データを暗号化しました
audit-passphrase-changed = 管理者のパスフレーズを変更し、データを暗号化し直しました
audit-mode-entered = { $failed_before ->
    [0] 管理者モードに入りました
   *[other] 管理者モードに入りました（その前にパスフレーズの誤りが { $failed_before } 回）
}
audit-mode-left = { $reason ->
    [idle] 操作がなかったため管理者モードを終了しました
   *[other] 管理者モードを終了しました
}
audit-roster-imported = 職員名簿を取り込みました（{ $rows } 行：追加 { $added } 名、変更 { $updated } 名、退職扱い { $left } 名）
audit-roles-set = 職員 { $employee_no } の役割を「{ $roles }」にしました
audit-department-saved = 所属 { $code } を「{ $name }」として保存しました
audit-department-shown = 所属 { $code } を一覧に表示するようにしました
audit-department-hidden = 所属 { $code } を一覧から隠しました
audit-course-added = 研修「{ $title }」（{ $course }）を追加しました
audit-course-removed = 研修 { $course } を削除しました
audit-session-recorded = 研修の実施を記録しました（{ $course }、{ $held_on }、受講者 { $attendees } 名）
audit-submission-imported = 自己点検の提出ファイル { $file } を取り込みました（職員 { $employee_no }、{ $year } 年度、第 { $version } 版）
audit-submission-refused = 自己点検の提出ファイル { $file } を取り込みませんでした：{ $reason }
audit-report-exported = { $kind ->
    [selfcheck] 自己点検結果報告書
    [training] 研修実施状況報告書
    [department] 所属別結果票
    [form] 自己点検の点検票
   *[certificate] 修了証
}を出力しました（{ $file }）
audit-personal-data-exported = { $kind ->
    [training-results] e-ラーニングの受講記録ファイル
    [training-results-all] e-ラーニングの受講記録ファイル（年度分）
    [submissions] 自己点検の提出ファイル
    [remedies] 改善策の一覧
    [overdue] 研修の未受講者一覧
    [submission] 自己点検の提出ファイル（1 件）
   *[audit] 操作記録
}を書き出しました（{ $file }）
audit-pack-imported = ポリシーパック { $pack }（版 { $version }）を取り込みました
audit-backup-made = バックアップを作成しました（{ $file }）
audit-backup-restored = バックアップ { $file } からデータを復元しました
audit-demo-created = 試用のための架空の組織を作成しました（職員 { $staff } 名）
audit-selfcheck-submitted = 自己点検を提出しました（職員 { $employee_no }、{ $year } 年度、{ $role }、第 { $version } 版{ $paper ->
    [yes] 、紙で提出（代理入力）
   *[other] {""}
  }）
audit-selfcheck-reopened = 自己点検の訂正を始めました（職員 { $employee_no }、{ $year } 年度、{ $role }、第 { $version } 版として）

## 職員モード / 管理者モード (src-tauri/src/access.rs, ui/src/components/AdminDialog.svelte)

mode-staff = 職員モード
mode-admin = 管理者モード
mode-leave = 職員モードに戻る
admin-enter-button = 管理者モードにする
admin-enter-title = 管理者モード
admin-set-title = 管理者のパスフレーズを決める
admin-set-intro = 名簿・研修記録・提出された自己点検・報告書・操作記録は管理者モードでだけ使えます。最初にパスフレーズを決めると、この PC のデータはそのパスフレーズで暗号化されます。
admin-forgotten = パスフレーズを忘れると、暗号化されたデータは誰にも開けません。開発元にも復旧の方法はありません（裏口はありません）。決めたパスフレーズは庁内の規程に従って保管し、バックアップを取っておいてください。
admin-forgotten-short = パスフレーズを忘れた場合、データを開く方法はありません。バックアップと保管しておいたパスフレーズから戻してください。
admin-passphrase = パスフレーズ
admin-new-passphrase = 新しいパスフレーズ（{ $min } 文字以上）
admin-passphrase-again = もう一度入力
admin-passphrase-short = パスフレーズは { $min } 文字以上にしてください。
admin-passphrase-mismatch = 2 回の入力が一致しません。
admin-set-submit = 決めて暗号化する
admin-enter-submit = 管理者モードにする
admin-checking = 確認しています…
admin-cancel = キャンセル
admin-gate-title = 管理者モードが必要です
admin-gate-text = この画面は職員の個人の情報を扱うため、管理者モードでだけ開けます。10 分間操作がないと職員モードに戻ります。
access-admin-needed = この操作は管理者モードでだけできます。
access-admin-expired = 操作がなかったため管理者モードを終了しました。もう一度パスフレーズを入力してください。
access-data-locked = この PC のデータは暗号化されていて、まだ開かれていません。管理者がパスフレーズを入力すると使えるようになります。
access-no-passphrase = 管理者のパスフレーズがまだ決まっていません。

settings-encryption = データの暗号化
settings-encrypted = 暗号化されています（管理者のパスフレーズ）
settings-not-encrypted = 暗号化されていません（管理者のパスフレーズを決めると暗号化されます）
settings-admin-parts = ポリシーパックの取り込み、バックアップ、パスフレーズの変更は管理者モードで行います。
settings-passphrase = 管理者のパスフレーズ
settings-passphrase-current = 現在のパスフレーズ
settings-passphrase-submit = 変更してデータを暗号化し直す
settings-passphrase-changed = パスフレーズを変更しました。データは新しいパスフレーズで暗号化されています。

## 操作記録 screen (ui/src/screens/AuditScreen.svelte)

audit-training-results-imported = 受講記録ファイル { $file } を取り込みました（職員 { $employee_no }、{ $year } 年度、合格した研修 { $passed } 件{ $status ->
    [duplicate] 、取り込み済みと同じ
    [updated] 、前のファイルを更新
   *[other] {""}
  }）
audit-training-results-refused = 受講記録ファイル { $file } を取り込みませんでした：{ $reason }
audit-elearning-passed = 理解度テストに合格しました（職員 { $employee_no }、{ $year } 年度、{ $course }、{ $score }/{ $total } 問）
audit-policy-acknowledged = ポリシーの閲覧確認をしました（職員 { $employee_no }、{ $pack } 版 { $version }）

audit-remedy-progress-recorded = 改善策の状況を記録しました（職員 { $employee_no }、{ $year } 年度、{ $role }、第 { $version } 版、変更 { $changed } 件、完了 { $done } 件{ $paper ->
    [yes] 、紙で届いた報告
   *[no] {""}
  }）

audit-title = 操作記録
audit-intro = 管理者が行った変更（名簿の取り込み、研修の記録、提出ファイルの取り込み、報告書の出力、パックの取り込み、バックアップなど）の記録です。記録は追記だけで、各記録は前の記録のハッシュを含むため、書き換えや削除は検出されます。
audit-intact = 改ざんは検出されませんでした（{ $entries } 件）。
audit-broken-edited = { $seq } 番の記録が書き換えられています（全 { $entries } 件）。
audit-broken-missing = { $seq } 番の前後で記録が削除または挿入されています（全 { $entries } 件）。
audit-broken-truncated = { $seq } 番以降の記録が削除されています（残り { $entries } 件）。
audit-empty = まだ記録はありません。
audit-more = さらに表示
audit-export = CSV で書き出す
audit-export-sjis = Excel 向け（Shift_JIS）
audit-export-done = 書き出しました：{ $path }
