//! 職員モード / 管理者モード in the shell: which commands may touch the
//! store, entering and leaving 管理者モード, the passphrase, the 操作記録.
//! The checks are here, not in the UI: a command refuses on its own.

use crate::AppState;
use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::MutexGuard;
use std::time::Instant;
use tauri::State;
use tebiki_core::admin_session::{AccessStatus, AdminCheck, ADMIN_IDLE_LIMIT};
use tebiki_i18n::tr;
use tebiki_store::{Action, Actor, AuditRow, AuditVerdict, Store, MIN_PASSPHRASE_CHARS};

type CmdResult<T> = Result<T, String>;

/// The open store, borrowed for one command.
pub struct StoreGuard<'a>(MutexGuard<'a, Option<Store>>);

impl Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        self.0.as_ref().expect("checked when the guard was made")
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        self.0.as_mut().expect("checked when the guard was made")
    }
}

impl AppState {
    /// The store for 職員モード work (one's own 自己点検): open unless a
    /// passphrase is set and nobody has entered it since the app started.
    pub fn staff_store(&self) -> CmdResult<StoreGuard<'_>> {
        let guard = self.store.lock().map_err(|e| e.to_string())?;
        if guard.is_none() {
            return Err(tr(self.lang(), "access-data-locked"));
        }
        Ok(StoreGuard(guard))
    }

    /// The store for an administrative command: only in 管理者モード, which
    /// this use keeps alive (idle time ends it).
    pub fn admin_store(&self) -> CmdResult<StoreGuard<'_>> {
        let check = self.admin.lock().map_err(|e| e.to_string())?.use_at(Instant::now(), ADMIN_IDLE_LIMIT);
        match check {
            Ok(()) => {}
            Err(AdminCheck::NotEntered) => return Err(tr(self.lang(), "access-admin-needed")),
            Err(AdminCheck::Expired) => {
                self.record_left("idle");
                return Err(tr(self.lang(), "access-admin-expired"));
            }
        }
        self.staff_store()
    }

    fn record_left(&self, reason: &str) {
        if let Ok(mut guard) = self.store.lock() {
            if let Some(store) = guard.as_mut() {
                let _ = store.audit(Action::ModeLeft, serde_json::json!({ "reason": reason }));
                store.set_actor(Actor::Staff);
            }
        }
    }

    pub fn access_status(&self) -> CmdResult<AccessStatus> {
        let now = Instant::now();
        let expired = {
            let mut admin = self.admin.lock().map_err(|e| e.to_string())?;
            let expired = admin.has_expired(now, ADMIN_IDLE_LIMIT);
            if expired {
                admin.leave();
            }
            expired
        };
        if expired {
            self.record_left("idle");
        }
        let admin = self.admin.lock().map_err(|e| e.to_string())?;
        let desk = self.desk.lock().map_err(|e| e.to_string())?;
        let wait = tebiki_store::remaining_wait(&desk, chrono::Local::now().fixed_offset()).map_err(|e| e.localized(self.lang()))?;
        Ok(AccessStatus {
            passphrase_set: tebiki_store::is_encrypted(&self.database_path()),
            admin: admin.is_active(now, ADMIN_IDLE_LIMIT),
            data_open: self.store.lock().map(|s| s.is_some()).unwrap_or(false),
            admin_seconds_left: admin.seconds_left(now, ADMIN_IDLE_LIMIT),
            wait_seconds: wait.as_secs() + u64::from(wait.subsec_millis() > 0),
            min_passphrase_chars: MIN_PASSPHRASE_CHARS as u64,
        })
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(tebiki_store::DATABASE_FILE)
    }

    fn enter_admin_mode(&self, failed_before: u32) -> CmdResult<()> {
        let lang = self.lang();
        {
            let mut guard = self.store.lock().map_err(|e| e.to_string())?;
            let store = guard.as_mut().ok_or_else(|| tr(lang, "access-data-locked"))?;
            store.set_actor(Actor::Admin);
            store.audit(Action::ModeEntered, serde_json::json!({ "failed_before": failed_before })).map_err(|e| e.localized(lang))?;
        }
        self.admin.lock().map_err(|e| e.to_string())?.enter(Instant::now());
        Ok(())
    }
}

