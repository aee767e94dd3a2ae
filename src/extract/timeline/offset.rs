//! Dates from offsets the text states between two events of a sentence:
//! "was dismissed on Thursday, three days after the currency plunged"
//! dates the plunge the Monday before; "two weeks before the vote" the
//! vote after.

use crate::extract::timex::{number_of, unit_of, Unit};
use crate::model::{Event, PartialDate, Tokens};

/// Give an undated event the date an offset from the dated event before it
/// in the same sentence says: "<count> day(s)|week(s) after|before" between
/// the two triggers. Only dates known to the day move; nothing is
/// overwritten.
pub(super) fn offset_dates(toks: &Tokens, events: &mut [Event]) {
    let tok_of = |s: usize| toks.tokens.partition_point(|t| t.span.start < s);
    let mut at: Vec<(usize, usize)> = events
        .iter()
        .enumerate()
        .map(|(k, e)| (tok_of(e.trigger.start), k))
        .collect();
    at.sort_unstable();
    for w in at.windows(2) {
        let ((t1, a), (t2, b)) = (w[0], w[1]);
        if events[a].sentence != events[b].sentence || events[b].date.is_some() {
            continue;
        }
        let Some(day) = events[a].date.as_ref().and_then(PartialDate::naive) else {
            continue;
        };
        let offset = toks.tokens[t1 + 1..t2].windows(3).find_map(|w| {
            let n = number_of(&w[0].lower)?;
            let days = match unit_of(&w[1].lower)? {
                Unit::Day => n,
                Unit::Week => 7 * n,
                _ => return None,
            };
            match w[2].lower.as_str() {
                "after" => Some(-days),
                "before" => Some(days),
                _ => None,
            }
        });
        if let Some(d) = offset.and_then(|o| day.checked_add_signed(chrono::Duration::days(o))) {
            events[b].date = Some(PartialDate::from_naive(d));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::model::PartialDate;

    fn dates(text: &str) -> Vec<(String, Option<String>)> {
        let x = Extractor::bundled().extract(text, PartialDate::parse("2024-03-06"));
        x.events
            .iter()
            .map(|e| {
                (
                    e.trigger.text(text).to_string(),
                    e.date.as_ref().map(|d| d.to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn an_offset_from_a_dated_event_dates_the_other() {
        // Friday is 1 March; three days before, 27 February.
        let got = dates(
            "Jonas Berg was dismissed on Friday, three days after he met Ana Costa in Porto.",
        );
        assert!(
            got.contains(&("met".into(), Some("2024-02-27".into()))),
            "{got:?}"
        );
        let got = dates("Ana Costa resigned on Friday, two weeks before the vote in Porto.");
        assert!(
            got.contains(&("vote".into(), Some("2024-03-15".into()))),
            "{got:?}"
        );
        // Without a date to count from, nothing is dated.
        let got = dates("Jonas Berg was dismissed three days after he met Ana Costa.");
        assert!(got.iter().all(|(_, d)| d.is_none()), "{got:?}");
    }
}
