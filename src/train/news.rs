//! Reading news articles with gold names (FORMAT.md's JSON Lines, the
//! shape `newsgraph eval` scores) as training documents for the name
//! tagger: each entity mention becomes a byte span with its chunk type.
//!
//! The bundled files (`data/ner-news/`) are articles the project's authors
//! wrote and annotated by GUM's convention for named mentions (no article,
//! no title, outermost name only), so they train as the target domain.

use super::conllu::GoldDoc;
use crate::error::{Error, Result};
use crate::extract::ner::tagger::ChunkType;
use crate::model::{CharIndex, Span};
use serde_json::Value;
use std::path::Path;

/// Parse the documents of one gold JSON Lines file.
pub fn read(path: &Path) -> Result<Vec<GoldDoc>> {
    crate::eval::read_jsonl(path)?
        .iter()
        .enumerate()
        .map(|(i, v)| doc(v).map_err(|what| bad(path, i + 1, &what)))
        .collect()
}

fn bad(path: &Path, line: usize, what: &str) -> Error {
    Error::Usage(format!(
        "{}:{line}: {what} (expected a FORMAT.md gold document with entity mentions)",
        path.display()
    ))
}

/// One document: its text and named mentions, outermost first where they
/// nest (a BIO tagger holds one), in text order.
fn doc(v: &Value) -> std::result::Result<GoldDoc, String> {
    let text = v
        .get("text")
        .and_then(Value::as_str)
        .ok_or("no \"text\"")?
        .to_string();
    let id = v
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let ix = CharIndex::new(&text);
    let chars = text.chars().count();
    let mut mentions = Vec::new();
    for e in v
        .get("entities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let kind = match e.get("type").and_then(Value::as_str) {
            Some("Person") => ChunkType::Person,
            Some("Organization") => ChunkType::Organization,
            Some("Country" | "Place" | "Location") => ChunkType::Location,
            Some(other) => return Err(format!("{id}: unknown entity type {other:?}")),
            None => return Err(format!("{id}: an entity without a \"type\"")),
        };
        for m in e
            .get("mentions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(a), Some(b)) = (
                m.get(0).and_then(Value::as_u64),
                m.get(1).and_then(Value::as_u64),
            ) else {
                return Err(format!("{id}: a mention that is not [start, end]"));
            };
            let (a, b) = (a as usize, b as usize);
            if a >= b || b > chars {
                return Err(format!(
                    "{id}: mention [{a}, {b}] outside the text's {chars} characters"
                ));
            }
            mentions.push((Span::new(ix.byte_of(a), ix.byte_of(b)), kind));
        }
    }
    mentions.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut kept: Vec<(Span, ChunkType)> = Vec::with_capacity(mentions.len());
    for (s, k) in mentions {
        if kept.last().is_none_or(|(p, _)| s.start >= p.end) {
            kept.push((s, k));
        }
    }
    Ok(GoldDoc {
        id,
        text,
        mentions: kept,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_to_bytes_outermost_first() {
        let line = r#"{"id":"x","text":"Müller met the Bank of England in Zürich.","entities":[
            {"id":"e1","type":"Person","name":"Müller","mentions":[[0,6]]},
            {"id":"e2","type":"Organization","name":"Bank of England","mentions":[[15,30]]},
            {"id":"e3","type":"Country","name":"England","mentions":[[23,30]]},
            {"id":"e4","type":"Place","name":"Zürich","mentions":[[34,40]]}]}"#;
        let d = doc(&serde_json::from_str(line).unwrap()).unwrap();
        let got: Vec<(&str, ChunkType)> = d
            .mentions
            .iter()
            .map(|(s, k)| (s.text(&d.text), *k))
            .collect();
        assert_eq!(
            got,
            [
                ("Müller", ChunkType::Person),
                ("Bank of England", ChunkType::Organization),
                ("Zürich", ChunkType::Location),
            ]
        );
    }

    #[test]
    fn rejects_spans_past_the_text() {
        let line = r#"{"id":"x","text":"Oslo","entities":[{"type":"Place","mentions":[[0,9]]}]}"#;
        let err = doc(&serde_json::from_str(line).unwrap()).unwrap_err();
        assert!(err.contains("outside the text"), "{err}");
    }
}
