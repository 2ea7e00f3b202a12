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
   *[certificate] 修了証
}を出力しました（{ $file }）
audit-personal-data-exported = { $kind ->
    [submissions] 自己点検の提出ファイル
    [remedies] 改善策の一覧
    [overdue] 研修の未受講者一覧
   *[audit] 操作記録
}を書き出しました（{ $file }）
audit-pack-imported = ポリシーパック { $pack }（版 { $version }）を取り込みました
audit-backup-made = バックアップを作成しました（{ $file }）
audit-backup-restored = バックアップ { $file } からデータを復元しました
audit-demo-created = 試用のための架空の組織を作成しました（職員 { $staff } 名）
