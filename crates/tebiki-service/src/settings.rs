//! 設定: what the app shows about itself, and saving the settings (on the
//! desk, so they are read and written while the data is locked).

use crate::error::ServiceResult;
use crate::session::Session;
use tebiki_core::app_info::AppInfo;
use tebiki_core::settings::Settings;

pub fn app_info(session: &Session) -> ServiceResult<AppInfo> {
    Ok(AppInfo {
        version: tebiki_core::VERSION.to_owned(),
        data_dir: session.data_dir().display().to_string(),
        database_path: session.database_path().display().to_string(),
        settings: session.settings()?,
    })
}

/// Saves the settings (validated by their types on the way in); the
/// session speaks the chosen language from now on.
pub fn save_settings(session: &Session, settings: &Settings) -> ServiceResult<Settings> {
    session.desk()?.save_settings(settings).map_err(|e| session.store_err(&e))?;
    session.set_lang(settings.language);
    Ok(settings.clone())
}

/// Chooses the organisation (pack) if none is chosen yet.
pub(crate) fn choose_pack_if_unset(session: &Session, pack_id: &str) -> ServiceResult<()> {
    let mut settings = session.settings()?;
    if settings.pack.is_none() {
        settings.pack = Some(pack_id.to_owned());
        session.desk()?.save_settings(&settings).map_err(|e| session.store_err(&e))?;
    }
    Ok(())
}
