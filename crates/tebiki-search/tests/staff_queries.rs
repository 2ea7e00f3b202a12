//! Staff-phrased queries (issue 19): questions, particles, everyday words,
//! loanwords, misspellings, one word and whole sentences, over 神戸市 (kobe)
//! and 勝浦市 (katsuura), whose words differ. Each must find one of its
//! expected clauses in the top 5, searching that pack (as the app does when
//! the user's pack is set).
//!
//! The same list is in `tebiki bench search` (crates/tebiki-cli/src/commands/bench_search.rs).

use tebiki_core::pack::library::PackLibrary;
use tebiki_search::{SearchIndex, SearchOptions};

/// (query, pack, clauses of which one must be in the top 5)
pub const STAFF_QUERIES: &[(&str, &str, &[&str])] = &[
    // The six queries of the issue.
    ("パソコンを紛失した", "kobe", &["7.1.1", "6.4.4", "7.3.1"]),
    ("私物のパソコンを使いたい", "kobe", &["7.1.1"]),
    ("ウイルスに感染したら", "kobe", &["8.4.2"]),
    ("テレワーク", "kobe", &["7.1.1", "8.2.2"]),
    ("SNS", "kobe", &["8.1.25"]),
    ("退職者のアカウント", "kobe", &["8.2.1"]),
    // Losing things, theft.
    ("スマホをなくした", "kobe", &["6.4.4", "7.1.1"]),
    ("パソコンを電車に置き忘れてしまいました。どうすればいいですか？", "kobe", &["7.1.1", "6.4.4"]),
    ("ノートパソコンを盗まれた", "kobe", &["6.4.4", "6.4.1", "7.1.1"]),
    ("職員証をなくした", "kobe", &["7.4.1"]),
    // Own devices, media.
    ("私物のスマホで仕事のメールを見てもいいですか", "kobe", &["7.1.1", "8.1.17"]),
    ("USBメモリを使いたい", "kobe", &["7.1.1", "8.4.1", "8.4.2", "6.4.1", "6.4.3"]),
    ("自分のUSBを挿してもいい？", "kobe", &["7.1.1", "8.4.1", "8.4.2", "8.1.20"]),
    // Passwords.
    ("パスワードを忘れた", "kobe", &["7.4.3", "8.2.6"]),
    ("パスワードを人に教えてもいい？", "kobe", &["7.4.3"]),
    ("パスワードを付箋に書いて貼ってもいい", "kobe", &["7.4.3"]),
    ("ぱすわーど", "kobe", &["7.4.3"]),
    ("パスワードの使い回し", "kobe", &["7.4.3"]),
    ("パスワードは何文字", "kobe", &["7.4.3", "8.2.6"]),
    // Email, phishing, viruses.
    ("怪しいメールが来た", "kobe", &["8.4.2"]),
    ("メールを間違えて送ってしまった", "kobe", &["8.1.17"]),
    ("メール誤送信", "kobe", &["8.1.17"]),
    ("知らない人からメールが来て添付ファイルを開いてしまった", "kobe", &["8.4.2"]),
    ("フィッシングメールのリンクをクリックした", "kobe", &["8.4.2", "8.5.7"]),
    ("BCCで一斉送信", "kobe", &["8.1.17"]),
    ("Gmailに転送したい", "kobe", &["8.1.17"]),
    ("ウィルス", "kobe", &["8.4.2", "8.4.1"]),
    ("ランサムウェア", "kobe", &["8.4", "8.4.1", "8.4.2"]),
    ("ウイルス対策ソフトの設定", "kobe", &["8.4.2", "8.4.1"]),
    // Software, settings, updates.
    ("フリーソフトをインストールしたい", "kobe", &["8.1.19"]),
    ("アプリを入れてもいいですか", "kobe", &["8.1.19"]),
    ("ソフトのアップデート", "kobe", &["8.4.2", "8.3.7", "8.6.1"]),
    ("設定を変えてもいい？", "kobe", &["7.1.1", "8.4.2", "8.1.20"]),
    // Networks, web, SNS, cloud, meetings.
    ("Wi-Fiにつなぎたい", "kobe", &["8.1.15", "8.1.21"]),
    ("ﾌﾘｰWiFi", "kobe", &["8.1.15", "8.1.21", "6.4.5"]),
    ("ツイッターに投稿", "kobe", &["8.1.25"]),
    ("ＬＩＮＥで連絡", "kobe", &["8.1.25"]),
    ("YouTubeを見てもいい", "kobe", &["8.1.23"]),
    ("ネットで私用のサイトを見る", "kobe", &["8.1.23"]),
    ("クラウドにファイルを保存", "kobe", &["10.2", "8.1.17"]),
    ("Zoomで会議", "kobe", &["8.1.24"]),
    ("Teams", "kobe", &["8.1.24"]),
    ("ホームページに載せる", "kobe", &["8.1.12"]),
    // Working outside, taking things out.
    ("在宅勤務", "kobe", &["7.1.1", "8.2.2", "6.3.6"]),
    ("自宅からアクセス", "kobe", &["8.2.2", "6.3.6"]),
    ("データを家に持ち帰りたい", "kobe", &["7.1.1"]),
    ("電車でパソコンを使う", "kobe", &["7.1.1"]),
    ("持ち出し", "kobe", &["7.1.1"]),
    ("個人情報を持ち出す", "kobe", &["7.1.1", "4.2"]),
    ("画面ロック", "kobe", &["7.1.1", "6.4.4"]),
    ("離席するときは", "kobe", &["7.1.1"]),
    ("覗き見", "kobe", &["6.4.4", "7.1.1"]),
    // Disposal, copiers, printing.
    ("古いパソコンを捨てたい", "kobe", &["6.1.7", "4.2"]),
    ("書類の捨て方", "kobe", &["4.2", "4.3"]),
    ("コピー機のデータ消去", "kobe", &["8.1.13"]),
    ("印刷した書類を机に置きっぱなし", "kobe", &["7.1.1"]),
    // People, contractors, visitors.
    ("異動のときの引継ぎ", "kobe", &["7.1.1", "8.2.1"]),
    ("辞めた人のID", "kobe", &["8.2.1"]),
    ("アルバイトにも適用される？", "kobe", &["7.1.2"]),
    ("業者にデータを渡す", "kobe", &["4.2", "10.1.2", "10.1.1"]),
    ("来客をサーバールームに入れる", "kobe", &["6.2.2"]),
    // Incidents, rules.
    ("インシデントの報告先", "kobe", &["7.3.1"]),
    ("情報漏洩したらどうする", "kobe", &["7.3.1", "7.3.2", "9.4.1"]),
    ("違反したらどうなる", "kobe", &["9.7.1", "9.7.2"]),
    ("研修はいつ？", "kobe", &["7.2.2", "7.2.1"]),
    ("データを暗号化して送る", "kobe", &["8.1.18", "4.2"]),
    // 勝浦市: an older standard with other words (重要機能室, 記憶媒体, 持出し, 訪問者).
    ("パスワードを変えたい", "katsuura", &["59"]),
    ("パスワード変更", "katsuura", &["59"]),
    ("パスワードを人に教えた", "katsuura", &["63", "61"]),
    ("パスワードを付箋に貼る", "katsuura", &["61"]),
    ("誕生日をパスワードにしてもいい？", "katsuura", &["62"]),
    ("退職したらIDはどうなる", "katsuura", &["60", "66"]),
    ("アカウントを消す", "katsuura", &["60"]),
    ("ウイルスに感染した", "katsuura", &["78", "81", "14"]),
    ("怪しいファイルを開いた", "katsuura", &["80"]),
    ("フリーソフトを入れたい", "katsuura", &["80", "77"]),
    ("USBメモリを捨てる", "katsuura", &["97"]),
    ("書類を捨てる", "katsuura", &["97", "91"]),
    ("データを持ち出したい", "katsuura", &["96"]),
    ("持ち出し", "katsuura", &["96"]),
    ("来客", "katsuura", &["50"]),
    ("サーバールームに入りたい", "katsuura", &["48", "49"]),
    ("部屋の鍵をかける", "katsuura", &["51", "92"]),
    ("火事", "katsuura", &["22", "93"]),
    ("地震", "katsuura", &["23", "32"]),
    ("雷", "katsuura", &["36"]),
    ("停電したら", "katsuura", &["39", "37", "35"]),
    ("業者に頼む", "katsuura", &["119", "122"]),
    ("故障したら", "katsuura", &["112", "111", "113"]),
    ("ハッキングされた", "katsuura", &["ch7-s2", "115", "116", "117", "118"]),
    ("不正ログイン", "katsuura", &["89", "115", "57"]),
    ("パソコンをネットワークにつなぎたい", "katsuura", &["99"]),
    ("サーバー室でタバコ", "katsuura", &["46"]),
    ("ソフトの違法コピー", "katsuura", &["11"]),
    ("自己点検", "katsuura", &["15", "16", "17"]),
    ("障害の連絡先", "katsuura", &["111"]),
];

