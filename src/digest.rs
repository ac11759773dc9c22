//! Digests: newsletters and bulletins that carry several numbered items ("1.
//! Rufbus verbindet …", "2. Landkreis und Stadt gründen …"), often listed in a
//! table of contents first. The record is about the item that reports a
//! cooperation; the other items are like teasers of other articles, and their
//! places, people, dates and amounts are not the article's. A page is a digest
//! when three or more headings numbered 1, 2, 3, ... are listed in a table of
//! contents above them or each stand under a drawn rule; numbered points of one
//! text (questions of an inquiry, points of a resolution) are neither. Council
//! minutes are digests of their agenda items ("zu TOP 8", "zu TOP 9"), and live
//! tickers of their entries, each under its time of day ("14:52 Uhr"). When the
//! headline stood in an item that is dropped, the kept item's heading is the
//! headline. A press review ("Pressespiegel") is a digest of excerpts, each
//! under a line naming its paper and date; it keeps every excerpt that reports
//! a cooperation, as several papers often report the same one.

use regex::Regex;

use crate::boilerplate::{is_rule, Block, BlockLabel};
use crate::span::Span;

/// Fewest numbered items that make a page a digest.
const MIN_ITEMS: usize = 3;

/// Fewest excerpts that make a page naming itself a press review one.
const MIN_EXCERPTS: usize = 2;

/// Most words of an excerpt's source line and of the headline below it.
const MAX_LINE_WORDS: usize = 16;

/// The names a press review gives itself.
const PRESS_REVIEW: &str = r"(?i)\b(?:presse|medien)spiegel|\bpresseschau\b";

/// The line over an excerpt in a press review: the paper's name, maybe after the
/// excerpt's number, then its date ("[2] Köllertal-Anzeiger, 03.02.2026, S. 14",
/// "Unstrut-Echo · 14.11.2024 · Region, S. 13").
const SOURCE_LINE: &str = r"(?x)
    ^ (?: \[ [0-9]{1,2} \] \s* )?
    [^\s,·|] [^,·|\n]{1,60}? \s* [,·|] \s*
    [0-3]?[0-9] \. [01]?[0-9] \. (?: [0-9]{4} | [0-9]{2} ) \b
";

/// Finds the items of a digest page and keeps the one about a cooperation.
#[derive(Debug, Clone)]
pub struct DigestFocus {
    heading: Regex,
    time_stamp: Regex,
    press_review: Regex,
    source_line: Regex,
}

impl Default for DigestFocus {
    fn default() -> Self {
        DigestFocus::new()
    }
}

