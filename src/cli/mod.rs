//! The command line: clap arguments, the settings they make ([`Config`]),
//! one file per subcommand, progress bars and messages. The library knows
//! nothing of any of it.

mod bench;
mod demo;
mod dot;
mod eval;
mod export;
mod extract;
mod ingest;
mod load;
mod parse;
mod progress;
mod push;
mod query;
mod serve;
mod train;
mod train_parser;

use clap::{Parser, Subcommand, ValueEnum};
use newsgraph::error::{Error, Result};
use newsgraph::extract::ner::tagger::Model;
use newsgraph::extract::ner::NerMode;
use newsgraph::extract::Extractor;
use newsgraph::input;
use newsgraph::query::canned::ResultFormat;
use newsgraph::query::dot::View;
use newsgraph::resources::Lexicon;
use oxigraph::io::RdfFormat;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Print a line to stdout, returning an error (not panicking) when stdout
/// is closed, e.g. by `| head`.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*).map_err(newsgraph::Error::Serialize)?
    };
}
pub(crate) use say;

/// Exit code when some inputs were skipped but the rest went through.
const EXIT_SKIPPED: u8 = 3;

#[derive(Parser, Debug)]
#[command(
    name = "newsgraph",
    version,
    about = "English news articles → an RDF knowledge graph you can query, draw and export"
)]
pub struct Args {
    /// Store directory [default: $NEWSGRAPH_STORE, else ./newsgraph.db]
    #[arg(long, global = true, env = "NEWSGRAPH_STORE")]
    store: Option<PathBuf>,
    /// Largest article accepted, in MB (longer than 64 KB: extracted in parts of at most 64 KB)
    #[arg(long, global = true, default_value_t = input::DEFAULT_MAX_ARTICLE_MB)]
    max_article_mb: usize,
    /// Extra event trigger lexicon (same TSV format as data/lexicon/events.tsv); repeatable
    #[arg(long, global = true)]
    lexicon: Vec<PathBuf>,
    /// Name recognition: rules, the trained tagger, or hybrid (rules, plus the tagger's names they miss)
    #[arg(long, global = true, value_enum, default_value_t = NerChoice::Hybrid)]
    ner: NerChoice,
    /// A name tagger model written by `newsgraph train-ner -o FILE`, used
    /// instead of the bundled one (with --ner tagger or hybrid)
    #[arg(long, global = true, value_name = "FILE")]
    ner_model: Option<PathBuf>,
    /// Read event participants by patterns alone, not from the bundled
    /// dependency parser's trees too (which are read in sentences where a
    /// name touches the trigger or its subject is far; about 1.2 times
    /// faster extraction; see the README)
    #[arg(long, global = true)]
    no_parser: bool,
    /// The default (kept for scripts written when the parser was off by default)
    #[arg(long, global = true, hide = true, conflicts_with = "no_parser")]
    parser: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Extract articles (files, directories, or - for stdin) and store them
    Ingest {
        #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
        paths: Vec<PathBuf>,
        /// Read articles from JSON Lines (FILE, or - for stdin), one
        /// {"id", "published", "text"} object a line; an article's identity is its id
        #[arg(long, value_name = "FILE")]
        jsonl: Option<PathBuf>,
        /// Publication date YYYY-MM-DD that relative dates resolve against ('' = unknown)
        #[arg(long, conflicts_with = "jsonl")]
        published: Option<String>,
        /// Kilobytes of text extracted in parallel and committed together: bounds
        /// memory; an interrupted ingest keeps every batch committed before it
        #[arg(long, default_value_t = newsgraph::ingest::BATCH_BYTES / 1024)]
        batch_kb: usize,
        /// Print a line on stderr each time a batch is committed
        #[arg(long, short)]
        verbose: bool,
    },
    /// Extract one article, or a stream of JSON Lines articles (--jsonl), to stdout, without a store
    Extract {
        #[arg(required_unless_present = "jsonl", conflicts_with = "jsonl")]
        file: Option<PathBuf>,
        /// Read articles from JSON Lines (FILE, or - for stdin), one
        /// {"id", "published", "text"} object a line, and write one JSON
        /// document a line or each article's graph as N-Quads (shards for
        /// `load`); a bad line is reported and skipped (exit 3)
        #[arg(long, value_name = "FILE")]
        jsonl: Option<PathBuf>,
        #[arg(long, conflicts_with = "jsonl")]
        published: Option<String>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
    },
    /// Load N-Quads shards made by `extract --jsonl --format nquads` into the store,
    /// as `ingest --jsonl` of the same articles would write them
    Load {
        /// N-Quads files (or - for stdin)
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Kilobytes of article text per committed batch (about 16 times as much N-Quads)
        #[arg(long, default_value_t = newsgraph::ingest::BATCH_BYTES / 1024)]
        batch_kb: usize,
        /// Print a line on stderr each time a batch is committed
        #[arg(long, short)]
        verbose: bool,
    },
    /// Run a canned query (see `queries`), a .rq file, or --sparql TEXT
    Query {
        /// Canned query name or path to a .rq file
        name: Option<String>,
        #[arg(long)]
        sparql: Option<String>,
        /// NAME=VALUE: binds the query variable ?p_NAME to the literal VALUE; repeatable
        #[arg(long = "param", value_parser = parse_param)]
        params: Vec<(String, String)>,
        #[arg(long, value_enum, default_value_t = ResultChoice::Table)]
        format: ResultChoice,
        /// Stop the query after this many seconds (0: no limit)
        #[arg(long, default_value_t = 60)]
        timeout: u64,
    },
    /// List the canned queries with their parameters
    Queries,
    /// Export the whole store in an RDF format
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Turtle)]
        format: ExportFormat,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Draw a Graphviz DOT view: meetings, timeline, entity --name NAME
    Dot {
        #[arg(value_enum, required_unless_present = "query")]
        view: Option<ViewChoice>,
        /// Draw the result of a CONSTRUCT query file instead of a view
        #[arg(long, conflicts_with = "view")]
        query: Option<PathBuf>,
        /// Entity name for the `entity` view
        #[arg(long)]
        name: Option<String>,
        /// Run Graphviz to write svg or png (needs -o FILE)
        #[arg(long, value_parser = ["svg", "png", "pdf"], requires = "output")]
        render: Option<String>,
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Counts of articles, triples and things by type
    Stats,
    /// Serve the store over HTTP: a read-only SPARQL endpoint (/query), the
    /// canned queries, diagrams and a web page; ingest and remove keep working,
    /// through the server
    Serve {
        /// Address to listen on (another interface than loopback exposes the store)
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        /// Stop a query after this many seconds with 503 (0: no limit)
        #[arg(long, default_value_t = 30)]
        timeout: u64,
        /// Let web pages of this origin (or * for any) call the endpoint (CORS); off by default
        #[arg(long)]
        cors: Option<String>,
        /// Largest answer in MB; a larger one is refused with 503
        #[arg(long, default_value_t = 64)]
        max_result_mb: usize,
    },
    /// Remove an article (its source path or graph IRI) from the store
    Remove { article: String },
    /// Send the store's graphs to a SPARQL store (Graph Store Protocol): each article
    /// graph, the links and the ontology, replaced; resumable, only what changed
    Push {
        /// The store's base URL (e.g. http://127.0.0.1:7878 for `oxigraph serve`)
        url: String,
        #[arg(long, value_enum, default_value_t = ProfileChoice::Oxigraph)]
        profile: ProfileChoice,
        /// User name (HTTP Basic, or Digest when the store asks: Virtuoso)
        #[arg(long, requires = "password", conflicts_with = "token")]
        user: Option<String>,
        #[arg(long, env = "NEWSGRAPH_PUSH_PASSWORD", hide_env_values = true)]
        password: Option<String>,
        /// Access token, sent as `Authorization: Bearer TOKEN` (QLever)
        #[arg(long, env = "NEWSGRAPH_PUSH_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// Send the union graph too, as the default graph queries read
        #[arg(long)]
        union: bool,
        /// Retries of a request after a 5xx answer or a connection error (backoff from 0.5 s, doubling)
        #[arg(long, default_value_t = 5)]
        retries: u32,
        /// Print a line on stderr for each graph sent
        #[arg(long, short)]
        verbose: bool,
    },
    /// Ingest the bundled sample articles into a temporary store and show what it finds
    Demo,
    /// Measure throughput: extraction on one core and on all cores, and the store load
    Bench {
        /// Articles: files, directories, or FORMAT.md .jsonl files [default: the bundled samples]
        paths: Vec<PathBuf>,
        /// Minimum seconds per measurement
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
    },
    /// Score the extractor against gold JSON Lines files (FORMAT.md)
    Eval {
        #[arg(required = true)]
        gold: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
        format: EvalFormat,
    },
    /// Train the name tagger on GUM, Universal NER and news files and write the model (data/models/ner.bin)
    TrainNer {
        /// Folder of GUM .conllu files
        #[arg(long, default_value = "../shared/train/gum")]
        gum: PathBuf,
        /// Universal NER IOB2 file, a held-out genre for --held-out; repeatable [default: the EWT dev and test files in ../shared/train/uner-ewt]
        #[arg(long)]
        uner: Vec<PathBuf>,
        /// Learn from the --uner files too (the bundled model does not: see the README)
        #[arg(long)]
        train_on_uner: bool,
        /// News articles with gold names to learn from (FORMAT.md JSON Lines, or a folder of them; a genre per file); repeatable [default: data/ner-news]
        #[arg(long)]
        news: Vec<PathBuf>,
        /// Learn from no news articles (to measure what they add)
        #[arg(long, conflicts_with = "news")]
        no_news: bool,
        /// Leave each genre out of training in turn and print how the rules, the tagger and both find its names (no model is written)
        #[arg(long)]
        held_out: bool,
        /// Leave each genre out in turn and score hybrid mode over a grid of tagger margins, to choose the defaults on (no model is written)
        #[arg(long, conflicts_with = "held_out")]
        choose_margins: bool,
        /// Passes over the training data
        #[arg(long, default_value_t = 8)]
        epochs: usize,
        /// Model file to write
        #[arg(short, long, default_value = "data/models/ner.bin")]
        output: PathBuf,
    },
    /// Train the UPOS tagger and dependency parser on UD CoNLL-U trees and write parser.bin
    TrainParser {
        /// Training treebank: a CoNLL-U file or a folder of them; repeatable
        /// [default: the EWT train split and the GUM genres in ../shared/train]
        #[arg(long)]
        ud: Vec<PathBuf>,
        /// Dev treebank scored after each epoch (UPOS, UAS, LAS)
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Passes of the parser over the training data [default: 12; 16 with a beam]
        #[arg(long)]
        epochs: Option<usize>,
        /// Passes of the tagger over the training data
        #[arg(long, default_value_t = newsgraph::train::parser::DEFAULT_POS_EPOCHS)]
        pos_epochs: usize,
        /// Train the parser with a beam this wide (1: greedy, into parser.bin; more:
        /// globally, into parser-beam.bin; the bundled one used 8)
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=64))]
        beam: u32,
        /// Folder to write parser.bin into
        #[arg(short, long, default_value = "data/models")]
        output: PathBuf,
    },
    /// Tag and parse a plain text (or, with --tokenized, a CoNLL-U file's sentences) to CoNLL-U
    Parse {
        /// FILE is CoNLL-U: keep its sentences and forms, predict the rest
        #[arg(long)]
        tokenized: bool,
        /// Configurations the parser keeps: 1 parses greedily with the fast model
        /// (extraction's); more, with the beam-trained one [default: 16]
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=64))]
        beam: Option<u32>,
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum NerChoice {
    Rules,
    Tagger,
    Hybrid,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExtractFormat {
    Json,
    Turtle,
    Ntriples,
    Nquads,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    Turtle,
    Ntriples,
    Nquads,
    Trig,
    Rdfxml,
    Jsonld,
}

/// The stores `push` knows (newsgraph::push::Profile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ProfileChoice {
    Oxigraph,
    Virtuoso,
    Fuseki,
    Graphdb,
    Neptune,
    Qlever,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum EvalFormat {
    Table,
    Json,
}

/// The views `newsgraph dot` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ViewChoice {
    /// People as nodes, one edge per meeting labelled with its date.
    Meetings,
    /// Dated events in time order with their participants.
    Timeline,
    /// One entity (--name), its events and the others taking part in them.
    Entity,
}

