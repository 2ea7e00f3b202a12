//! e-ラーニング: a course's lessons and 理解度テスト taken on the staff PC,
//! the 閲覧確認, and the 受講記録ファイル that carries both to the 管理者
//! (docs/training-results.md).

pub mod quiz;
pub mod results;
pub mod summary;