impl DigestFocus {
    /// The focus with its heading pattern.
    pub fn new() -> DigestFocus {
        DigestFocus {
            #[allow(
                clippy::expect_used,
                reason = "a fixed pattern, compiled by every test"
            )]
            heading: Regex::new(r"^(?P<n>[0-9]{1,2})\.\s+\p{Lu}")
                .expect("the heading pattern is valid"),
            #[allow(
                clippy::expect_used,
                reason = "a fixed pattern, compiled by every test"
            )]
            time_stamp: Regex::new(r"^(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?:\s*Uhr)?$")
                .expect("the time pattern is valid"),
            #[allow(
                clippy::expect_used,
                reason = "a fixed pattern, compiled by every test"
            )]
            press_review: Regex::new(PRESS_REVIEW).expect("the press review pattern is valid"),
            #[allow(
                clippy::expect_used,
                reason = "a fixed pattern, compiled by every test"
            )]
            source_line: Regex::new(SOURCE_LINE).expect("the source line pattern is valid"),
        }
    }

    /// `blocks` with the content of every item but the one that scores best by
    /// `cues` (the number of cooperation cues in a text) relabelled as teasers,
    /// and the table of contents as furniture. Pages that are no digest, or
    /// whose best item is not clearly best, come back unchanged.
    pub fn focus(
        &self,
        text: &str,
        mut blocks: Vec<Block>,
        cues: impl Fn(&str) -> usize,
    ) -> Vec<Block> {
        let excerpts = self.excerpts(text, &blocks);
        if excerpts.len() >= MIN_EXCERPTS {
            return keep_reporting_excerpts(text, blocks, &excerpts, cues);
        }
        let mut items = self.agenda_items(text, &blocks);
        let agenda = items.len() >= 2;
        let mut ticker = false;
        if !agenda {
            items = self.ticker_entries(text, &blocks);
            ticker = items.len() >= MIN_ITEMS;
        }
        if !agenda && !ticker {
            items = self.numbered_items(text, &blocks);
        }
        // Agenda items and ticker entries are items by their form alone.
        let itemised = agenda || ticker;
        if items.len() < MIN_ITEMS && !itemised {
            return blocks;
        }
        // Numbered points of one text (the questions of an inquiry, the points
        // of a resolution) are no items: a digest lists its items first, or
        // sets each apart with a drawn rule.
        // The table of contents repeats the item headings above the items,
        // maybe in other case ("2. Rathaus-IT zieht um" over "2. RATHAUS-IT ZIEHT UM").
        let headings: Vec<String> = items
            .iter()
            .filter_map(|&i| blocks[i].span.slice(text))
            .map(str::to_lowercase)
            .collect();
        let contents: Vec<usize> = (0..items[0])
            .filter(|&i| {
                blocks[i]
                    .span
                    .slice(text)
                    .is_some_and(|t| headings.contains(&t.to_lowercase()))
            })
            .collect();
        let ruled = items
            .iter()
            .all(|&i| i > 0 && blocks[i - 1].span.slice(text).is_some_and(is_rule));
        if contents.len() < MIN_ITEMS && !ruled && !itemised {
            return blocks;
        }
        let count = blocks.len();
        let end_of = |k: usize| items.get(k + 1).copied().unwrap_or(count);
        let scores: Vec<usize> = (0..items.len())
            .map(|k| {
                let body: Vec<&str> = blocks[items[k]..end_of(k)]
                    .iter()
                    .filter(|b| b.label.is_content())
                    .filter_map(|b| b.span.slice(text))
                    .collect();
                cues(&body.join("\n"))
            })
            .collect();
        let Some(best) = (0..items.len()).max_by_key(|&k| (scores[k], std::cmp::Reverse(k))) else {
            return blocks;
        };
        // A ticker that follows one event (a council debate, entry by entry)
        // is one article: its entries are items only when one alone has cues.
        let rivals = if ticker { 1 } else { scores[best] };
        let clearly_best = scores[best] > 0 && scores.iter().filter(|&&s| s >= rivals).count() == 1;
        if !clearly_best {
            return blocks;
        }
        for &i in &contents {
            blocks[i].label = BlockLabel::Other;
        }
        for k in (0..items.len()).filter(|&k| k != best) {
            for block in &mut blocks[items[k]..end_of(k)] {
                if block.label.is_content() {
                    block.label = BlockLabel::Teaser;
                }
            }
        }
        // The record is about the kept item: its heading is the headline, not
        // the digest's name above the items nor the heading of a dropped item.
        for block in blocks.iter_mut().filter(|b| b.label == BlockLabel::Title) {
            block.label = BlockLabel::Other;
        }
        // A heading set in capitals reads better as the contents list it.
        let shouting = |i: usize| {
            blocks[i]
                .span
                .slice(text)
                .is_some_and(|l| !l.chars().any(char::is_lowercase))
        };
        // A section of a press review ("2. Digitales") heads the headline of
        // the report it holds, right below it.
        let section_headline = blocks
            .get(items[best] + 1)
            .filter(|b| b.label == BlockLabel::Heading)
            .filter(|_| {
                blocks[items[best]]
                    .span
                    .slice(text)
                    .is_some_and(|l| l.split_whitespace().count() <= 3)
            });
        // A ticker entry's time of day heads its headline.
        let title = if section_headline.is_some() || ticker {
            items[best] + 1
        } else if shouting(items[best]) {
            contents
                .iter()
                .copied()
                .find(|&i| {
                    blocks[i].span.slice(text).map(str::to_lowercase).as_ref() == headings.get(best)
                })
                .unwrap_or(items[best])
        } else {
            items[best]
        };
        let heading = &mut blocks[title];
        heading.label = BlockLabel::Title;
        // The item's number is no word of its headline.
        if !itemised {
            if let Some(words) = heading.span.slice(text).and_then(|l| self.number_end(l)) {
                heading.span = Span::new(heading.span.start + words, heading.span.end);
            }
        }
        // Lines the heading wraps onto stand right below it.
        let headline = title.max(items[best]);
        let mut above = blocks[headline].span;
        for block in blocks.iter_mut().skip(headline + 1) {
            let gap = text.get(above.end..block.span.start).unwrap_or("\n\n");
            let wrapped = gap.trim().is_empty() && gap.matches('\n').count() == 1;
            let short = block
                .span
                .slice(text)
                .is_some_and(|l| l.split_whitespace().count() <= 15 && !is_rule(l));
            if !(wrapped && short) {
                break;
            }
            block.label = BlockLabel::Subtitle;
            above = block.span;
        }
        blocks
    }

    /// Where the words of a numbered heading start, after "2. ".
    fn number_end(&self, heading: &str) -> Option<usize> {
        let number = self.heading.captures(heading)?.name("n")?;
        let rest = &heading[number.end() + 1..];
        Some(heading.len() - rest.trim_start().len())
    }

    /// The item headings numbered 1, 2, 3, ...: the last such run, in order.
    fn numbered_items(&self, text: &str, blocks: &[Block]) -> Vec<usize> {
        let numbered = self.headings(text, blocks, |line| {
            self.heading
                .captures(line)?
                .name("n")?
                .as_str()
                .parse()
                .ok()
        });
        let Some(first) = numbered.iter().rposition(|&(_, n)| n == 1) else {
            return Vec::new();
        };
        let mut items: Vec<usize> = Vec::new();
        for &(i, n) in &numbered[first..] {
            if n == items.len() + 1 {
                items.push(i);
            }
        }
        items
    }

    /// The entries of a live ticker: each opens with a block that holds only
    /// its time of day ("14:52 Uhr"), and its headline follows. A speaker's
    /// label after a time code ("00:55 Sprecher:") marks a transcript instead.
    fn ticker_entries(&self, text: &str, blocks: &[Block]) -> Vec<usize> {
        let headline = |b: &Block| {
            b.span
                .slice(text)
                .is_some_and(|l| l.split_whitespace().count() <= 15 && !l.trim_end().ends_with(':'))
        };
        (0..blocks.len().saturating_sub(1))
            .filter(|&i| {
                blocks[i]
                    .span
                    .slice(text)
                    .is_some_and(|l| self.time_stamp.is_match(l))
            })
            .filter(|&i| headline(&blocks[i + 1]))
            .collect()
    }

    /// The agenda items of council minutes ("zu TOP 8", "TOP 9:"), numbered on
    /// from any first item: minutes are printed in parts.
    fn agenda_items(&self, text: &str, blocks: &[Block]) -> Vec<usize> {
        let mut items: Vec<usize> = Vec::new();
        let mut last: Option<usize> = None;
        for (i, n) in self.headings(text, blocks, |line| agenda_item(line).map(|(n, _)| n)) {
            if last.map_or(true, |l| n == l + 1) {
                items.push(i);
                last = Some(n);
            }
        }
        items
    }

    /// The source lines of a press review's excerpts, each with its headline in
    /// the block below; none unless the page names itself a press review above
    /// the first of them.
    fn excerpts(&self, text: &str, blocks: &[Block]) -> Vec<usize> {
        // Most pages are no press review: one scan for its name rules them out.
        if !self.press_review.is_match(text) {
            return Vec::new();
        }
        let short = |i: usize| {
            blocks
                .get(i)
                .and_then(|b| b.span.slice(text))
                .is_some_and(|l| {
                    let words = l.split_whitespace().count();
                    (1..=MAX_LINE_WORDS).contains(&words) && !l.trim_end().ends_with('.')
                })
        };
        let lines: Vec<usize> = (0..blocks.len())
            .filter(|&i| short(i) && short(i + 1))
            .filter(|&i| {
                blocks[i]
                    .span
                    .slice(text)
                    .is_some_and(|l| self.source_line.is_match(l))
            })
            .collect();
        let Some(&first) = lines.first() else {
            return lines;
        };
        let named = blocks[..first]
            .iter()
            .filter_map(|b| b.span.slice(text))
            .any(|l| self.press_review.is_match(l));
        if named {
            lines
        } else {
            Vec::new()
        }
    }

    /// Short heading blocks with the number `number` reads from them.
    fn headings(
        &self,
        text: &str,
        blocks: &[Block],
        number: impl Fn(&str) -> Option<usize>,
    ) -> Vec<(usize, usize)> {
        blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let line = b.span.slice(text)?;
                // Every heading starts with a digit, "zu" or "TOP": most lines
                // are out before the pattern runs.
                if !line.starts_with(|c: char| c.is_ascii_digit() || c == 'z' || c == 'T') {
                    return None;
                }
                let short = line.split_whitespace().count() <= 15 && !line.ends_with('.');
                let n = number(line)?;
                short.then_some((i, n))
            })
            .collect()
    }
}

