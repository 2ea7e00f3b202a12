# 報告書（PDF）：自己点検結果報告書・研修実施状況報告書・修了証

## 共通

report-none = —
report-page = { $page } / { $pages }
report-total = 合計
report-confidential = 取扱注意
report-approval-caption = 決裁
# 決裁欄の既定の欄（左から。カンマ区切り。--approvers で変えられます）
report-approvers-default = CISO,統括責任者,担当
report-author-default = 情報セキュリティ担当課
report-addressee = 情報セキュリティ統括責任者
report-cover-dept = 対象所属：{ $dept }
report-cover-created = 作成日
report-cover-author = 作成者
report-cover-addressee = 報告先
report-header-title-dept = { $title }（{ $dept }）
report-footer-created = 作成日 { $date }
report-date-long = { $era }年（{ $year }年）{ $month }月{ $day }日
report-date-short = { $era }年{ $month }月{ $day }日
report-fiscal-year = { $wareki }（{ $year }年度）
report-fiscal-year-short = { $wareki }

report-col-item = 項目
report-col-value = 値
report-col-code = コード
report-col-dept = 所属
report-col-role = 役割
report-col-chapter = 章
report-col-required = 対象
report-col-submitted = 提出
report-col-not-submitted = 未提出
report-col-submission-rate = 提出率
report-col-rate = 実施率
report-col-rate-chart = 実施率（グラフ）
report-col-question = 設問
report-col-answer = 回答
report-col-remedy = 改善策
report-col-due = 期限
report-col-implemented = 実施
report-col-partial = 一部実施
report-col-not-implemented = 未実施
report-col-not-applicable = 該当なし
report-col-category = 区分
report-col-subject = 対象
report-col-overall = 全体
report-col-change = 増減（ポイント）
report-col-no = No.
report-col-held-on = 実施日
report-col-course = 研修名
report-col-method = 実施方法
report-col-attendees = 受講者数
report-col-target = 対象者
report-col-done = 修了
report-col-not-done = 未修了
report-col-overdue = 期限超過
report-col-completion = 修了率
report-col-completion-chart = 修了率（グラフ）
report-col-people = 職員数
report-col-required-courses = 受講対象（延べ）
report-col-overdue-people = 期限超過者
report-col-employee-no = 職員番号
report-col-name = 氏名
report-col-incomplete-courses = 未修了の研修

report-answer-partial = 一部実施
report-answer-not-implemented = 未実施

report-method-classroom = 集合研修
report-method-elearning = eラーニング
report-method-video = 動画視聴

report-error-font = 報告書の書体（{ $name }）を読み込めません
report-error-unknown-dept = 所属コード「{ $code }」は職員名簿にありません
report-error-unknown-staff = 職員番号「{ $employee_no }」は職員名簿にありません
report-error-unknown-session = 研修の実施記録（ID { $id }）はありません
report-error-session-pack = 研修の実施記録（ID { $id }）は { $found } の研修で、{ $expected } のものではありません
report-error-nothing-to-certify = 修了証を作る受講記録がありません（年度・職員番号・実施記録 ID を確かめてください）
report-error-pdf = PDF を作成できません：{ $detail }
report-written = { $path } に報告書を書き出しました（{ $pages } ページ、{ $size }）

## 自己点検結果報告書

