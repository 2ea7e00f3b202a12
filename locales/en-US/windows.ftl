# Windows only: the desktop app cannot open its window without the WebView2 runtime.
webview2-missing-title = Tebiki cannot open its window
webview2-missing-text = This PC lacks the Microsoft Edge WebView2 runtime, which Tebiki needs to show its window.
    The WebView2 runtime is part of Windows 11 and of up-to-date Windows 10. On older Windows 10 (LTSC and similar), ask your IT section to install the "WebView2 Runtime (Evergreen Standalone Installer)". Tebiki never downloads anything from the internet.
    Meanwhile the command-line tebiki.exe works.