impl From<ViewChoice> for View {
    fn from(v: ViewChoice) -> View {
        match v {
            ViewChoice::Meetings => View::Meetings,
            ViewChoice::Timeline => View::Timeline,
            ViewChoice::Entity => View::Entity,
        }
    }
}

/// Output formats of `newsgraph query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ResultChoice {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
}

impl From<ResultChoice> for ResultFormat {
    fn from(f: ResultChoice) -> ResultFormat {
        match f {
            ResultChoice::Table => ResultFormat::Table,
            ResultChoice::Csv => ResultFormat::Csv,
            ResultChoice::Tsv => ResultFormat::Tsv,
            ResultChoice::Json => ResultFormat::Json,
            ResultChoice::Xml => ResultFormat::Xml,
        }
    }
}

fn parse_param(s: &str) -> std::result::Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.trim().to_string(), v.to_string()))
        .ok_or_else(|| format!("expected NAME=VALUE, got `{s}`"))
}

impl ExportFormat {
    fn rdf(self) -> RdfFormat {
        match self {
            ExportFormat::Turtle => RdfFormat::Turtle,
            ExportFormat::Ntriples => RdfFormat::NTriples,
            ExportFormat::Nquads => RdfFormat::NQuads,
            ExportFormat::Trig => RdfFormat::TriG,
            ExportFormat::Rdfxml => RdfFormat::RdfXml,
            ExportFormat::Jsonld => RdfFormat::JsonLd {
                profile: oxigraph::io::JsonLdProfileSet::empty(),
            },
        }
    }
}

