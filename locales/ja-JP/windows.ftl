# Windows only: the desktop app cannot open its window without the WebView2 runtime.
webview2-missing-title = 手引き：画面を表示できません
webview2-missing-text = この PC には Microsoft Edge WebView2 ランタイムがないため、手引きの画面を表示できません。
    WebView2 ランタイムは Windows 11 と更新済みの Windows 10 に含まれています。古い Windows 10（LTSC など）では、情報システム担当に「WebView2 ランタイム（Evergreen スタンドアロン版）」の導入を依頼してください。手引きがインターネットから何かをダウンロードすることはありません。
    それまでの間も、コマンドライン版 tebiki.exe は使えます。
