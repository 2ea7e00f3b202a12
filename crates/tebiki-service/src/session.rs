//! The session both fronts hold: the data folder, the desk (settings), the
//! organisation's store (open or not), 管理者モード, the pack library, the
//! search index and the language. The app keeps one for its lifetime; the CLI
//! makes one per command.

use crate::admin_session::{AdminSession, ADMIN_IDLE_LIMIT};
use crate::error::{ErrorCode, ServiceError, ServiceResult};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard};
use std::time::Duration;
use tebiki_core::pack::library::{imported_packs_dir, PackLibrary};
use tebiki_core::pack::Pack;
use tebiki_core::settings::{Language, Settings};
use tebiki_search::SearchIndex;
use tebiki_store::{is_encrypted, Actor, Desk, Store, DATABASE_FILE};

/// Which front opened the session: it decides who the 操作記録 names and
/// whether 管理者モード ends after idle time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Front {
    /// The desktop app: starts in 職員モード, 管理者モード ends after idle time.
    App,
    /// One CLI command: 管理者 once the passphrase is given, for the command's run.
    Cli,
}

pub struct Session {
    pub(crate) front: Front,
    pub(crate) data_dir: PathBuf,
    pub(crate) desk: Mutex<Desk>,
    /// None while the data is encrypted and the passphrase not yet given.
    pub(crate) store: Mutex<Option<Store>>,
    pub(crate) admin: Mutex<AdminSession>,
    pub(crate) library: RwLock<PackLibrary>,
    /// Built on first search (the CLI needs it only for `search`).
    pub(crate) search: Mutex<Option<SearchIndex>>,
    /// Kept apart from the desk so that an error can be written while
    /// another lock is held.
    pub(crate) language: RwLock<Language>,
}

impl Session {
    /// Opens the data folder (creating it): the desk, the packs, and the
    /// store when it is not encrypted (staff PCs without a passphrase).
    /// `lang` overrides the language of 設定 (the CLI's `--lang`).
    pub fn open(data_dir: &Path, front: Front, lang: Option<Language>) -> ServiceResult<Session> {
        let fallback = lang.unwrap_or_default();
        crate::files::create_private_dir(data_dir).map_err(|e| crate::files::io_error(fallback, data_dir, &e))?;
        let desk = Desk::open_dir(data_dir).map_err(|e| ServiceError::store(fallback, &e))?;
        let language = lang.unwrap_or_else(|| desk.settings().map(|s| s.language).unwrap_or_default());
        let library = PackLibrary::load(Some(&imported_packs_dir(data_dir)));
        let session = Session {
            front,
            data_dir: data_dir.to_owned(),
            desk: Mutex::new(desk),
            store: Mutex::new(None),
            admin: Mutex::new(AdminSession::default()),
            library: RwLock::new(library),
            search: Mutex::new(None),
            language: RwLock::new(language),
        };
        // The app opens unencrypted data at once (職員モード needs it for
        // one's own 自己点検); the CLI opens it only for a command that asks.
        if front == Front::App && !is_encrypted(&session.database_path()) {
            let mut store = Store::open_dir(data_dir).map_err(|e| session.store_err(&e))?;
            store.set_actor(Actor::Staff);
            session.install_store(store)?;
        }
        Ok(session)
    }

    pub fn front(&self) -> Front {
        self.front
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }

    pub fn packs_dir(&self) -> PathBuf {
        imported_packs_dir(&self.data_dir)
    }

    /// The language chosen in 設定 (or given on the command line).
    pub fn lang(&self) -> Language {
        self.language.read().map(|l| *l).unwrap_or_default()
    }

    pub(crate) fn set_lang(&self, lang: Language) {
        if let Ok(mut l) = self.language.write() {
            *l = lang;
        }
    }

    /// How long 管理者モード lasts without use: the app's idle limit; a CLI
    /// command runs as long as it runs.
    pub(crate) fn idle_limit(&self) -> Duration {
        match self.front {
            Front::App => ADMIN_IDLE_LIMIT,
            Front::Cli => Duration::MAX,
        }
    }

    pub(crate) fn desk(&self) -> ServiceResult<MutexGuard<'_, Desk>> {
        self.desk.lock().map_err(|_| ServiceError::poisoned("desk"))
    }

    /// The settings of 設定.
    pub fn settings(&self) -> ServiceResult<Settings> {
        let lang = self.lang();
        self.desk()?.settings().map_err(|e| ServiceError::store(lang, &e))
    }

    pub fn library(&self) -> ServiceResult<RwLockReadGuard<'_, PackLibrary>> {
        self.library.read().map_err(|_| ServiceError::poisoned("library"))
    }

    /// The pack an action works on: the one named (`--pack`), else the
    /// organisation chosen in 設定.
    pub fn pack(&self, id: Option<&str>) -> ServiceResult<Pack> {
        let lang = self.lang();
        let id = match id.map(str::trim).filter(|i| !i.is_empty()) {
            Some(i) => i.to_owned(),
            None => self.settings()?.pack.ok_or_else(|| ServiceError::key(lang, ErrorCode::NoPack, "training-no-pack", &[]))?,
        };
        self.library()?.get(&id).cloned().ok_or_else(|| ServiceError::key(lang, ErrorCode::NoPack, "search-unknown-pack", &[("pack", id.as_str().into())]))
    }

    /// Reads the packs again (after a pack import) and drops the search
    /// index, which is rebuilt on the next search.
    pub fn reload_library(&self) -> ServiceResult<()> {
        let library = PackLibrary::load(Some(&self.packs_dir()));
        *self.library.write().map_err(|_| ServiceError::poisoned("library"))? = library;
        *self.search.lock().map_err(|_| ServiceError::poisoned("search"))? = None;
        // New pack versions: remember their clause texts for 自己点検.
        let mut guard = self.store.lock().map_err(|_| ServiceError::poisoned("store"))?;
        if let Some(store) = guard.as_mut() {
            self.remember_clause_texts(store)?;
        }
        Ok(())
    }

    /// Remembers each pack version's clause texts, so that after a revision
    /// 自己点検 can say which items' clauses changed.
    pub(crate) fn remember_clause_texts(&self, store: &mut Store) -> ServiceResult<()> {
        let lang = self.lang();
        for pack in self.library()?.packs() {
            store.remember_clause_texts(pack).map_err(|e| ServiceError::store(lang, &e))?;
        }
        Ok(())
    }

    /// Makes `store` the session's open store (after opening or unlocking).
    pub(crate) fn install_store(&self, mut store: Store) -> ServiceResult<()> {
        self.remember_clause_texts(&mut store)?;
        *self.store.lock().map_err(|_| ServiceError::poisoned("store"))? = Some(store);
        Ok(())
    }

    pub(crate) fn store_err(&self, e: &tebiki_store::StoreError) -> ServiceError {
        ServiceError::store(self.lang(), e)
    }

    pub(crate) fn err(&self, code: ErrorCode, key: &str) -> ServiceError {
        ServiceError::key(self.lang(), code, key, &[])
    }

    pub(crate) fn err_args(&self, code: ErrorCode, key: &str, args: &[(&str, tebiki_i18n::Arg)]) -> ServiceError {
        ServiceError::key(self.lang(), code, key, args)
    }

    pub(crate) fn err_message(&self, code: ErrorCode, m: &tebiki_core::message::Message) -> ServiceError {
        ServiceError::message(self.lang(), code, m)
    }
}
