//! 自己点検の集計: who must submit vs who did, compliance rates, 改善策.
