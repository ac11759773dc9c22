//! Page layout: labels every line of a page as article content or boilerplate.
//!
//! Input is the decoded text of one page (a portal page, a press release, a PDF or
//! council-system extract); output is one [`Block`] per non-blank line, in text order,
//! never overlapping, each span without its line end and surrounding white space.
//! Nothing is deleted: later stages read only the blocks whose label
//! [`is_content`](BlockLabel::is_content).
//!
//! The rules read features of the page, not strings of known portals:
//!
//! 1. Line cues (module `cues`): a bare URL, a keyword line, "Anzeige", a photo credit,
//!    an author line, a postcode, phone or e-mail line, legal wording, a menu (many
//!    separators, items apart by runs of spaces, only navigation words), a heading
//!    that opens a teaser or comment list, `[date] … mehr...`, ids and page numbers,
//!    council-system header fields.
//! 2. Repetition: a line printed twice in a row is a caption; a short line printed
//!    three times or more is a running header or footer; a long paragraph printed
//!    twice with legal wording is a legal note.
//! 3. Neighbours: short lines beside a postcode, phone or contact line belong to the
//!    contact box, so does a paragraph of short lines holding an address, and
//!    company names chain the box on; a short heading above a legal note
//!    is legal; a short line between a blank line and a photo credit is its caption;
//!    a teaser heading takes every following line until a long paragraph of running
//!    text resumes the article; a short line above a `[date] … mehr...` line is its
//!    headline, a short line below it its caption.
//! 4. Position: the article runs from the first to the last line of running text
//!    (prose) left unlabelled. Above it, the first headline-like line is the title, a
//!    short line ending in a colon (or a lone name) right above it the kicker, lines
//!    below it subtitle or dateline, other lines page furniture. Inside it, short
//!    lines are headings and bullet lines lists. Below it, stray lines are furniture.

pub(crate) mod cues;
mod lines;

#[cfg(test)]
mod corpus_tests;

use std::collections::HashMap;

use crate::span::Span;
use cues::{Cue, Cues};
use lines::{split_lines, Line};

/// What a block of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockLabel {
    /// The article's headline.
    Title,
    /// A kicker line above the headline ("Cottbus:").
    Kicker,
    /// A line giving place and date of the article.
    Dateline,
    /// Article text.
    Body,
    /// A keyword line of the article ("Stichwörter: …").
    Keywords,
    /// A second headline below the title.
    Subtitle,
    /// A heading inside the article.
    Heading,
    /// A list item of the article.
    List,
    /// Menus, breadcrumbs, search boxes, print and share links.
    Navigation,
    /// Teasers of other articles.
    Teaser,
    /// Advertising.
    Ad,
    /// Company and contact boxes, addresses, phone numbers.
    Contact,
    /// Legal notes, copyright, cookie banners.
    Legal,
    /// Photo captions and credits.
    Caption,
    /// Author lines and boxes.
    Byline,
    /// Bare links.
    Link,
    /// Reader comments.
    Comment,
    /// Ids, page numbers, running headers and footers, council-system header fields.
    Meta,
    /// Other page text outside the article: site names above the headline, stray
    /// lines below the article.
    Other,
}

impl BlockLabel {
    /// True for the article's own text, where facts may come from.
    pub fn is_content(self) -> bool {
        matches!(
            self,
            BlockLabel::Title
                | BlockLabel::Kicker
                | BlockLabel::Dateline
                | BlockLabel::Body
                | BlockLabel::Keywords
                | BlockLabel::Subtitle
                | BlockLabel::Heading
                | BlockLabel::List
        )
    }
}

/// A labelled span of the page. Blocks never overlap and come in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// The bytes the block covers, without its line end.
    pub span: Span,
    /// What the block is.
    pub label: BlockLabel,
}

/// Labels page lines. Built once, shared by all workers.
#[derive(Debug, Clone)]
pub struct BoilerplateClassifier {
    cues: Cues,
}

impl Default for BoilerplateClassifier {
    fn default() -> Self {
        BoilerplateClassifier::new()
    }
}

type Labels = Vec<Option<BlockLabel>>;

