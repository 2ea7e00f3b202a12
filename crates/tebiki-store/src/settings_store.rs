use crate::error::now;
use crate::{Desk, StoreError};
use tebiki_core::settings::Settings;

impl Desk {
    /// The stored settings; anything not stored takes its default.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT key, value FROM settings").map_err(|e| StoreError::sqlite("read settings", e))?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).map_err(|e| StoreError::sqlite("read settings", e))?;
        let mut settings = Settings::default();
        for row in rows {
            let (k, v) = row.map_err(|e| StoreError::sqlite("read settings", e))?;
            settings.apply(&k, &v)?;
        }
        Ok(settings)
    }

    /// Saves all settings in one transaction.
    pub fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        let now = now();
        let tx = self.conn.unchecked_transaction().map_err(|e| StoreError::sqlite("save settings", e))?;
        for (k, v) in settings.entries() {
            tx.execute(
                "INSERT INTO settings(key, value, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                 WHERE value <> excluded.value",
                (k, v, &now),
            )
            .map_err(|e| StoreError::sqlite("save settings", e))?;
        }
        tx.commit().map_err(|e| StoreError::sqlite("save settings", e))
    }
}

#[cfg(test)]
mod tests {
    use crate::Desk;
    use tebiki_core::settings::{Language, Settings, TextSize, Theme};

    #[test]
    fn settings_persist_across_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let wanted =
            Settings {
                language: Language::English, theme: Theme::Dark, text_size: TextSize::Large, pack: Some("kobe".into()), approvers: "CISO,担当".into()
            };
        {
            let store = Desk::open_dir(dir.path()).unwrap();
            assert_eq!(store.settings().unwrap(), Settings::default());
            store.save_settings(&wanted).unwrap();
        }
        let store = Desk::open_dir(dir.path()).unwrap();
        assert_eq!(store.settings().unwrap(), wanted);
    }
}