/// Settings shared by the subcommands, built from the arguments.
pub(crate) struct Config {
    store: PathBuf,
    max_article_bytes: usize,
    lexicon: Vec<PathBuf>,
    ner: NerMode,
    ner_model: Option<PathBuf>,
    parser: bool,
    progress: bool,
}

impl Config {
    fn from_args(args: &Args) -> Self {
        Config {
            store: args
                .store
                .clone()
                .unwrap_or_else(|| PathBuf::from("newsgraph.db")),
            max_article_bytes: args.max_article_mb.saturating_mul(1_000_000),
            lexicon: args.lexicon.clone(),
            ner: match args.ner {
                NerChoice::Rules => NerMode::Rules,
                NerChoice::Tagger => NerMode::Tagger,
                NerChoice::Hybrid => NerMode::Hybrid,
            },
            ner_model: args.ner_model.clone(),
            parser: !args.no_parser,
            progress: std::io::stderr().is_terminal(),
        }
    }

    /// The extractor the flags ask for (`--lexicon`, `--ner`, `--ner-model`).
    fn extractor(&self) -> Result<Extractor> {
        let mut extractor = if self.lexicon.is_empty() {
            Extractor::bundled().clone()
        } else {
            Extractor::with_lexicon(Lexicon::with_user_lexicons(&self.lexicon)?)
        };
        if let Some(path) = &self.ner_model {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let model = Model::from_bytes(&bytes).map_err(|e| match e {
                Error::Data { message, .. } => Error::Usage(format!(
                    "{}: {message}; --ner-model takes a file written by `newsgraph train-ner -o FILE`",
                    path.display()
                )),
                other => other,
            })?;
            extractor = extractor.with_tagger(Some(std::sync::Arc::new(model)));
        } else if let (Some(e), true) = (
            Extractor::bundled_tagger_error(),
            self.ner != NerMode::Rules,
        ) {
            eprintln!("warning: the bundled name tagger is not used, names come from the rules alone: {e}");
        }
        let extractor = extractor.with_mode(self.ner);
        Ok(if self.parser {
            extractor.with_parser()
        } else {
            extractor.without_parser()
        })
    }
}

