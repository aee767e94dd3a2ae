//! The `newsgraph` command line: parse arguments, build a config, call the
//! library, print errors with their chain and exit with a meaningful code.

mod cli;

use clap::Parser;
use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        // Output closed early (`newsgraph query ... | head`): not an error.
        Err(newsgraph::Error::Serialize(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            let mut source = std::error::Error::source(&err);
            let mut last = String::new();
            while let Some(s) = source {
                // Wrappers that repeat their cause's message add nothing.
                let message = s.to_string();
                if message != last {
                    eprintln!("  caused by: {message}");
                }
                last = message;
                source = s.source();
            }
            if let Some(hint) = cli::hint(&err) {
                eprintln!("  hint: {hint}");
            }
            ExitCode::from(err.exit_code())
        }
    }
}