/// Acronyms that name no body a cooperation could be about: currencies, parties
/// and agencies that sign reports.
const COMMON_ACRONYMS: [&str; 10] = [
    "EUR", "CDU", "CSU", "SPD", "FDP", "AFD", "BSW", "ÖDP", "DPA", "EPD",
];

/// The acronyms of three or more capitals in `text` ("KIV", "IKS"): the short
/// names by which reports on one provider or body recognise each other.
fn acronyms(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase))
        .filter(|w| !COMMON_ACRONYMS.contains(w))
        .collect()
}

/// A press review's `blocks` with the excerpts under `sources` that neither
/// have a cooperation cue nor share an acronym with the excerpt with the most
/// cues set apart as teasers, and that excerpt's headline as the page's
/// headline. A review without any excerpt with cues comes back unchanged.
fn keep_reporting_excerpts(
    text: &str,
    mut blocks: Vec<Block>,
    sources: &[usize],
    cues: impl Fn(&str) -> usize,
) -> Vec<Block> {
    let ends: Vec<usize> = (0..sources.len())
        .map(|k| sources.get(k + 1).copied().unwrap_or(blocks.len()))
        .collect();
    let bodies: Vec<String> = (0..sources.len())
        .map(|k| {
            let body: Vec<&str> = blocks[sources[k] + 1..ends[k]]
                .iter()
                .filter(|b| b.label.is_content())
                .filter_map(|b| b.span.slice(text))
                .collect();
            body.join("\n")
        })
        .collect();
    let scores: Vec<usize> = bodies.iter().map(|b| cues(b)).collect();
    let Some(best) = (0..sources.len()).max_by_key(|&k| (scores[k], std::cmp::Reverse(k))) else {
        return blocks;
    };
    if scores[best] == 0 {
        return blocks;
    }
    let best_acronyms = acronyms(&bodies[best]);
    let reports = |k: usize| {
        scores[k] > 0
            || acronyms(&bodies[k])
                .iter()
                .any(|a| best_acronyms.contains(a))
    };
    for block in blocks.iter_mut().filter(|b| b.label == BlockLabel::Title) {
        block.label = BlockLabel::Other;
    }
    // A list above the excerpts is their table of contents.
    for block in blocks[..sources[0]]
        .iter_mut()
        .filter(|b| b.label == BlockLabel::List)
    {
        block.label = BlockLabel::Other;
    }
    for k in 0..sources.len() {
        if !reports(k) {
            for block in &mut blocks[sources[k]..ends[k]] {
                if block.label.is_content() {
                    block.label = BlockLabel::Teaser;
                }
            }
        } else {
            // The source line dates the excerpt.
            blocks[sources[k]].label = BlockLabel::Dateline;
        }
    }
    blocks[sources[best] + 1].label = BlockLabel::Title;
    blocks
}

