//! What a long ingest shows on stderr: a progress bar on a terminal, or one
//! line per committed batch with `--verbose`.

use indicatif::{ProgressBar, ProgressStyle};
use newsgraph::ingest::{BatchTimes, Progress, Summary};

pub(crate) struct IngestProgress {
    bar: ProgressBar,
    verbose: bool,
    show_bar: bool,
}

impl IngestProgress {
    pub(crate) fn new(show_bar: bool, verbose: bool) -> Self {
        let bar = if show_bar {
            ProgressBar::new(0)
        } else {
            ProgressBar::hidden()
        };
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {bar:30} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        IngestProgress {
            bar,
            verbose,
            show_bar,
        }
    }
}

impl Progress for IngestProgress {
    fn start(&self, total_bytes: u64) {
        self.bar.set_length(total_bytes);
    }

    fn advance(&self, bytes: u64) {
        self.bar.inc(bytes);
    }

    fn committed(&self, articles: usize, t: &BatchTimes, s: &Summary) {
        if self.verbose {
            eprintln!(
                "committed {articles} articles (extract {:.2} s, check {:.2} s, load {:.2} s, relink {:.2} s); so far {} articles ({} new, {} replaced, {} unchanged), {:.2} MB",
                t.extract.as_secs_f64(),
                t.check.as_secs_f64(),
                t.load.as_secs_f64(),
                t.relink.as_secs_f64(),
                s.articles,
                s.added,
                s.replaced,
                s.unchanged,
                s.bytes as f64 / 1e6
            );
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn compacting(&self, bulk_loads: usize) {
        if self.verbose || self.show_bar {
            eprintln!("compacting the store after {bulk_loads} bulk loads…");
        }
    }
}
