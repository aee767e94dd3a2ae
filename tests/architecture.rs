//! The architecture's invariants (ARCHITECTURE.md), checked on the source:
//! imports between the top-level modules of `src/` flow one way, only
//! `store` opens a store, extraction knows nothing of RDF, the library
//! prints nothing and knows no command line, SPARQL lives in `queries/`, and
//! no source file grows past 800 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and the modules it may import. The order is the
/// pipeline's; the test also checks that this table has no cycle.
const ALLOWED: &[(&str, &[&str])] = &[
    ("error", &[]),
    ("model", &[]),
    ("resources", &["error", "model"]),
    ("extract", &["error", "model", "resources"]),
    ("input", &["error", "model"]),
    ("json", &["model"]),
    ("graph", &["model"]),
    ("store", &["error", "graph"]),
    ("query", &["error", "graph", "store"]),
    ("push", &["error", "graph", "store"]),
    (
        "ingest",
        &["error", "model", "extract", "input", "graph", "store"],
    ),
    (
        "serve",
        &[
            "error", "model", "extract", "input", "graph", "store", "query", "ingest",
        ],
    ),
    (
        "eval",
        &[
            "error",
            "model",
            "resources",
            "extract",
            "input",
            "json",
            "graph",
            "store",
        ],
    ),
    ("train", &["error", "model", "resources", "extract", "eval"]),
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`None` for lib.rs, main.rs).
fn top_module(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(src()).unwrap();
    let mut parts = rel.components();
    let first = parts.next()?.as_os_str().to_str()?.to_string();
    if parts.next().is_some() {
        return Some(first);
    }
    let stem = first.strip_suffix(".rs")?;
    (stem != "lib" && stem != "main").then(|| stem.to_string())
}

/// The code of a file without comments (so that doc links and prose about
/// other modules do not count as imports).
fn code_of(text: &str) -> String {
    text.lines()
        .map(|l| match l.trim_start() {
            t if t.starts_with("//") => "",
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Top-level modules named as `crate::NAME` in a file, including inside
/// `use crate::{a, b::c}` groups.
fn crate_refs(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.insert(name);
        }
    }
    out
}

fn library_files() -> Vec<(String, PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files
        .into_iter()
        .filter_map(|p| {
            let m = top_module(&p)?;
            (m != "cli").then(|| {
                let code = code_of(&std::fs::read_to_string(&p).unwrap());
                (m, p, code)
            })
        })
        .collect()
}

#[test]
fn imports_between_top_level_modules_flow_one_way() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    // The table itself is a DAG: each module only names modules listed
    // before it.
    for (i, (m, deps)) in ALLOWED.iter().enumerate() {
        for d in *deps {
            let j = ALLOWED.iter().position(|(n, _)| n == d);
            assert!(
                j.is_some_and(|j| j < i),
                "{m} may import {d}, which is not listed before it"
            );
        }
    }
    let mut violations = Vec::new();
    let mut seen_modules = BTreeSet::new();
    for (m, path, code) in library_files() {
        seen_modules.insert(m.clone());
        let Some(deps) = allowed.get(m.as_str()) else {
            violations.push(format!("{m} ({}) is not in the table", path.display()));
            continue;
        };
        for r in crate_refs(&code) {
            let ok = r == m
                || deps.contains(&r.as_str())
                // `crate::word_list!` and `crate::Error`/`Result` re-exports
                || r == "word_list"
                || ((r == "Error" || r == "Result") && deps.contains(&"error"));
            if !ok {
                violations.push(format!("{} uses crate::{r}", path.display()));
            }
        }
    }
    assert!(violations.is_empty(), "{violations:#?}");
    let listed: BTreeSet<String> = ALLOWED.iter().map(|(m, _)| m.to_string()).collect();
    assert_eq!(seen_modules, listed, "the table and src/ disagree");
}

#[test]
fn only_store_opens_a_store_and_extraction_knows_no_rdf() {
    for (m, path, code) in library_files() {
        if m != "store" {
            assert!(
                !code.contains("oxigraph::store::Store") && !code.contains("store::Store as"),
                "{} touches Oxigraph's store",
                path.display()
            );
        }
        if matches!(
            m.as_str(),
            "model" | "resources" | "extract" | "input" | "json"
        ) {
            assert!(
                !code.contains("oxigraph"),
                "{} uses Oxigraph: extraction knows nothing of RDF",
                path.display()
            );
        }
    }
}

#[test]
fn the_library_prints_nothing_and_knows_no_command_line() {
    for (_, path, code) in library_files() {
        // Unit tests may print.
        let code = code.split("#[cfg(test)]").next().unwrap_or("");
        for banned in [
            "println!",
            "eprintln!",
            "clap::",
            "indicatif",
            "std::process::exit",
        ] {
            assert!(
                !code.contains(banned),
                "{} uses {banned}: that belongs in src/cli/",
                path.display()
            );
        }
    }
}

#[test]
fn sparql_lives_in_the_queries_folder() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for p in files {
        let code = code_of(&std::fs::read_to_string(&p).unwrap());
        let code = code.split("#[cfg(test)]").next().unwrap_or("");
        // Outside comments, these only occur in string literals.
        if let Some((_, keyword)) = sparql_at(code).first() {
            panic!(
                "{}: SPARQL text `{keyword}…` in Rust source; put it in queries/",
                p.display()
            );
        }
    }
}

/// Where SPARQL starts in a text: `SELECT ?x`, `SELECT DISTINCT`,
/// `SELECT *`, `CONSTRUCT {`, `PREFIX ex:` (not the words in prose).
fn sparql_at(code: &str) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    for keyword in ["SELECT", "CONSTRUCT", "PREFIX"] {
        for (i, _) in code.match_indices(keyword) {
            let after = &code[i + keyword.len()..];
            let whole_word = after.starts_with(char::is_whitespace)
                && !code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
            if !whole_word {
                continue;
            }
            let next = after.trim_start();
            let query = match keyword {
                "SELECT" => next.starts_with(['?', '*', '(']) || next.starts_with("DISTINCT"),
                "CONSTRUCT" => next.starts_with('{') || next.starts_with("WHERE"),
                _ => next
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.ends_with(':')),
            };
            if query {
                out.push((i, keyword));
            }
        }
    }
    out
}

#[test]
fn no_source_file_is_over_800_lines() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(p).unwrap().lines().count();
            (n > 800).then(|| format!("{}: {n} lines", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn the_checker_sees_imports() {
    let refs = crate_refs(
        "use crate::model::Span;\nuse crate::{graph, store::Store};\nx(crate::error::Error::Usage)",
    );
    let want: BTreeSet<String> = ["model", "graph", "store", "error"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(refs, want);
    assert_eq!(code_of("// crate::store\nlet x = 1;"), "\nlet x = 1;");
    let found: Vec<&str> =
        sparql_at("not an ASK or SELECT query; SELECT ?x WHERE {} PREFIX ng: <x>")
            .into_iter()
            .map(|(_, k)| k)
            .collect();
    assert_eq!(found, ["SELECT", "PREFIX"]);
}
