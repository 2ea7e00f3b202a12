//! Japanese full-text search over the policy packs.
//!
//! Peers fail on Japanese in three ways: no Japanese segmentation at all,
//! index and query split differently, and FTS5's trigram tokenizer silently
//! matching nothing for 1–2 character words (most Japanese words). Here the
//! index and every query go through the same normaliser (NFKC, case, white
//! space, spelling variants); terms of 3+ characters are looked up in an FTS5
//! trigram index, and shorter ones by an exact scan of the normalised text —
//! never sent to MATCH. Every candidate is verified and scored in Rust, which
//! also maps hits back to the original text for highlighting.

pub mod highlight;
pub mod index;
pub mod lexicon;
pub use index::SearchError;
pub mod normalize;
pub mod query;
pub mod staff_queries;
pub mod understand;

pub use index::{ReadTerm, SearchHit, SearchIndex, SearchOptions, SearchResults, Segment, Source};