impl BoilerplateClassifier {
    /// A classifier with the default rules.
    pub fn new() -> BoilerplateClassifier {
        BoilerplateClassifier { cues: Cues::new() }
    }

    /// The blocks of `text`, in text order.
    pub fn classify(&self, text: &str) -> Vec<Block> {
        let lines = split_lines(text);
        let cues: Vec<Option<Cue>> = lines
            .iter()
            .map(|l| {
                (!l.is_blank())
                    .then(|| self.cues.cue(l.text, l.words, l.prose))
                    .flatten()
            })
            .collect();
        let mut labels: Labels = cues.iter().map(|c| c.map(|c| self.label_of(c))).collect();
        self.repeated_lines(&lines, &mut labels);
        self.contact_boxes(&lines, &mut labels);
        legal_headings(&lines, &mut labels);
        captions_above_credits(&lines, &cues, &mut labels);
        sections(&lines, &cues, &mut labels);
        self.headless_teasers(&lines, &cues, &mut labels);
        self.by_position(&lines, &mut labels);
        lines
            .iter()
            .zip(labels)
            .filter(|(l, _)| !l.is_blank())
            .map(|(l, label)| Block {
                span: l.span,
                label: label.unwrap_or(BlockLabel::Other),
            })
            .collect()
    }

    fn label_of(&self, cue: Cue) -> BlockLabel {
        match cue {
            Cue::Link => BlockLabel::Link,
            Cue::Keywords => BlockLabel::Keywords,
            Cue::Ad | Cue::Widget => BlockLabel::Ad,
            Cue::Caption => BlockLabel::Caption,
            Cue::Byline => BlockLabel::Byline,
            Cue::Contact => BlockLabel::Contact,
            Cue::Legal => BlockLabel::Legal,
            Cue::Navigation => BlockLabel::Navigation,
            Cue::TeaserHeading | Cue::TeaserItem => BlockLabel::Teaser,
            Cue::CommentHeading => BlockLabel::Comment,
            Cue::Meta => BlockLabel::Meta,
            Cue::DocType => BlockLabel::Other,
            Cue::Issue => BlockLabel::Dateline,
        }
    }

    /// Captions printed twice, running headers, repeated legal paragraphs.
    fn repeated_lines(&self, lines: &[Line<'_>], labels: &mut Labels) {
        let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, l) in lines.iter().enumerate().filter(|(_, l)| l.chars >= 3) {
            seen.entry(l.text).or_default().push(i);
        }
        for copies in seen.values().filter(|c| c.len() >= 2) {
            let line = &lines[copies[0]];
            let set = |labels: &mut Labels, i: usize, label| {
                if labels[i].is_none() {
                    labels[i] = Some(label);
                }
            };
            for pair in copies.windows(2) {
                let gap = &lines[pair[0] + 1..pair[1]];
                if gap.len() <= 2 && gap.iter().all(Line::is_blank) {
                    set(labels, pair[0], BlockLabel::Caption);
                    set(labels, pair[1], BlockLabel::Caption);
                }
            }
            if copies.len() >= 3 && line.chars <= 150 {
                copies
                    .iter()
                    .for_each(|&i| set(labels, i, BlockLabel::Meta));
            }
            if line.words >= 20 && self.cues.legal_score(line.text) >= 1 {
                copies
                    .iter()
                    .for_each(|&i| set(labels, i, BlockLabel::Legal));
            }
        }
    }

