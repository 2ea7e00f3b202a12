# 研修：職員名簿と受講記録

roster-error-empty = ファイルが空です
roster-error-encoding = 文字コードを判別できません（UTF-8 または Shift_JIS の CSV にしてください）
roster-error-missing-column = 必須の列「{ $column }」がありません
roster-error-csv = CSV の { $line } 行目を読めません：{ $detail }
roster-error-csv-row = CSV として読めない行です：{ $detail }
roster-reject-no-employee-no = 職員番号が空です
roster-reject-no-name = 職員番号 { $employee_no } の氏名が空です
roster-reject-no-dept = 職員番号 { $employee_no } の所属が空です
roster-reject-bad-date = 「{ $column }」の日付「{ $value }」を読み取れません（例：2025/4/1、令和7年4月1日、R7.4.1）
roster-reject-left-before-hired = 職員番号 { $employee_no } の退職日が採用日より前です
roster-reject-duplicate = 職員番号 { $employee_no } が重複しています（最初は { $first } 行目）

roster-import-summary = 追加 { $added } 人、更新 { $updated } 人、退職扱い { $deactivated } 人、変更なし { $unchanged } 人、読み込めない行 { $rejected } 件（{ $encoding }）
roster-import-dry-run = （試行のみ：データベースは変更していません）
roster-import-rejected-line = { $line } 行目：{ $reason }
roster-file-unreadable = { $path } を読めません：{ $detail }
training-no-pack = 団体のポリシーが選ばれていません。アプリの「設定」で選ぶか、--pack で指定してください
training-unknown-course = 研修「{ $course }」はこのポリシーの研修一覧にありません（あるもの：{ $known }）
training-bad-date = 日付「{ $value }」を読み取れません
training-bad-method = 実施方法「{ $value }」は使えません（集合、eラーニング、動画）
training-no-attendees = 受講者がいません（--dept、--staff または --attendance で指定してください）
training-recorded = { $date } の研修を記録しました：受講者 { $attendees } 人、名簿にない職員番号 { $unmatched } 件
training-status-summary = { $year }：対象 { $people } 人、受講率 { $rate }%（期限を過ぎた未受講者を次に示します）
training-no-pack-ui = 団体のポリシーが選ばれていません。「設定」で所属する団体のポリシーを選んでください。
training-no-attendees-ui = 受講者を一人以上選んでください。
overdue-col-no = 職員番号
overdue-col-name = 氏名
overdue-col-dept-code = 所属コード
overdue-col-dept = 所属名
overdue-col-courses = 未受講の研修
