#![no_main]
// The code is tebiki_core::fuzz_entry::pack_zip, shared with tests/fuzz_corpus.rs.
libfuzzer_sys::fuzz_target!(|data: &[u8]| tebiki_core::fuzz_entry::pack_zip(data));