#[tauri::command]
pub fn access_status(state: State<AppState>) -> CmdResult<AccessStatus> {
    state.access_status()
}

/// Enters 管理者モード with the passphrase. The first time the data is
/// opened since the app started, this is what decrypts it.
#[tauri::command]
pub async fn enter_admin(state: State<'_, AppState>, passphrase: String) -> CmdResult<AccessStatus> {
    let lang = state.lang();
    if !tebiki_store::is_encrypted(&state.database_path()) {
        return Err(tr(lang, "access-no-passphrase"));
    }
    // Argon2id takes a moment: async, so the window stays responsive.
    let unlocked = {
        let desk = state.desk.lock().map_err(|e| e.to_string())?;
        tebiki_store::unlock(&state.data_dir, &desk, &passphrase).map_err(|e| e.localized(lang))?
    };
    {
        let mut guard = state.store.lock().map_err(|e| e.to_string())?;
        if guard.is_none() {
            let mut store = unlocked.store;
            crate::remember_clause_texts(&state, &mut store).map_err(|e| e.localized(lang))?;
            *guard = Some(store);
        }
        // Otherwise the passphrase was only being checked; the second
        // connection closes here.
    }
    state.enter_admin_mode(unlocked.failed_before)?;
    state.access_status()
}

#[tauri::command]
pub fn leave_admin(state: State<AppState>) -> CmdResult<AccessStatus> {
    let was_on = state.admin.lock().map_err(|e| e.to_string())?.is_active(Instant::now(), ADMIN_IDLE_LIMIT);
    state.admin.lock().map_err(|e| e.to_string())?.leave();
    if was_on {
        state.record_left("user");
    }
    state.access_status()
}

/// Sets the passphrase the first time (which encrypts the data and enters
/// 管理者モード), or changes it in 管理者モード after the current one is
/// given again.
#[tauri::command]
pub async fn set_passphrase(state: State<'_, AppState>, new_passphrase: String, current: Option<String>) -> CmdResult<AccessStatus> {
    let lang = state.lang();
    let encrypted = tebiki_store::is_encrypted(&state.database_path());
    if encrypted {
        drop(state.admin_store()?);
        let current = current.unwrap_or_default();
        let desk = state.desk.lock().map_err(|e| e.to_string())?;
        // Proves the current passphrase (with the same slowdown as entering).
        drop(tebiki_store::unlock(&state.data_dir, &desk, &current).map_err(|e| e.localized(lang))?);
    }
    {
        let mut guard = state.staff_store()?;
        guard.set_actor(Actor::Admin);
        guard.set_passphrase(&new_passphrase).map_err(|e| e.localized(lang))?;
    }
    if !encrypted {
        state.enter_admin_mode(0)?;
    }
    state.access_status()
}

#[tauri::command]
pub fn audit_entries(state: State<AppState>, before: Option<i64>, limit: usize) -> CmdResult<Vec<AuditRow>> {
    let lang = state.lang();
    let store = state.admin_store()?;
    let entries = store.audit_entries(before, limit.clamp(1, 500)).map_err(|e| e.localized(lang))?;
    Ok(entries.into_iter().map(|e| AuditRow::new(lang, e)).collect())
}

#[tauri::command]
pub fn verify_audit(state: State<AppState>) -> CmdResult<AuditVerdict> {
    let lang = state.lang();
    state.admin_store()?.verify_audit().map_err(|e| e.localized(lang))
}

/// Writes the whole 操作記録 as CSV to `path` (chosen in the save dialog).
#[tauri::command]
pub fn export_audit(state: State<AppState>, path: String, shift_jis: bool) -> CmdResult<String> {
    let lang = state.lang();
    let path = crate::absolute_path(&path)?;
    let store = state.admin_store()?;
    let entries = store.all_audit_entries().map_err(|e| e.localized(lang))?;
    let bytes = tebiki_store::audit_csv(lang, &entries, shift_jis);
    tebiki_core::private_file::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    store.audit(Action::PersonalDataExported, serde_json::json!({ "kind": "audit", "file": name })).map_err(|e| e.localized(lang))?;
    Ok(path.display().to_string())
}
