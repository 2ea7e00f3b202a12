//! Plain text: UTF-8 (with or without BOM), UTF-16 with BOM, else Shift_JIS
//! (CP932, as Windows writes it).

use encoding_rs::{Encoding, SHIFT_JIS, UTF_8};

/// The text and the name of the encoding it was read in.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), enc.name());
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_owned(), UTF_8.name()),
        Err(_) => {
            let (text, _, _) = SHIFT_JIS.decode(bytes);
            (text.into_owned(), SHIFT_JIS.name())
        }
    }
}

/// HTML: a BOM, else the `charset` the page declares in its first bytes,
/// else as plain text. 例規集 systems still serve Shift_JIS and EUC-JP pages.
pub fn decode_html(bytes: &[u8]) -> (String, &'static str) {
    if Encoding::for_bom(bytes).is_none() {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
        if let Some(pos) = head.find("charset=") {
            let label: String =
                head[pos + 8..].trim_start_matches(['"', '\'']).chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
            if let Some(enc) = Encoding::for_label(label.as_bytes()) {
                let (text, _) = enc.decode_without_bom_handling(bytes);
                return (text.into_owned(), enc.name());
            }
        }
    }
    decode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_sjis_and_bom() {
        assert_eq!(decode("第1条 目的".as_bytes()), ("第1条 目的".into(), "UTF-8"));
        let (sjis, _, _) = SHIFT_JIS.encode("第1条　情報資産");
        assert_eq!(decode(&sjis), ("第1条　情報資産".into(), "Shift_JIS"));
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice("題".as_bytes());
        assert_eq!(decode(&bom).0, "題");
        let (page, _, _) = SHIFT_JIS.encode("<html><head><meta charset=\"shift_jis\"></head><body>条例</body></html>");
        assert!(decode_html(&page).0.contains("条例"));
    }
}
