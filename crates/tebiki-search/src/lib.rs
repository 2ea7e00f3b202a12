//! Japanese full-text search over the policy packs.
//!
//! Peers fail on Japanese in three ways: no Japanese segmentation at all,
//! index and query split differently, and FTS5's trigram tokenizer silently
//! matching nothing for 1–2 character words (most Japanese words). Here the
//! index and every query go through the same normaliser (NFKC, case, white
//! space, spelling variants); every 1- and 2-character string of the text
//! has a posting list built with the index, a longer word is looked up
//! through its two rarest character pairs and verified in the text. Every
//! candidate is scored in Rust, which also maps hits back to the original
//! text for highlighting. An FTS5 trigram table of the same text is built only for
//! the benchmark's baseline (what a trigram-only design returns).

pub mod highlight;
pub mod index;
pub mod lexicon;
pub use index::SearchError;
pub mod normalize;
pub mod query;
pub mod staff_queries;
pub mod understand;

pub use index::{ReadTerm, SearchHit, SearchIndex, SearchOptions, SearchResults, Segment, Source, TrigramBaseline};