/// Top-5 clause ids of `q` in `pack`.
pub fn top5(index: &SearchIndex, q: &str, pack: &str) -> Vec<String> {
    let r = index.search(q, &SearchOptions { pack: Some(pack.to_owned()), limit: 5 }).unwrap();
    r.hits.into_iter().map(|h| h.clause_id).collect()
}

fn failures(index: &SearchIndex) -> Vec<String> {
    let mut out = Vec::new();
    for (q, pack, expected) in STAFF_QUERIES {
        let top = top5(index, q, pack);
        let ok = expected.iter().any(|e| top.iter().any(|t| t == &format!("{pack}/taisaku/{e}")));
        if !ok {
            out.push(format!("{q:?} ({pack}): expected one of {expected:?} in top 5, got {top:?}"));
        }
    }
    out
}

#[test]
fn staff_queries_find_their_clause_in_the_top_5() {
    let index = SearchIndex::build(&PackLibrary::load(None)).unwrap();
    assert!(STAFF_QUERIES.len() >= 60);
    assert!(STAFF_QUERIES.iter().filter(|c| c.1 == "katsuura").count() >= 20);
    let failed = failures(&index);
    assert!(failed.is_empty(), "{} of {} staff queries failed:\n{}", failed.len(), STAFF_QUERIES.len(), failed.join("\n"));
}
