//! 管理者モード: entered with the passphrase, left by the user, after idle
//! time, or when the app closes (it always starts in 職員モード).

use serde::Serialize;
use std::time::{Duration, Instant};
use ts_rs::TS;

/// 10 minutes without an administrative action ends 管理者モード — a PC left
/// unattended in a shared office (神戸市 対策基準 7.1: lock the screen when
/// leaving the desk; this is the app's own lock).
pub const ADMIN_IDLE_LIMIT: Duration = Duration::from_secs(10 * 60);

#[derive(Debug, Clone, Copy, Default)]
pub struct AdminSession {
    last_used: Option<Instant>,
}

/// Why a check failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdminCheck {
    /// 職員モード: never entered, or left.
    NotEntered,
    /// It was on, but idle too long; it is now off.
    Expired,
}

impl AdminSession {
    pub fn enter(&mut self, now: Instant) {
        self.last_used = Some(now);
    }

    pub fn leave(&mut self) {
        self.last_used = None;
    }

    /// Whether 管理者モード is on at `now` (without using it).
    pub fn is_active(&self, now: Instant, limit: Duration) -> bool {
        self.last_used.is_some_and(|t| now.saturating_duration_since(t) < limit)
    }

    /// An administrative action at `now`: allowed (and the idle clock starts
    /// again) while the mode is on; an expired session is ended.
    pub fn use_at(&mut self, now: Instant, limit: Duration) -> Result<(), AdminCheck> {
        match self.last_used {
            None => Err(AdminCheck::NotEntered),
            Some(t) if now.saturating_duration_since(t) >= limit => {
                self.last_used = None;
                Err(AdminCheck::Expired)
            }
            Some(_) => {
                self.last_used = Some(now);
                Ok(())
            }
        }
    }

    /// It was on and idle time has ended it (not yet noticed by `use_at`).
    pub fn has_expired(&self, now: Instant, limit: Duration) -> bool {
        self.last_used.is_some() && !self.is_active(now, limit)
    }

    /// Seconds left before idle ends the mode (0 when off).
    pub fn seconds_left(&self, now: Instant, limit: Duration) -> u64 {
        self.last_used.map(|t| limit.saturating_sub(now.saturating_duration_since(t)).as_secs()).unwrap_or(0)
    }
}

/// What the UI shows about access: which mode, and what the data needs.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AccessStatus {
    /// A passphrase is set (the data is encrypted).
    pub passphrase_set: bool,
    /// 管理者モード is on.
    pub admin: bool,
    /// The data is open (always, until a passphrase is set; after a restart
    /// only once someone has entered the passphrase).
    pub data_open: bool,
    /// Seconds until idle time ends 管理者モード.
    #[ts(type = "number")]
    pub admin_seconds_left: u64,
    /// Seconds to wait before the next passphrase is taken (after wrong ones).
    #[ts(type = "number")]
    pub wait_seconds: u64,
    /// The shortest passphrase accepted.
    #[ts(type = "number")]
    pub min_passphrase_chars: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mode_ends_after_idle_time_and_use_keeps_it_on() {
        let limit = Duration::from_secs(600);
        let t0 = Instant::now();
        let mut s = AdminSession::default();
        assert_eq!(s.use_at(t0, limit), Err(AdminCheck::NotEntered));
        s.enter(t0);
        assert!(s.is_active(t0 + Duration::from_secs(599), limit));
        assert_eq!(s.use_at(t0 + Duration::from_secs(500), limit), Ok(()));
        // 500 s later than the last use, not the entry: still on.
        assert_eq!(s.use_at(t0 + Duration::from_secs(1000), limit), Ok(()));
        assert_eq!(s.seconds_left(t0 + Duration::from_secs(1100), limit), 500);
        assert!(!s.is_active(t0 + Duration::from_secs(1600), limit));
        assert_eq!(s.use_at(t0 + Duration::from_secs(1600), limit), Err(AdminCheck::Expired));
        assert_eq!(s.use_at(t0 + Duration::from_secs(1601), limit), Err(AdminCheck::NotEntered), "expired means left");
        s.enter(t0);
        s.leave();
        assert!(!s.is_active(t0, limit));
    }
}
