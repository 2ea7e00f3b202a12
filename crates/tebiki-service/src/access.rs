//! The access rule, written once: 職員モード (anyone at the PC) may read the
//! policies and work on their own 自己点検; the organisation's data — the
//! roster, training records, other people's answers, reports, the 操作記録 —
//! needs 管理者モード. An action says which it needs by the capability it
//! takes: `&mut Staff` or `&mut Admin`.

use crate::admin_session::{AccessStatus, AdminCheck};
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use crate::session::{Front, Session};
use std::ops::{Deref, DerefMut};
use std::sync::MutexGuard;
use std::time::Instant;
use tebiki_store::{is_encrypted, Action, Actor, Store, MIN_PASSPHRASE_CHARS};

/// Anyone at the PC, with the open store. `is_admin` says whether
/// 管理者モード is also on (an own-data action then sees everyone's).
pub struct Staff<'a> {
    session: &'a Session,
    guard: MutexGuard<'a, Option<Store>>,
    admin: bool,
}

/// 管理者モード, proven when this value was made.
pub struct Admin<'a>(Staff<'a>);

impl<'a> Staff<'a> {
    pub fn session(&self) -> &'a Session {
        self.session
    }

    pub fn is_admin(&self) -> bool {
        self.admin
    }

    pub(crate) fn store(&self) -> &Store {
        self.guard.as_ref().expect("a Staff is made only with an open store")
    }

    pub(crate) fn store_mut(&mut self) -> &mut Store {
        self.guard.as_mut().expect("a Staff is made only with an open store")
    }
}

impl<'a> Deref for Admin<'a> {
    type Target = Staff<'a>;
    fn deref(&self) -> &Staff<'a> {
        &self.0
    }
}

