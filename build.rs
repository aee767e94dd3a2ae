//! Converts the parser model (`data/models/parser.bin`) to the in-memory
//! layout the binary embeds (`$OUT_DIR/parser.layout`, see
//! `src/extract/parse/layout.rs`), so that extraction scores from it
//! without building its tables at start.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/extract/parse/layout.rs"]
mod layout;

fn main() {
    let model = "data/models/parser.bin";
    println!("cargo:rerun-if-changed={model}");
    println!("cargo:rerun-if-changed=src/extract/parse/layout.rs");
    println!("cargo:rerun-if-changed=build.rs");
    let out =
        Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("parser.layout");
    let layout = std::fs::read(model)
        .map_err(|e| e.to_string())
        .and_then(|bytes| layout::convert(&bytes))
        .unwrap_or_else(|e| {
            // The binary still builds; it extracts without a parser.
            println!("cargo:warning={model}: {e}; the build has no parser");
            Vec::new()
        });
    std::fs::write(&out, layout).expect("write the parser layout");
}
