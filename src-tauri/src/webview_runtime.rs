//! Windows: the app draws its window with the Microsoft Edge WebView2
//! runtime, which is part of Windows 11 and of up-to-date Windows 10 but may
//! be missing (older LTSC builds, removed by policy). Tebiki never downloads
//! it. Without it the window cannot be created, and a GUI program has no
//! console to say why, so the user gets a message box saying what is missing
//! and whom to ask, in the language chosen in 設定.

use tebiki_core::settings::Language;

/// True when the window can be shown; otherwise the user has been told why
/// (`lang` is read only then).
#[cfg(windows)]
pub fn available_or_explained(lang: impl FnOnce() -> Language) -> bool {
    if tauri::webview_version().is_ok() {
        return true;
    }
    let lang = lang();
    use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONERROR, MB_OK};
    let wide = |s: String| s.encode_utf16().chain(std::iter::once(0)).collect::<Vec<u16>>();
    let title = wide(tebiki_i18n::tr(lang, "webview2-missing-title"));
    let text = wide(tebiki_i18n::tr(lang, "webview2-missing-text"));
    // SAFETY: both buffers are NUL-terminated UTF-16 and outlive the call.
    unsafe { MessageBoxW(std::ptr::null_mut(), text.as_ptr(), title.as_ptr(), MB_OK | MB_ICONERROR) };
    false
}

#[cfg(not(windows))]
pub fn available_or_explained(_lang: impl FnOnce() -> Language) -> bool {
    true
}