    /// Short lines beside a postcode, phone, e-mail or contact line; company names
    /// next to contact lines.
    fn contact_boxes(&self, lines: &[Line<'_>], labels: &mut Labels) {
        let n = lines.len();
        for i in 0..n {
            if labels[i] != Some(BlockLabel::Contact) || !self.cues.is_strong_contact(lines[i].text)
            {
                continue;
            }
            for j in [i.wrapping_sub(1), i + 1] {
                if let Some(l) = lines.get(j) {
                    if labels[j].is_none() && l.is_short(6) && l.chars <= 60 && !l.sentence_end {
                        labels[j] = Some(BlockLabel::Contact);
                    }
                }
            }
        }
        // An address block: a paragraph of short lines holding a postcode, phone or
        // e-mail line is a contact box as a whole (letterheads, company guides).
        let mut start = 0;
        for end in 0..=n {
            if end < n && !lines[end].is_blank() {
                continue;
            }
            let para = start..end;
            let has_address = para.clone().any(|i| {
                labels[i] == Some(BlockLabel::Contact) && self.cues.is_address(lines[i].text)
            });
            let all_short = para
                .clone()
                .all(|i| labels[i].is_some() || lines[i].is_short(6));
            if has_address && all_short {
                for i in para {
                    labels[i].get_or_insert(BlockLabel::Contact);
                }
            }
            start = end + 1;
        }
        // Company names chain the box on ("Name GmbH" / "12345 Ort" / "Name GmbH").
        for _ in 0..4 {
            let mut changed = false;
            for i in 0..n {
                let l = &lines[i];
                if labels[i].is_some() || !l.is_short(8) || !self.cues.has_legal_form(l.text) {
                    continue;
                }
                let beside = [i.wrapping_sub(1), i + 1]
                    .iter()
                    .any(|&j| labels.get(j).copied().flatten() == Some(BlockLabel::Contact));
                if beside {
                    labels[i] = Some(BlockLabel::Contact);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// Teaser lines without a heading: the short headline above a `[date] … mehr...`
    /// line and the caption below it; `[date]` lines after the article's own.
    fn headless_teasers(&self, lines: &[Line<'_>], cues: &[Option<Cue>], labels: &mut Labels) {
        let mut own_dateline_seen = false;
        for i in 0..lines.len() {
            let dated = self.cues.has_date_prefix(lines[i].text);
            let item = cues[i] == Some(Cue::TeaserItem);
            if dated && !item && !own_dateline_seen && labels[i].is_none() {
                own_dateline_seen = true;
                continue;
            }
            if !(item || dated) {
                continue;
            }
            labels[i] = Some(BlockLabel::Teaser);
            if let Some(p) = i.checked_sub(1) {
                let l = &lines[p];
                if labels[p].is_none() && l.is_short(15) {
                    labels[p] = Some(BlockLabel::Teaser);
                }
            }
            if let Some(l) = lines.get(i + 1) {
                if labels[i + 1].is_none()
                    && !l.is_blank()
                    && l.words <= 25
                    && !self.cues.has_date_prefix(l.text)
                {
                    labels[i + 1] = Some(BlockLabel::Teaser);
                }
            }
        }
    }

    /// Title, kicker, subtitle and dateline above the article; body, headings and
    /// lists in it; furniture around it.
    fn by_position(&self, lines: &[Line<'_>], labels: &mut Labels) {
        let free = |labels: &Labels, i: usize| labels[i].is_none() && !lines[i].is_blank();
        let first = (0..lines.len()).find(|&i| free(labels, i) && lines[i].prose);
        // Once legal notes, teasers or comments have begun, running text with legal
        // wording belongs to the notes, not to the article.
        let mut ended = false;
        for i in first.unwrap_or(lines.len())..lines.len() {
            ended |= matches!(
                labels[i],
                Some(BlockLabel::Legal | BlockLabel::Teaser | BlockLabel::Comment)
            );
            if ended && free(labels, i) && self.cues.legal_score(lines[i].text) >= 2 {
                labels[i] = Some(BlockLabel::Legal);
            }
        }
        let last = (0..lines.len())
            .rev()
            .find(|&i| free(labels, i) && lines[i].prose);
        let header_end = first.unwrap_or(lines.len());
        self.header(lines, labels, header_end);
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        for i in first..=last {
            if free(labels, i) {
                labels[i] = Some(inner_label(&lines[i]));
            }
        }
        let mut in_article = true;
        for i in last + 1..lines.len() {
            match labels[i] {
                Some(
                    BlockLabel::Link
                    | BlockLabel::Caption
                    | BlockLabel::Byline
                    | BlockLabel::Keywords,
                ) => {}
                Some(_) => in_article = false,
                None if lines[i].is_blank() => {}
                None => {
                    let l = &lines[i];
                    let continues = (l.sentence_end && l.words >= 4) || is_bullet(l.text);
                    labels[i] = Some(if in_article && continues {
                        inner_label(l)
                    } else {
                        BlockLabel::Other
                    });
                }
            }
        }
    }

    /// Labels the free lines above the article (`..end`).
    fn header(&self, lines: &[Line<'_>], labels: &mut Labels, end: usize) {
        let free: Vec<usize> = (0..end)
            .filter(|&i| labels[i].is_none() && !lines[i].is_blank())
            .collect();
        let is_dateline = |l: &Line<'_>| {
            l.words <= 8 && (l.text.starts_with(['(', '[']) || self.cues.has_date(l.text))
        };
        let candidate = |i: usize| title_like(&lines[i]) && !is_dateline(&lines[i]);
        let title = free.iter().enumerate().find(|&(k, &i)| {
            candidate(i) && !free.get(k + 1).is_some_and(|&next| kicker(lines, i, next))
        });
        let Some((k, &t)) = title else {
            for &i in &free {
                labels[i] = Some(if is_dateline(&lines[i]) {
                    BlockLabel::Dateline
                } else {
                    BlockLabel::Other
                });
            }
            return;
        };
        labels[t] = Some(BlockLabel::Title);
        for (pos, &i) in free.iter().enumerate() {
            if i == t {
                continue;
            }
            let label = if is_dateline(&lines[i]) {
                BlockLabel::Dateline
            } else if pos + 1 == k && kicker(lines, i, t) {
                BlockLabel::Kicker
            } else if pos > k {
                BlockLabel::Subtitle
            } else {
                BlockLabel::Other
            };
            labels[i] = Some(label);
        }
    }
}

/// Label of a free line inside the article.
fn inner_label(l: &Line<'_>) -> BlockLabel {
    if is_bullet(l.text) {
        BlockLabel::List
    } else if !l.prose && l.words <= 12 && !l.sentence_end {
        BlockLabel::Heading
    } else {
        BlockLabel::Body
    }
}

/// A list item: bullet sign or "1." before the text.
fn is_bullet(text: &str) -> bool {
    text.starts_with(['•', '·', '▪', '■', '–', '-', '*', '●', '◦'])
        || text.split_once(". ").is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Could be a headline: a short line of words, not running text, not a kicker.
fn title_like(l: &Line<'_>) -> bool {
    !l.prose
        && (1..=30).contains(&l.words)
        && (3..=250).contains(&l.chars)
        && !l.text.ends_with(':')
        && l.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// Small words inside place names ("Frankfurt am Main", "Lohr an der Lahn").
const NAME_JOINERS: &[&str] = &[
    "an", "am", "der", "die", "im", "in", "ob", "vor", "bei", "auf", "zu", "und", "/",
];

/// `line` is a kicker of the headline `next`: a few words ending in a colon, or a
/// lone capitalised name right above a longer line.
fn kicker(lines: &[Line<'_>], line: usize, next: usize) -> bool {
    let (l, n) = (&lines[line], &lines[next]);
    let gap_blank = lines[line + 1..next].iter().all(Line::is_blank);
    if !gap_blank || !title_like(n) {
        return false;
    }
    let colon = l.text.ends_with(':') && l.words <= 5 && next - line <= 2;
    // A place name: capitalised words, maybe joined by "an der", "am", "(Oder)".
    let name = next == line + 1
        && l.words <= 4
        && l.chars <= 40
        && n.chars > l.chars
        && !l.sentence_end
        && l.text.split_whitespace().all(|w| {
            NAME_JOINERS.contains(&w)
                || w.trim_start_matches('(')
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
        && l.text
            .split_whitespace()
            .filter(|w| !NAME_JOINERS.contains(w))
            .count()
            <= 2;
    colon || name
}

/// A short heading right above a legal note ("Wichtiger Hinweis:") is legal too.
fn legal_headings(lines: &[Line<'_>], labels: &mut Labels) {
    for i in 0..lines.len() {
        if labels[i].is_some() || !lines[i].is_short(4) {
            continue;
        }
        let next = (i + 1..lines.len().min(i + 3)).find(|&j| !lines[j].is_blank());
        if next.is_some_and(|j| labels[j] == Some(BlockLabel::Legal))
            && lines[i].text.ends_with(':')
        {
            labels[i] = Some(BlockLabel::Legal);
        }
    }
}

/// A short standalone line directly above a photo credit is its caption.
fn captions_above_credits(lines: &[Line<'_>], cues: &[Option<Cue>], labels: &mut Labels) {
    for (i, cue) in cues.iter().enumerate() {
        if *cue != Some(Cue::Caption) {
            continue;
        }
        if let Some(p) = i.checked_sub(1) {
            let alone = p == 0 || lines[p - 1].is_blank();
            let l = &lines[p];
            if labels[p].is_none() && !l.is_blank() && l.words <= 20 && alone {
                labels[p] = Some(BlockLabel::Caption);
            }
        }
    }
}

/// A teaser or comment heading takes the following lines until running text of the
/// article resumes: a paragraph of 30 words or more after a blank line that is not
/// itself a teaser.
fn sections(lines: &[Line<'_>], cues: &[Option<Cue>], labels: &mut Labels) {
    let mut i = 0;
    while i < lines.len() {
        let label = match cues[i] {
            Some(Cue::TeaserHeading) => BlockLabel::Teaser,
            Some(Cue::CommentHeading) => BlockLabel::Comment,
            _ => {
                i += 1;
                continue;
            }
        };
        let mut j = i + 1;
        while j < lines.len() {
            let l = &lines[j];
            let resumes = labels[j].is_none()
                && l.prose
                && l.words >= 30
                && cues[j] != Some(Cue::TeaserItem)
                && lines[j - 1].is_blank();
            if resumes || matches!(cues[j], Some(Cue::TeaserHeading | Cue::CommentHeading)) {
                break;
            }
            if labels[j].is_none() && !l.is_blank() {
                labels[j] = Some(label);
            }
            j += 1;
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testcases::{run_cases, NamedCase};
    use serde::Deserialize;

    /// A page and the lines expected to be content and boilerplate.
    #[derive(Deserialize)]
    struct Case {
        name: String,
        text: String,
        #[serde(default)]
        content: Vec<String>,
        #[serde(default)]
        boilerplate: Vec<String>,
    }

    impl NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    fn check(c: &BoilerplateClassifier, case: &Case) -> Result<(), String> {
        let blocks = c.classify(&case.text);
        let label_of = |line: &str| {
            blocks
                .iter()
                .find(|b| b.span.slice(&case.text) == Some(line.trim()))
                .map(|b| b.label)
        };
        let mut errors = Vec::new();
        for (want, lines) in [(true, &case.content), (false, &case.boilerplate)] {
            for line in lines {
                match label_of(line) {
                    None => errors.push(format!("no block {line:?}")),
                    Some(l) if l.is_content() != want => {
                        errors.push(format!("{line:?} is {l:?}"));
                    }
                    Some(_) => {}
                }
            }
        }
        errors.is_empty().then_some(()).ok_or(errors.join("; "))
    }

    #[test]
    fn boilerplate_cases() {
        let c = BoilerplateClassifier::new();
        run_cases(
            "boilerplate.toml",
            include_str!("../../testdata/cases/boilerplate.toml"),
            |case| check(&c, case),
        );
    }

    #[test]
    fn blocks_are_ordered_disjoint_and_on_lines() {
        let text = "Kiel:\r\nNeues Netz\r\n\r\n[1.2.2020] Der Kreis und die Stadt vernetzen ihre Schulen, sagte der Landrat am Montag.\r\nAnzeige\r\n";
        let blocks = BoilerplateClassifier::new().classify(text);
        assert_eq!(blocks.len(), 4);
        for w in blocks.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        for b in &blocks {
            let s = b.span.slice(text).unwrap();
            assert!(!s.is_empty() && !s.contains(['\r', '\n']));
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        let c = BoilerplateClassifier::new();
        for text in [
            "",
            "\n\n\r",
            "\u{FEFF}",
            "ä\rö\r\nü",
            ":\n:",
            "\u{FFFD}\u{FFFD}\n1",
        ] {
            let _ = c.classify(text);
        }
    }

    #[test]
    fn classifier_is_send_sync_clone_debug() {
        fn ok<T: Send + Sync + Clone + std::fmt::Debug>() {}
        ok::<BoilerplateClassifier>();
        ok::<Block>();
    }
}