report-sc-title = 情報セキュリティ自己点検結果報告書
report-sc-intro = { $year }の情報セキュリティ自己点検の結果を、次のとおり報告します。提出を要する { $required } 件のうち { $submitted } 件が提出され、提出された回答全体の実施率は { $rate } でした。
report-sc-section-summary = 1　実施結果の概要
report-sc-required = 提出を要する件数（職員・役割ごと）
report-sc-submitted = 提出済みの件数
report-sc-submission-rate = 提出率
report-sc-rate-of = 実施率（{ $year }）
report-sc-rate-change = 前年度からの増減（ポイント）
report-sc-answers-implemented = 回答の内訳：実施している
report-sc-answers-partial = 回答の内訳：一部実施
report-sc-answers-not-implemented = 回答の内訳：実施していない
report-sc-answers-not-applicable = 回答の内訳：該当なし
report-sc-remedy-count = 改善策を要する項目（一部実施・実施していない）
report-sc-pending-depts = 未提出者のいる所属の数
report-sc-rate-note = 実施率＝「実施している」÷（「実施している」＋「一部実施」＋「実施していない」）。「該当なし」は含めていません。
report-sc-unexpected-note = このほか、現在の名簿では提出を要しない { $count } 件の提出（異動・退職・役割の変更によるもの）も実施率に含めています。
report-sc-section-chapters = 2　章別の実施状況
report-sc-chapters-lead = 情報セキュリティ対策基準の章ごとの実施率を、前年度と並べて示します。
report-sc-section-roles = 3　役割別の実施状況
report-sc-section-departments = 4　所属別の提出・実施状況
report-sc-section-comparison = 8　前年度との比較
report-sc-compare-up = 全体の実施率は、{ $previous }の { $before } から{ $year }は { $now } となり、{ $points } ポイント上昇しました。
report-sc-compare-down = 全体の実施率は、{ $previous }の { $before } から{ $year }は { $now } となり、{ $points } ポイント低下しました。
report-sc-compare-same = 全体の実施率は、{ $previous }と{ $year }で変わらず { $now } でした。
report-sc-compare-none = { $previous }の提出がないため、前年度との比較はできません（{ $year }の実施率は { $now }）。
report-sc-section-pending = 9　未提出の所属
report-sc-no-pending = すべての所属で、提出を要する全員が提出しています。
report-sc-pending-lead = 未提出者のいる所属は { $depts } 所属（うち提出が一件もない所属 { $none }）、未提出は { $people } 件です。
report-sc-section-remedies = 改善策一覧（一部実施・実施していない項目）
report-sc-detail-title = 情報セキュリティ自己点検結果報告書　別冊（改善策一覧）
report-sc-section-lowest = 5　実施率の低い項目
report-sc-lowest-none = すべての項目が「実施している」でした。
report-sc-lowest-lead = 実施率の低い { $count } 項目です。根拠条項は、職員に守られていない規定を示します。
report-sc-section-remedy-items = 6　改善策の状況（項目別）
report-sc-remedy-counts = 改善策は { $total } 件で、完了 { $done } 件（完了率 { $rate }）、対応中 { $in_progress } 件、未着手 { $not_started } 件、取り下げ { $withdrawn } 件です。期限を過ぎても完了していないもの（期限超過）は { $overdue } 件です。
report-sc-remedy-items-lead = 改善策の多い項目 { $shown } 件を示します（改善策のある項目は全 { $items } 件）。一人ひとりの改善策は別冊と CSV にあります。
report-sc-section-previous-remedies = 7　前年度の改善策の状況（改善の状況）
report-sc-previous-remedies = { $year }の改善策 { $total } 件のうち、完了 { $done } 件（完了率 { $rate }）、対応中 { $in_progress } 件、未着手 { $not_started } 件、取り下げ { $withdrawn } 件、期限超過 { $overdue } 件です。
report-sc-previous-remedies-none = { $year }の提出がないため、前年度の改善策の状況は示せません。
report-sc-pending-more = ほかに { $more } 所属に未提出者がいます（4 所属別の提出・実施状況を参照）。
report-sc-remedy-done-rate = 改善策の完了率
report-sc-remedy-overdue = 改善策の期限超過
report-col-remedies = 改善策
report-col-remedies-done = 完了
report-col-remedies-overdue = 期限超過
report-col-done-rate = 完了率
report-col-clauses = 根拠条項
report-col-status = 状況
report-sc-no-remedies = 「一部実施」「実施していない」と回答された項目はありません。
report-sc-remedies-lead = 「一部実施」「実施していない」と回答された { $count } 件の改善策と期限を、設問ごとに所属順で示します。
report-sc-question = 【{ $role } { $item }】{ $question }

## 研修実施状況報告書

