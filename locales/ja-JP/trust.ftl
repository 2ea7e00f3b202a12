## Issue 13 (trust, second pass): year range, audit tail, held submissions,
## roster 退職 warning, size limits

error-year-out-of-range = 年度「{ $year }」は扱えません。{ $min } から { $max } までの年度を指定してください。
error-file-too-large = { $path } は大きすぎるため読み込みませんでした（{ $max_mb } MB まで）。

## 職員名簿: 退職 from a full import (crates/tebiki-store/src/roster_store.rs)
roster-kept-rejected = 読み込めない行に書かれた { $count } 人は、名簿に残したままにしました（退職扱いにしていません）。行を直してから取り込み直してください。
roster-many-deactivated = 注意：この取り込みで、現在の職員 { $active } 人のうち { $deactivated } 人が退職扱いになります（1 割を超えます）。
roster-import-many-needs-yes = 現在の職員 { $active } 人のうち { $deactivated } 人が退職扱いになるため、取り込みませんでした。一部の職員だけの名簿なら --partial を、本当に全員分の名簿なら --yes を付けてください。
roster-import-many-needs-confirm = 多くの職員が退職扱いになります。プレビューで確認の欄にチェックを入れてから取り込んでください。
roster-preview-many-deactivated = この取り込みで、現在の職員 { $active } 人のうち { $deactivated } 人が退職扱いになります。
roster-preview-many-deactivated-help = 1 割を超える職員が一度に退職扱いになるのは、一部の職員だけの名簿を「全職員の名簿」として取り込むときや、ファイルが壊れているときによく起こります。一部だけの名簿なら「全職員の名簿である」のチェックを外してください。
roster-preview-many-deactivated-confirm = 全職員の名簿であり、{ $deactivated } 人を退職扱いにしてよいことを確認しました

## 操作記録: the end of the chain (crates/tebiki-store/src/audit.rs)
cli-audit-replaced = 操作記録の { $seq } 番が、この PC が記録したものと違います。記録の末尾が差し替えられています（全 { $entries } 件）。
cli-audit-unconfirmed = 操作記録のつながりに改ざんは見つかりませんでしたが、{ $seq } 番までの末尾が削除・差し替えされていないことは確認できません（この PC の desk.db が失われています）。別の場所に保管した書き出しと照合してください（全 { $entries } 件）。
audit-broken-replaced = { $seq } 番の記録が、この PC が記録したものと違います。記録の末尾が差し替えられています（全 { $entries } 件）。
audit-unconfirmed = 記録のつながりに改ざんは見つかりませんでしたが、{ $seq } 番までの末尾が削除・差し替えされていないことは確認できません（この PC の desk.db が失われています）。別の場所に保管した書き出しと照合してください（全 { $entries } 件）。
audit-backup-restored-replacing = バックアップ { $file } からデータを復元しました（置き換えた操作記録は { $replaced_seq } 番まで、最後のハッシュ { $replaced_hash }。置き換える前のデータは { $kept } に保存）

## 自己点検: submission files held for the 管理者's decision (crates/tebiki-store/src/selfcheck_held.rs)
selfcheck-held-reason = 第 { $version } 版ですが、この職員・役割・年度の次の版は第 { $expected } 版です。飛んだ版は取り込まず、管理者の判断を待っています（ダイジェストは誰でも計算し直せるため、版番号が正しいとは限りません）
selfcheck-import-status-held = 版番号が飛んでいるため保留にしました
selfcheck-import-held-line = { $file }：保留（番号 { $id }）— { $reason }
selfcheck-import-held-summary = 保留 { $held } 件（tebiki selfcheck held list で確認し、accept または reject で判断してください）
selfcheck-held-title = 保留中の提出ファイル（版が飛んでいるもの）
selfcheck-held-accept = 取り込む
selfcheck-held-reject = 取り込まない
selfcheck-held-none = 保留中の提出ファイルはありません。
selfcheck-held-line = { $id }：{ $file }（{ $name }、職員 { $employee_no }、{ $role }、{ $year } 年度）— { $reason }
selfcheck-held-accepted = 保留 { $id } を取り込みました（{ $status }）
selfcheck-held-rejected = 保留 { $id }（{ $file }）を取り込まずに破棄しました
selfcheck-error-no-held = 保留中の提出ファイル { $id } はありません
audit-submission-held = 自己点検の提出ファイル { $file } を保留にしました（職員 { $employee_no }、{ $year } 年度、第 { $version } 版。次の版は第 { $expected } 版）
audit-submission-held-accepted = 保留していた提出ファイル { $file } を取り込みました（職員 { $employee_no }、{ $year } 年度、第 { $version } 版）
audit-submission-held-rejected = 保留していた提出ファイル { $file } を取り込まずに破棄しました（職員 { $employee_no }、{ $year } 年度、第 { $version } 版）
selfcheck-import-held-ui = { $held } 件のファイルは版番号が飛んでいるため保留にしました（現在の回答にはしていません）。管理者が取り込むか破棄するかを判断します。