impl DerefMut for Admin<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl Session {
    /// The capability for 職員モード work: the data must be open (always on
    /// a PC without a passphrase; otherwise once someone entered it).
    pub fn staff(&self) -> ServiceResult<Staff<'_>> {
        let now = Instant::now();
        let admin = self.admin.lock().map_err(|_| ServiceError::poisoned("admin"))?.is_active(now, self.idle_limit());
        let guard = self.store.lock().map_err(|_| ServiceError::poisoned("store"))?;
        if guard.is_none() {
            return Err(self.err(ErrorCode::DataLocked, "access-data-locked"));
        }
        Ok(Staff { session: self, guard, admin })
    }

    /// The capability for an administrative action: only in 管理者モード,
    /// which this use keeps alive (idle time ends it in the app).
    pub fn admin(&self) -> ServiceResult<Admin<'_>> {
        let check = self.admin.lock().map_err(|_| ServiceError::poisoned("admin"))?.use_at(Instant::now(), self.idle_limit());
        match check {
            Ok(()) => {}
            Err(AdminCheck::NotEntered) => return Err(self.err(ErrorCode::AdminNeeded, "access-admin-needed")),
            Err(AdminCheck::Expired) => {
                self.record_left("idle");
                return Err(self.err(ErrorCode::AdminExpired, "access-admin-expired"));
            }
        }
        let mut staff = self.staff()?;
        staff.admin = true;
        Ok(Admin(staff))
    }

    fn record_left(&self, reason: &str) {
        if let Ok(mut guard) = self.store.lock() {
            if let Some(store) = guard.as_mut() {
                let _ = store.audit(Action::ModeLeft, serde_json::json!({ "reason": reason }));
                store.set_actor(Actor::Staff);
            }
        }
    }

    /// Which mode is on and what the data needs (the app's status bar).
    pub fn access_status(&self) -> ServiceResult<AccessStatus> {
        let now = Instant::now();
        let limit = self.idle_limit();
        let expired = {
            let mut admin = self.admin.lock().map_err(|_| ServiceError::poisoned("admin"))?;
            let expired = admin.has_expired(now, limit);
            if expired {
                admin.leave();
            }
            expired
        };
        if expired {
            self.record_left("idle");
        }
        let (active, seconds_left) = {
            let admin = self.admin.lock().map_err(|_| ServiceError::poisoned("admin"))?;
            (admin.is_active(now, limit), admin.seconds_left(now, limit))
        };
        let wait = {
            let desk = self.desk()?;
            tebiki_store::remaining_wait(&desk, chrono::Local::now().fixed_offset()).map_err(|e| self.store_err(&e))?
        };
        Ok(AccessStatus {
            passphrase_set: is_encrypted(&self.database_path()),
            admin: active,
            data_open: self.store.lock().map(|s| s.is_some()).unwrap_or(false),
            admin_seconds_left: seconds_left,
            wait_seconds: wait.as_secs() + u64::from(wait.subsec_millis() > 0),
            min_passphrase_chars: MIN_PASSPHRASE_CHARS as u64,
        })
    }

    /// Enters 管理者モード with the passphrase (slowed after wrong ones).
    /// The first time since the start, this is what decrypts the data.
    pub fn enter_admin(&self, passphrase: &str) -> ServiceResult<AccessStatus> {
        if !is_encrypted(&self.database_path()) {
            return Err(match self.front {
                Front::App => self.err(ErrorCode::DataLocked, "access-no-passphrase"),
                // The CLI never writes the organisation's data unencrypted.
                Front::Cli => self.store_err(&tebiki_store::StoreError::NoPassphrase),
            });
        }
        let unlocked = {
            let desk = self.desk()?;
            tebiki_store::unlock(&self.data_dir, &desk, passphrase).map_err(|e| self.store_err(&e))?
        };
        let already_open = self.store.lock().map(|s| s.is_some()).unwrap_or(false);
        if !already_open {
            self.install_store(unlocked.store)?;
        }
        // (Otherwise the passphrase was only checked; that connection closes here.)
        let mut guard = self.store.lock().map_err(|_| ServiceError::poisoned("store"))?;
        let store = guard.as_mut().ok_or_else(|| self.err(ErrorCode::DataLocked, "access-data-locked"))?;
        match self.front {
            Front::App => {
                store.set_actor(Actor::Admin);
                store.audit(Action::ModeEntered, serde_json::json!({ "failed_before": unlocked.failed_before })).map_err(|e| self.store_err(&e))?;
            }
            Front::Cli => {
                store.set_actor(Actor::Cli);
                // Every command is a mode of its own; wrong passphrases
                // before it are what the 操作記録 must show.
                if unlocked.failed_before > 0 {
                    store.audit(Action::ModeEntered, serde_json::json!({ "failed_before": unlocked.failed_before })).map_err(|e| self.store_err(&e))?;
                }
            }
        }
        drop(guard);
        self.admin.lock().map_err(|_| ServiceError::poisoned("admin"))?.enter(Instant::now());
        self.access_status()
    }

    /// Back to 職員モード.
    pub fn leave_admin(&self) -> ServiceResult<AccessStatus> {
        let was_on = {
            let mut admin = self.admin.lock().map_err(|_| ServiceError::poisoned("admin"))?;
            let on = admin.is_active(Instant::now(), self.idle_limit());
            admin.leave();
            on
        };
        if was_on {
            self.record_left("user");
        }
        self.access_status()
    }

    /// Sets the passphrase the first time (encrypting the data; the app then
    /// enters 管理者モード), or changes it: the current one must be given
    /// again (with the same slowdown as entering it).
    pub fn set_passphrase(&self, new_passphrase: &str, current: Option<&str>) -> ServiceResult<AccessStatus> {
        tebiki_store::check_strength(new_passphrase).map_err(|e| self.store_err(&e))?;
        let encrypted = is_encrypted(&self.database_path());
        if encrypted {
            if self.front == Front::App {
                // Changed from 設定 in 管理者モード.
                drop(self.admin()?);
            }
            let current = current.unwrap_or_default();
            let unlocked = {
                let desk = self.desk()?;
                tebiki_store::unlock(&self.data_dir, &desk, current).map_err(|e| self.store_err(&e))?
            };
            let open = self.store.lock().map(|s| s.is_some()).unwrap_or(false);
            if open {
                // Proven; the second connection must close before the rekey.
                drop(unlocked);
            } else {
                self.install_store(unlocked.store)?;
            }
        } else if self.store.lock().map(|s| s.is_none()).unwrap_or(true) {
            let store = Store::open_dir(&self.data_dir).map_err(|e| self.store_err(&e))?;
            self.install_store(store)?;
        }
        {
            let mut guard = self.store.lock().map_err(|_| ServiceError::poisoned("store"))?;
            let store = guard.as_mut().ok_or_else(|| self.err(ErrorCode::DataLocked, "access-data-locked"))?;
            store.set_actor(match self.front {
                Front::App => Actor::Admin,
                Front::Cli => Actor::Cli,
            });
            store.set_passphrase(new_passphrase).map_err(|e| self.store_err(&e))?;
        }
        if self.front == Front::App && !encrypted {
            let mut guard = self.store.lock().map_err(|_| ServiceError::poisoned("store"))?;
            if let Some(store) = guard.as_mut() {
                store.audit(Action::ModeEntered, serde_json::json!({ "failed_before": 0 })).map_err(|e| self.store_err(&e))?;
            }
            drop(guard);
            self.admin.lock().map_err(|_| ServiceError::poisoned("admin"))?.enter(Instant::now());
        }
        self.access_status()
    }
}