report-tr-title = 情報セキュリティ研修実施状況報告書
report-tr-intro = { $year }の情報セキュリティ研修の実施状況を、次のとおり報告します。{ $date }現在、研修を { $sessions } 回実施し、延べ { $attendances } 人が受講しました。受講が必要な研修の修了率は { $rate } です。
report-tr-section-summary = 1　実施状況の概要
report-tr-people = 対象職員数（年度中に在職した職員）
report-tr-required = 受講が必要な研修（延べ）
report-tr-done = 修了（延べ）
report-tr-rate = 修了率
report-tr-sessions = 実施回数
report-tr-attendances = 受講者数（延べ）
report-tr-incomplete-people = 未修了の研修がある職員
report-tr-overdue-people = うち期限を過ぎた職員
report-tr-rate-note = 修了率＝修了した研修の数÷受講が必要な研修の数（職員ごとに数えた延べ）。新規採用職員研修は年次研修の受講にも数えます。
report-tr-section-sessions = 2　研修の実施状況
report-tr-no-sessions = この年度の研修の実施記録はありません。
report-tr-sessions-dept-note = この所属の職員が受講した回だけを示し、受講者数はこの所属の職員の数です。
report-tr-section-courses = 3　研修別の修了状況
report-tr-legend = 修了率（{ $year }）
report-tr-section-roles = 4　役割別の修了状況
report-tr-section-departments = 5　所属別の修了状況
report-tr-section-incomplete = 6　未修了者一覧（所属別）
report-tr-section-elearning = 7　e-ラーニング（理解度テスト・閲覧確認）
report-el-intro = 「{ $course }」の対象 { $people } 人のうち、理解度テストの合格 { $passed } 人、受験したが未合格 { $attempted } 人、未受講 { $not_started } 人。平均点 { $average }。ポリシー現行版（{ $version }）の閲覧確認 { $ack } 人、旧版のみ { $older } 人、未確認 { $none } 人（職員から取り込んだ受講記録ファイルによる）。
report-el-col-passed = 合格
report-el-col-attempted = 未合格
report-el-col-not-started = 未受講
report-el-col-average = 平均点
report-el-col-ack = 閲覧確認
report-el-missed-title = 誤答の多い問題（職員に十分に知られていない規定）
report-el-missed-none = 集計できる受験はまだありません。
report-el-col-question = 問題
report-el-col-missed = 誤答率
report-el-col-clauses = 根拠条項
report-tr-no-incomplete = 受講が必要な研修をすべて修了しています。
report-tr-incomplete-lead = 受講が必要な研修を修了していない職員は { $depts } 所属の { $people } 人です。期限を過ぎたものには（期限超過）と記しています。
report-tr-overdue-mark = { $date }（期限超過）
report-tr-dept-cell = { $name }（{ $code }）

## 修了証

report-cert-document-title = 修了証
report-cert-number = 第 { $year }-{ $session }-{ $employee_no } 号
report-cert-title = 修　了　証
report-cert-dept = 所属　{ $dept }
report-cert-name = 氏名　{ $name }　様
report-cert-body = あなたは、{ $date }に実施された「{ $course }」（{ $method }）を修了したことを証します。
report-cert-issuer = 情報セキュリティ統括責任者
report-cert-seal = 印

## 所属別結果票
report-dept-title = 情報セキュリティ自己点検　所属別結果票
report-dept-heading = { $dept }（{ $code }）　{ $year }
report-dept-intro = 提出を要する { $required } 件のうち { $submitted } 件が提出されました。所属の実施率は { $rate }（組織全体 { $org_rate }）。改善策 { $remedies } 件のうち完了 { $done } 件、期限超過 { $overdue } 件です。
report-dept-people = 提出の状況（職員・役割ごと）
report-dept-col-submitted = 提出
report-dept-submitted = 第 { $version } 版（{ $date }）
report-dept-not-submitted = 未提出
report-dept-chapters = 章別の実施率（組織全体と比べて）
report-dept-col-rate = 所属
report-dept-col-org-rate = 組織全体
report-dept-remedies = 改善策（期限超過を先に）

## 自己点検票（紙）
report-form-title = 情報セキュリティ自己点検票（{ $role }）
report-form-dept = 所属
report-form-name = 氏名
report-form-employee-no = 職員番号
report-form-date = 記入日
report-form-date-blank = 　　年　　月　　日
report-form-how = 各項目について、あてはまる回答の □ に ✓ を記入してください。「一部実施」「実施していない」のときは、右の欄に改善策（これから何をするか）と期限を書いてください。番号は集計用です（代理入力のときに使います）。
report-form-gates = 事前確認（「いいえ」の場合、その確認に続く項目は「該当なし」です）
report-form-items = 点検項目
report-form-col-no = 番号
report-form-col-question = 点検項目（根拠条項）
report-form-col-answer = 回答
report-form-col-remedy = 改善策・期限（一部実施・実施していないとき）
report-form-yes-no = □ はい　□ いいえ
report-form-remedy = 改善策：
report-form-due = 期限：　　年　　月　　日
report-form-gated = （事前確認 { $gate } が「はい」のとき）
report-form-clauses = 〔根拠：{ $clauses }〕
report-form-return = 記入したら、所属の情報管理者（課長）を通じて情報セキュリティ担当に提出してください。担当が Tebiki に代理入力します（紙で提出として記録されます）。