/// A buffered writer to the file, or to stdout.
pub(crate) fn output(path: Option<&PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| Error::io(p, e))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// What the user can do about an error, in terms of this command line (the
/// library's messages never name a flag).
pub fn hint(err: &Error) -> Option<String> {
    Some(match err {
        Error::Timeout(secs) => format!(
            "the limit is --timeout {secs}s: narrow the query (a LIMIT, more specific patterns) or raise --timeout"
        ),
        Error::MissingParam { param, .. } => format!("pass --param {param}=VALUE"),
        Error::Busy { path, .. } => {
            let remote = newsgraph::serve::Advert::read(path)?;
            format!(
                "`newsgraph serve` holds this store: query it at {}/query (ingest and remove go through it), or stop it",
                remote.url
            )
        }
        Error::ServeUnreachable { .. } => {
            "if that server was killed, its serve.json is stale: retry once the process holding the store has finished".to_string()
        }
        Error::Bind { .. } => "pass another address with --bind HOST:PORT".to_string(),
        Error::NoStore(_) => {
            "run `newsgraph ingest FILE...` first, or pass --store DIR".to_string()
        }
        Error::Usage(m) if m.starts_with("the entity view") => {
            "pass --name \"NAME\"; `newsgraph query people` lists the names".to_string()
        }
        _ => return None,
    })
}

/// A skipped input's reason, with what to do about it where the command
/// line can help.
pub(crate) fn skip_reason(reason: &input::SkipReason) -> String {
    match reason {
        input::SkipReason::OverLimit { .. } => {
            format!("{reason}: raise --max-article-mb if it really is one article")
        }
        input::SkipReason::Other(_) => reason.to_string(),
    }
}