/// The number and the heading of an agenda item's label ("zu TOP 9
/// Kooperationsvereinbarung …", "TOP 9: …"); `None` for any other line.
pub(crate) fn agenda_item(line: &str) -> Option<(usize, &str)> {
    let rest = line
        .strip_prefix("zu")
        .filter(|r| r.starts_with(char::is_whitespace))
        .map_or(line, str::trim_start);
    let number = rest
        .strip_prefix("TOP")
        .filter(|r| r.starts_with(char::is_whitespace))?
        .trim_start();
    let digits = number
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(number.len());
    if !(1..=3).contains(&digits) {
        return None;
    }
    let n = number[..digits].parse().ok()?;
    let after = &number[digits..];
    let after = after.strip_prefix([':', '.']).unwrap_or(after);
    after
        .starts_with(char::is_whitespace)
        .then(|| (n, after.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boilerplate::BoilerplateClassifier;

    const NEWSLETTER: &str = "Gemeinde-Info 4/2024\n\nIn dieser Ausgabe:\n1. Neuer Spielplatz im Ortskern\n2. Zwei Gemeinden teilen ihre IT\n3. Sprechzeiten im Advent\n\n1. Neuer Spielplatz im Ortskern\n\nDer Spielplatz an der Kirche in Altdorf wird im Frühjahr für 40.000 Euro erneuert und bekommt eine neue Rutsche.\n\n2. Zwei Gemeinden teilen ihre IT\n\nDie Gemeinden Altdorf und Neudorf legen ihre IT zusammen und wollen gemeinsam einen Administrator beschäftigen.\n\n3. Sprechzeiten im Advent\n\nDas Rathaus in Neudorf ist vom 22. Dezember an nur vormittags geöffnet, wie die Verwaltung am Montag mitteilte.\n";

    fn labels_of(text: &str, blocks: &[Block]) -> Vec<(String, BlockLabel)> {
        blocks
            .iter()
            .map(|b| (b.span.slice(text).unwrap_or("").to_owned(), b.label))
            .collect()
    }

    fn cue_count(text: &str) -> usize {
        text.matches("gemeinsam").count() + text.matches("zusammen").count()
    }

    /// The blocks of `text` after the layout stage and the focus on its item.
    fn focused(text: &str) -> Vec<Block> {
        let blocks = BoilerplateClassifier::new().classify(text);
        DigestFocus::new().focus(text, blocks, cue_count)
    }

    /// Asserts that the focus leaves the labels of `text` as the layout gave them.
    fn assert_left_alone(text: &str, weight: fn(&str) -> usize) {
        let blocks = BoilerplateClassifier::new().classify(text);
        let before = labels_of(text, &blocks);
        let focused = DigestFocus::new().focus(text, blocks, weight);
        assert_eq!(labels_of(text, &focused), before);
    }

    #[test]
    fn only_the_item_with_cues_stays_content() {
        let focused = focused(NEWSLETTER);
        let labels = labels_of(NEWSLETTER, &focused);
        let label = |prefix: &str| {
            labels
                .iter()
                .filter(|(t, _)| t.starts_with(prefix))
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
        };
        assert!(label("Die Gemeinden Altdorf")
            .iter()
            .all(|l| l.is_content()));
        assert_eq!(label("Der Spielplatz"), [BlockLabel::Teaser]);
        assert_eq!(label("Das Rathaus"), [BlockLabel::Teaser]);
        // The table of contents and the item heading.
        assert!(!label("1. Neuer Spielplatz")[0].is_content());
    }

    const PRESS_REVIEW: &str = "Pressestelle des Landkreises\n\nPressespiegel vom 4. März 2031\n\n\
        INHALT\n1. Hallenbad schließt im Sommer\n2. Zwei Gemeinden teilen die IT\n\n\
        [1] Weserbote, 04.03.2031, S. 12\n\nHallenbad schließt im Sommer\n\n\
        Das Hallenbad in Altdorf bleibt von Juni an geschlossen, die Sanierung kostet 2,1 Millionen Euro.\n\n\
        [2] Kreiszeitung, 04.03.2031, S. 9\n\nZwei Gemeinden teilen die IT\n\n\
        Die Gemeinden Altdorf und Neudorf legen ihre IT zusammen, betreut vom Verband KDVA.\n\n\
        [3] Weserbote, 03.03.2031, S. 13\n\nKritik am Vertrag mit dem Verband\n\n\
        Der KDVA verlange zu viel, sagte ein Ratsherr aus Neudorf in der Sitzung.\n";

    #[test]
    fn a_press_review_keeps_the_excerpts_on_the_cooperation() {
        let focused = focused(PRESS_REVIEW);
        let labels = labels_of(PRESS_REVIEW, &focused);
        let label = |prefix: &str| {
            labels
                .iter()
                .find(|(t, _)| t.starts_with(prefix))
                .map(|(_, l)| *l)
        };
        assert_eq!(label("Das Hallenbad"), Some(BlockLabel::Teaser));
        assert_eq!(label("1. Hallenbad"), Some(BlockLabel::Other));
        assert!(label("Die Gemeinden Altdorf").is_some_and(BlockLabel::is_content));
        // A report on the same provider stays, though it has no cue itself.
        assert!(label("Der KDVA verlange").is_some_and(BlockLabel::is_content));
        assert_eq!(label("[2] Kreiszeitung"), Some(BlockLabel::Dateline));
        assert_eq!(
            crate::extract::title::find_title(PRESS_REVIEW, &focused).as_deref(),
            Some("Zwei Gemeinden teilen die IT")
        );
    }

    #[test]
    fn excerpts_need_a_page_that_names_itself_a_press_review() {
        let text = PRESS_REVIEW.replace("Pressespiegel vom", "Nachrichten vom");
        let blocks = BoilerplateClassifier::new().classify(&text);
        assert!(DigestFocus::new().excerpts(&text, &blocks).is_empty());
        let blocks = BoilerplateClassifier::new().classify(PRESS_REVIEW);
        assert_eq!(DigestFocus::new().excerpts(PRESS_REVIEW, &blocks).len(), 3);
    }

    #[test]
    fn numbered_points_of_one_text_are_no_items() {
        let text = "Beschluss\n\n1. Die Stadt tritt dem Zweckverband bei und arbeitet mit ihm zusammen\n\nDer Beitritt gilt ab Januar.\n\n2. Die Stadt zahlt eine Umlage\n\nDie Umlage beträgt 10.000 Euro.\n\n3. Die Verwaltung wird beauftragt\n\nSie soll die Verfahren umstellen.\n";
        assert_left_alone(text, cue_count);
    }

    #[test]
    fn minutes_keep_the_agenda_item_about_a_cooperation() {
        let text = "Gemeinderat Altdorf – Niederschrift über die Sitzung vom 3. Mai 2024          Seite 4\n\nzu TOP 6    Neue Spielgeräte für den Kindergarten\n\nDer Gemeinderat beschließt die Beschaffung neuer Spielgeräte für den Kindergarten im Ortsteil.\n\nzu TOP 7    Vereinbarung mit der Gemeinde Neudorf über eine\n            gemeinsame IT-Betreuung\n\nDer Bürgermeister erläutert die Vorlage. Die Gemeinden Altdorf und Neudorf wollen ihre IT gemeinsam betreuen lassen und teilen sich die Kosten.\n";
        let focused = focused(text);
        assert_eq!(
            crate::extract::title::find_title(text, &focused).as_deref(),
            Some("Vereinbarung mit der Gemeinde Neudorf über eine gemeinsame IT-Betreuung")
        );
        let labels = labels_of(text, &focused);
        let spielgeraete = labels
            .iter()
            .find(|(t, _)| t.starts_with("Der Gemeinderat"));
        assert_eq!(spielgeraete.map(|(_, l)| *l), Some(BlockLabel::Teaser));
    }

    #[test]
    fn the_kept_item_heads_the_record_under_the_newsletter_name() {
        let text = "NACHRICHTEN AUS ALTDORF\nDer Newsletter der Gemeinde Altdorf\n\nLiebe Leserinnen und Leser,\n\nInhalt\n1. Neuer Spielplatz im Ortskern\n2. Zwei Gemeinden teilen ihre IT\n3. Sprechzeiten im Advent am 22. Dezember\n\n-----------------------------\n1. NEUER SPIELPLATZ IM ORTSKERN\n-----------------------------\n\nDer Spielplatz an der Kirche in Altdorf wird im Frühjahr erneuert und bekommt eine neue Rutsche.\n\n-----------------------------\n2. ZWEI GEMEINDEN TEILEN IHRE IT\n-----------------------------\n\nDie Gemeinden Altdorf und Neudorf legen ihre IT zusammen und wollen gemeinsam einen Administrator beschäftigen.\n\n-----------------------------\n3. SPRECHZEITEN IM ADVENT AM 22. DEZEMBER\n-----------------------------\n\nDas Rathaus ist vom 22. Dezember an nur vormittags geöffnet.\n";
        let focused = focused(text);
        assert_eq!(
            crate::extract::title::find_title(text, &focused).as_deref(),
            Some("Zwei Gemeinden teilen ihre IT")
        );
        let labels = labels_of(text, &focused);
        let contents_entry = labels
            .iter()
            .find(|(t, _)| t.starts_with("3. Sprechzeiten"))
            .map(|(_, l)| *l);
        assert!(contents_entry.is_some_and(|l| !l.is_content()));
    }

    #[test]
    fn a_press_review_section_gives_way_to_the_headline_it_holds() {
        let text = "# Pressespiegel\n\nIn dieser Ausgabe:\n1. Gesundheit\n2. Digitales\n3. Verkehr\n\n## 1. Gesundheit\n\n### Neue Notaufnahme in Altdorf\n\nDas Krankenhaus in Altdorf hat seine Notaufnahme erweitert und neue Räume bezogen.\n\n## 2. Digitales\n\n### Zwei Gemeinden teilen ihre IT\n\nDie Gemeinden Altdorf und Neudorf legen ihre IT zusammen und wollen gemeinsam einen Administrator beschäftigen.\n\n## 3. Verkehr\n\n### Neue Buslinie ab Montag\n\nDie Linie 12 fährt ab Montag auch nach Neudorf, teilte der Verkehrsverbund mit.\n";
        let focused = focused(text);
        assert_eq!(
            crate::extract::title::find_title(text, &focused).as_deref(),
            Some("Zwei Gemeinden teilen ihre IT")
        );
    }

    #[test]
    fn a_ticker_keeps_the_entry_about_a_cooperation() {
        let text = "Stadtticker Altdorf\n\n18:30 Uhr\n\nFreibad öffnet früher\n\nDas Freibad in Altdorf öffnet in diesem Jahr schon am 1. Mai, teilte die Stadt mit.\n\n15:05 Uhr\n\nZwei Gemeinden teilen ihre IT\n\nDie Gemeinden Altdorf und Neudorf legen ihre IT zusammen und wollen gemeinsam einen Administrator beschäftigen.\n\n09:12 Uhr\n\nBaustelle in Neudorf\n\nDie Hauptstraße in Neudorf ist bis Freitag für 20.000 Euro gesperrt.\n";
        let focused = focused(text);
        assert_eq!(
            crate::extract::title::find_title(text, &focused).as_deref(),
            Some("Zwei Gemeinden teilen ihre IT")
        );
        let content: Vec<String> = labels_of(text, &focused)
            .into_iter()
            .filter(|(_, l)| l.is_content())
            .map(|(t, _)| t)
            .collect();
        assert!(content
            .iter()
            .any(|t| t.starts_with("Die Gemeinden Altdorf")));
        assert!(!content
            .iter()
            .any(|t| t.contains("Freibad") || t.contains("Hauptstraße")));
    }

    #[test]
    fn a_ticker_of_one_event_stays_one_article() {
        let text = "Liveticker: Rat entscheidet über gemeinsame IT\n\n19:40 Uhr\n\nDer Rat stimmt zu\n\nAltdorf und Neudorf legen ihre IT zusammen und betreiben sie gemeinsam, beschließt der Rat.\n\n19:05 Uhr\n\nDebatte über die Kosten\n\nDie Fraktionen streiten über die gemeinsame IT und den Zeitplan.\n\n18:30 Uhr\n\nSitzung beginnt\n\nDer Bürgermeister eröffnet die Sitzung im Rathaus.\n";
        assert_left_alone(text, cue_count);
    }

    #[test]
    fn a_transcript_with_time_codes_is_no_ticker() {
        let text = "Altdorf legt IT mit Neudorf zusammen\n\n00:12\n\nSprecherin:\n\nIm Rathaus von Altdorf wird heute gewählt.\n\n00:41\n\nSprecher:\n\nAltdorf und Neudorf legen ihre IT zusammen und betreiben sie gemeinsam.\n\n01:30\n\nSprecherin:\n\nDas Wetter bleibt trüb.\n";
        assert_left_alone(text, cue_count);
    }

    #[test]
    fn a_page_without_a_clear_item_stays_as_it_is() {
        assert_left_alone(NEWSLETTER, |_| 0);
    }
}
