//! The 職員名簿: reading a roster or an attendance CSV as staff records.

pub mod import;
