//! N-Quads as `extract --jsonl --format nquads` writes them (the map step
//! of a scale-out): the same bytes as Oxigraph's serializer, written by
//! runs of characters rather than one `fmt` call a character. An article's
//! text is a literal of its graph, so every byte of the input passes here.

use oxigraph::model::vocab::xsd;
use oxigraph::model::{GraphName, Literal, NamedOrBlankNode, Quad, Term};
use std::io::{self, Write};

/// Write `quads` as N-Quads lines.
pub fn write_nquads(out: &mut dyn Write, quads: &[Quad]) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    for q in quads {
        match &q.subject {
            NamedOrBlankNode::NamedNode(n) => iri(&mut buf, n.as_str()),
            NamedOrBlankNode::BlankNode(b) => blank(&mut buf, b.as_str()),
        }
        buf.push(b' ');
        iri(&mut buf, q.predicate.as_str());
        buf.push(b' ');
        match &q.object {
            Term::NamedNode(n) => iri(&mut buf, n.as_str()),
            Term::BlankNode(b) => blank(&mut buf, b.as_str()),
            Term::Literal(l) => literal(&mut buf, l),
            #[allow(unreachable_patterns)]
            other => write!(buf, "{other}")?,
        }
        match &q.graph_name {
            GraphName::NamedNode(n) => {
                buf.push(b' ');
                iri(&mut buf, n.as_str());
            }
            GraphName::BlankNode(b) => {
                buf.push(b' ');
                blank(&mut buf, b.as_str());
            }
            GraphName::DefaultGraph => {}
        }
        buf.extend_from_slice(b" .\n");
        if buf.len() >= 1 << 16 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)
}

fn iri(buf: &mut Vec<u8>, iri: &str) {
    buf.push(b'<');
    buf.extend_from_slice(iri.as_bytes());
    buf.push(b'>');
}

fn blank(buf: &mut Vec<u8>, id: &str) {
    buf.extend_from_slice(b"_:");
    buf.extend_from_slice(id.as_bytes());
}

fn literal(buf: &mut Vec<u8>, l: &Literal) {
    quoted(buf, l.value());
    if let Some(lang) = l.language() {
        buf.push(b'@');
        buf.extend_from_slice(lang.as_bytes());
    } else if l.datatype() != xsd::STRING {
        buf.extend_from_slice(b"^^");
        iri(buf, l.datatype().as_str());
    }
}

/// A string between quotes, escaped as Oxigraph escapes it: `\b \t \n \f
/// \r \" \\`, other controls, U+FFFE and U+FFFF as `\uXXXX`.
fn quoted(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let short: &[u8] = match c {
            '\u{8}' => b"\\b",
            '\t' => b"\\t",
            '\n' => b"\\n",
            '\u{C}' => b"\\f",
            '\r' => b"\\r",
            '"' => b"\\\"",
            '\\' => b"\\\\",
            '\0'..='\u{1F}' | '\u{7F}' | '\u{FFFE}' | '\u{FFFF}' => b"",
            _ => continue,
        };
        buf.extend_from_slice(&s.as_bytes()[run..i]);
        if short.is_empty() {
            let _ = write!(buf, "\\u{:04X}", u32::from(c));
        } else {
            buf.extend_from_slice(short);
        }
        run = i + c.len_utf8();
    }
    buf.extend_from_slice(&s.as_bytes()[run..]);
    buf.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfSerializer};
    use oxigraph::model::{BlankNode, NamedNode};

    /// Byte for byte what Oxigraph's N-Quads serializer writes.
    #[test]
    fn the_same_bytes_as_oxigraphs_serializer() {
        let s = NamedNode::new("http://example.org/a#x").unwrap();
        let p = NamedNode::new("http://example.org/p").unwrap();
        let g = GraphName::NamedNode(NamedNode::new("http://example.org/g").unwrap());
        let text = "Line one\n\t\"quoted\" \\ back\r\u{8}\u{C}\u{1}\u{7F}\u{FFFE} café ✓";
        let objects: Vec<Term> = vec![
            Literal::new_simple_literal(text).into(),
            Literal::new_language_tagged_literal("Porto", "pt")
                .unwrap()
                .into(),
            Literal::new_typed_literal("2024-03-06", xsd::DATE).into(),
            Literal::from(42).into(),
            Literal::new_simple_literal("").into(),
            p.clone().into(),
            BlankNode::new("b1").unwrap().into(),
        ];
        let mut quads = Vec::new();
        for o in objects {
            quads.push(Quad::new(s.clone(), p.clone(), o.clone(), g.clone()));
            quads.push(Quad::new(
                BlankNode::new("b2").unwrap(),
                p.clone(),
                o,
                GraphName::DefaultGraph,
            ));
        }
        let mut ours = Vec::new();
        write_nquads(&mut ours, &quads).unwrap();
        let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
        for q in &quads {
            w.serialize_quad(q).unwrap();
        }
        let theirs = w.finish().unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            String::from_utf8(theirs).unwrap()
        );
    }
}