/// Run one subcommand.
pub fn run(args: Args) -> Result<ExitCode> {
    let cfg = Config::from_args(&args);
    match args.command {
        Command::Ingest {
            paths,
            jsonl,
            published,
            batch_kb,
            verbose,
        } => {
            let input = match jsonl {
                Some(f) => ingest::Input::Jsonl(f),
                None => ingest::Input::Files(paths),
            };
            ingest::run(&cfg, &input, published.as_deref(), batch_kb, verbose)
        }
        Command::Extract {
            file,
            jsonl,
            published,
            format,
        } => match (jsonl, file) {
            (Some(jsonl), _) => extract::run_jsonl(&cfg, &jsonl, format),
            (None, Some(file)) => extract::run(&cfg, &file, published.as_deref(), format),
            (None, None) => Err(Error::Usage("extract needs a FILE or --jsonl FILE".into())),
        },
        Command::Load {
            files,
            batch_kb,
            verbose,
        } => load::run(&cfg, &files, batch_kb, verbose),
        Command::Query {
            name,
            sparql,
            params,
            format,
            timeout,
        } => query::run(&cfg, name, sparql, &params, format.into(), timeout),
        Command::Queries => query::list(),
        Command::Export {
            format,
            output: path,
        } => export::run(&cfg, format.rdf(), path.as_ref()),
        Command::Dot {
            view,
            query,
            name,
            render,
            output: path,
        } => dot::run(
            &cfg,
            dot::Drawing {
                view: view.map(View::from),
                query,
                name,
            },
            render.as_deref(),
            path.as_ref(),
        ),
        Command::Stats => export::stats(&cfg),
        Command::Serve {
            bind,
            timeout,
            cors,
            max_result_mb,
        } => serve::run(&cfg, bind, timeout, cors, max_result_mb),
        Command::Remove { article } => ingest::remove(&cfg, &article),
        Command::Push {
            url,
            profile,
            user,
            password,
            token,
            union,
            retries,
            verbose,
        } => {
            let auth = match (user, password, token) {
                (Some(user), Some(password), _) => newsgraph::push::Auth::User { user, password },
                (None, _, Some(t)) => newsgraph::push::Auth::Token(t),
                _ => newsgraph::push::Auth::None,
            };
            let opts = newsgraph::push::PushOptions {
                profile: push::profile(profile),
                auth,
                union,
                retries,
            };
            push::run(&cfg, &url, &opts, verbose)
        }
        Command::Demo => demo::run(&cfg),
        Command::Bench { paths, seconds } => bench::run(&cfg, &paths, seconds),
        Command::TrainNer {
            gum,
            uner,
            train_on_uner,
            news,
            no_news,
            held_out,
            choose_margins,
            epochs,
            output,
        } => {
            let defaults = newsgraph::train::NerData::default_paths();
            let data = newsgraph::train::NerData {
                gum,
                uner: if uner.is_empty() { defaults.uner } else { uner },
                train_on_uner,
                news: match (no_news, news.is_empty()) {
                    (true, _) => Vec::new(),
                    (false, true) => defaults.news,
                    (false, false) => news,
                },
            };
            let task = if choose_margins {
                train::Task::ChooseMargins
            } else if held_out {
                train::Task::HeldOut
            } else {
                train::Task::Train(output)
            };
            train::run(&cfg, &data, epochs, task)
        }
        Command::Eval { gold, format } => eval::run(&cfg, &gold, format),
        Command::TrainParser {
            ud,
            dev,
            epochs,
            pos_epochs,
            beam,
            output,
        } => train_parser::run(
            &if ud.is_empty() {
                newsgraph::train::parser::DEFAULT_TRAINING
                    .iter()
                    .map(PathBuf::from)
                    .collect()
            } else {
                ud
            },
            dev.as_deref(),
            newsgraph::train::parser::Settings {
                pos_epochs,
                parse_epochs: epochs.unwrap_or(if beam > 1 {
                    newsgraph::train::parser::DEFAULT_BEAM_EPOCHS
                } else {
                    newsgraph::train::parser::DEFAULT_PARSE_EPOCHS
                }),
                beam: beam as usize,
            },
            &output,
        ),
        Command::Parse {
            tokenized,
            beam,
            file,
        } => parse::run(&file, tokenized, beam.map(|b| b as usize)),
    }
}
