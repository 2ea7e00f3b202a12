//! 自己点検の提出ファイル: the JSON format, its canonical form and integrity digest, and the checks on import.
