//! Plain data types that flow through the pipeline.
//!
//! text → [`Sentence`]s of [`Token`]s → [`Mention`]s → [`Entity`]s →
//! [`Event`]s with [`Timex`]es → ordered [`Extraction`].
//!
//! Every span is a byte range into the original article text ([`Span`]);
//! conversion to the code-point offsets of FORMAT.md and NIF happens only at
//! the output edges ([`crate::json`], [`crate::graph`]).

mod article;
mod entity;
mod event;
mod span;
mod time;

pub use article::{Article, Extraction};
pub use entity::{Attributes, Entity, EntityType, Evidence, Mention};
pub use event::{Coreferent, Event, KindInfo, Modality, Participant, Role};
pub use span::{CharIndex, Sentence, Shape, Span, Token, Tokens};
pub use time::{PartialDate, Timex};
