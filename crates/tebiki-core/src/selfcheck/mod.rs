//! 自己点検: questionnaires in the packs, the obligations they check, coverage and drafts.
