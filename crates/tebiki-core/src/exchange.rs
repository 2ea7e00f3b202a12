//! Files carried between PCs (自己点検の提出ファイル, 受講記録ファイル): the
//! canonical JSON form their digest is taken over, and the checks every such
//! file passes before its contents are read — size, JSON, `format`,
//! `format_version`, digest. docs/ describes both formats.

use crate::message::Message;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The canonical form the digest is taken over: JSON with object keys sorted
/// (by their UTF-8 bytes, which for our ASCII keys is RFC 8785's order too),
/// no insignificant whitespace, strings escaped minimally (`"`, `\` and
/// control characters only; everything else as UTF-8), numbers as serde_json
/// writes them (the format only has integers).
///
/// The keys are sorted here explicitly rather than relying on
/// `serde_json::Map`: with its default features that map is a BTreeMap
/// (sorted), and no crate in this workspace enables `preserve_order`
/// (Cargo.lock lists serde_json without indexmap) — but Cargo unifies
/// features, so a future dependency turning it on would silently change the
/// iteration order. Sorting here makes the digest independent of that.
pub fn canonical_json(v: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    write_canonical(v, &mut out);
    out
}

fn write_canonical(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Number(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_canonical(item, out);
            }
            out.push(b']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push(b'{');
            for (i, (k, val)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(k, out);
                out.push(b':');
                write_canonical(val, out);
            }
            out.push(b'}');
        }
    }
}

fn write_string(s: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    for c in s.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\u{08}' => out.extend_from_slice(b"\\b"),
            '\u{0C}' => out.extend_from_slice(b"\\f"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            c if (c as u32) < 0x20 => out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes()),
            c => {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    out.push(b'"');
}

/// `sha256:<hex>` of the canonical form of `v` (which must not hold `digest`).
pub fn digest_of(v: &Value) -> String {
    let hash = Sha256::digest(canonical_json(v));
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// Why a file is not accepted as a submission.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the file is larger than {max} bytes")]
    TooLarge { max: usize },
    #[error("the file ends in the middle of the JSON (truncated)")]
    Truncated,
    #[error("not JSON: {detail}")]
    NotJson { detail: String },
    #[error("not a Tebiki self-inspection submission: {detail}")]
    WrongFormat { detail: String },
    #[error("format_version {found} is newer than the supported {supported}")]
    TooNew { found: u64, supported: u64 },
    #[error("the digest does not match the contents (tampered or damaged)")]
    DigestMismatch,
    #[error("pack {id} (version {version}) is not installed")]
    UnknownPack { id: String, version: String },
    #[error("invalid contents: {0:?}")]
    Invalid(Message),
}

impl Refusal {
    /// The reason a person reads.
    pub fn message(&self) -> Message {
        match self {
            Refusal::TooLarge { max } => Message::new("submission-refused-too-large").arg("max_mb", max / (1024 * 1024)),
            Refusal::Truncated => Message::new("submission-refused-truncated"),
            Refusal::NotJson { detail } => Message::new("submission-refused-not-json").arg("detail", detail),
            Refusal::WrongFormat { detail } => Message::new("submission-refused-wrong-format").arg("detail", detail),
            Refusal::TooNew { found, supported } => Message::new("submission-refused-too-new").arg("found", found).arg("supported", supported),
            Refusal::DigestMismatch => Message::new("submission-refused-digest"),
            Refusal::UnknownPack { id, version } => Message::new("submission-refused-unknown-pack").arg("pack", id).arg("version", version),
            Refusal::Invalid(m) => m.clone(),
        }
    }
}

/// Opens a file of `format`: checks its size, JSON, `format`,
/// `format_version` (so a file from a newer Tebiki says so instead of "wrong
/// format") and digest, in that order. Returns the body without `format`,
/// `format_version` and `digest`, and the digest.
pub fn open(bytes: &[u8], format: &str, supported: u64, max_bytes: usize) -> Result<(Value, String), Refusal> {
    if bytes.len() > max_bytes {
        return Err(Refusal::TooLarge { max: max_bytes });
    }
    // Notepad's 「UTF-8 (BOM 付き)」 adds a BOM; it is not part of the JSON.
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let mut value: Value = serde_json::from_slice(bytes).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => Refusal::Truncated,
        _ => Refusal::NotJson { detail: e.to_string() },
    })?;
    let wrong = |detail: String| Refusal::WrongFormat { detail };
    let Some(map) = value.as_object_mut() else { return Err(wrong("not a JSON object".into())) };
    if map.get("format").and_then(Value::as_str) != Some(format) {
        return Err(wrong(format!("\"format\" is not \"{format}\"")));
    }
    let Some(format_version) = map.get("format_version").and_then(Value::as_u64).filter(|v| *v >= 1) else {
        return Err(wrong("\"format_version\" is missing or not a positive integer".into()));
    };
    if format_version > supported {
        return Err(Refusal::TooNew { found: format_version, supported });
    }
    let Some(Value::String(claimed)) = map.remove("digest") else { return Err(wrong("\"digest\" is missing".into())) };
    let digest = digest_of(&value);
    if !claimed.trim().eq_ignore_ascii_case(&digest) {
        return Err(Refusal::DigestMismatch);
    }
    if let Some(map) = value.as_object_mut() {
        map.remove("format");
        map.remove("format_version");
    }
    Ok((value, digest))
}
