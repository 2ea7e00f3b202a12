//! The Windows console. Rust's standard output already writes to a console
//! as UTF-16 (WriteConsoleW) and to a file or pipe as UTF-8 bytes, so
//! redirected output stays UTF-8. What does not go through it is the
//! passphrase prompt: rpassword writes UTF-8 bytes to `CONOUT$`, which a
//! Japanese Windows console would show in its code page (932) as garbage.
//! So while the CLI runs, a console it is attached to is switched to the
//! UTF-8 code page, and switched back on exit so the user's window is left
//! as it was. Nothing happens when no console is attached (redirected, CI).

/// Restores the console's output code page when dropped.
pub struct Utf8Console {
    #[cfg(windows)]
    previous: Option<u32>,
}

impl Utf8Console {
    #[cfg(windows)]
    pub fn enable() -> Self {
        use windows_sys::Win32::System::Console::{GetConsoleOutputCP, SetConsoleOutputCP};
        const CP_UTF8: u32 = 65001;
        // GetConsoleOutputCP returns 0 when the process has no console.
        // SAFETY: plain Win32 calls without pointers.
        let previous = unsafe {
            let cp = GetConsoleOutputCP();
            (cp != 0 && cp != CP_UTF8 && SetConsoleOutputCP(CP_UTF8) != 0).then_some(cp)
        };
        Utf8Console { previous }
    }

    #[cfg(not(windows))]
    pub fn enable() -> Self {
        Utf8Console {}
    }
}

#[cfg(windows)]
impl Drop for Utf8Console {
    fn drop(&mut self) {
        if let Some(cp) = self.previous {
            // SAFETY: as above.
            unsafe { windows_sys::Win32::System::Console::SetConsoleOutputCP(cp) };
        }
    }
}
