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
//!    three times or more, or again at the top of each page (after a form feed), is
//!    a running header or footer, its first copy the letterhead when it opens the
//!    paper and only names a house; a long paragraph printed twice with legal
//!    wording is a legal note.
//! 3. Neighbours: short lines beside a postcode, phone or contact line belong to the
//!    contact box, so does a paragraph of short lines holding an address, and
//!    company names chain the box on; a short heading above a legal note
//!    is legal; a short line between a blank line and a photo credit is its caption;
//!    a teaser heading takes every following line until a long paragraph of running
//!    text resumes the article; a short line above a `[date] … mehr...` line is its
//!    headline, a short line below it its caption; a headline over one paragraph,
//!    boxed between two long drawn rules below the article's start, is another item.
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
pub(crate) use cues::is_rule;
use cues::{Cue, Cues};
use lines::{split_lines, Line};

/// Press releases set a quote apart and name its speaker on the line below
/// ("Lena Hirsch, Oberbürgermeisterin der Stadt Altdorf"). That line is article
/// text, though it is short and no sentence: a line of furniture right after a
/// paragraph that closes a quote becomes body when it reads as "name, role":
/// a capital, a comma, few words, no full stop at the end.
pub(crate) fn attach_quote_attributions(text: &str, blocks: &mut [Block]) {
    for i in 1..blocks.len() {
        let closes_quote = blocks[i - 1].label == BlockLabel::Body
            && blocks[i - 1].span.slice(text).is_some_and(|l| {
                l.trim_end_matches(['.', '…'])
                    .ends_with(['“', '”', '"', '«', '»'])
            });
        let attribution = blocks[i].label == BlockLabel::Other
            && blocks[i].span.slice(text).is_some_and(|l| {
                l.starts_with(char::is_uppercase)
                    && l.contains(", ")
                    && !l.ends_with('.')
                    && l.split_whitespace().count() <= 15
            });
        if closes_quote && attribution {
            blocks[i].label = BlockLabel::Body;
        }
    }
}

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
    /// The head of an official paper above its subject: the house that issues it
    /// and the member whose question it answers. Unlike a portal's furniture it is
    /// the document's own text.
    Letterhead,
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
                | BlockLabel::Letterhead
        )
    }

    /// True for blocks whose dates are the article's own: its content, and bylines,
    /// whose date ("Von Anna Beispiel, 03.05.2019, 10:15 Uhr") is the article's date
    /// while the author's name is not part of its text.
    pub fn bears_own_dates(self) -> bool {
        self.is_content() || self == BlockLabel::Byline
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

/// Lines at most this long have their cue remembered.
const CACHED_LINE_CHARS: usize = 160;

/// Remembered lines per thread before the memory starts afresh: at most about
/// 1 MiB per worker.
const CACHED_LINES: usize = 4096;

/// Per thread: line text -> its cue, as a short line and as running text.
type CueCache = HashMap<String, [Option<Option<Cue>>; 2]>;

thread_local! {
    static CUE_CACHE: std::cell::RefCell<CueCache> = std::cell::RefCell::new(HashMap::new());
}

impl BoilerplateClassifier {
    /// A classifier with the default rules.
    pub fn new() -> BoilerplateClassifier {
        BoilerplateClassifier { cues: Cues::new() }
    }

    /// The line cues, which the HTML layout reads too.
    pub(crate) fn cues(&self) -> &Cues {
        &self.cues
    }

    /// The cue of a line, remembered per thread for short lines: navigation,
    /// footers and legal lines repeat on every page of a portal. The cues are
    /// fixed patterns, so a remembered answer is the answer.
    fn cached_cue(&self, line: &Line<'_>) -> Option<Cue> {
        if line.chars > CACHED_LINE_CHARS {
            return self.cues.cue(line.text, line.words, line.prose);
        }
        CUE_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let slot = usize::from(line.prose);
            if let Some(known) = cache.get(line.text).and_then(|answers| answers[slot]) {
                return known;
            }
            let cue = self.cues.cue(line.text, line.words, line.prose);
            if cache.len() >= CACHED_LINES {
                cache.clear();
            }
            cache.entry(line.text.to_owned()).or_insert([None; 2])[slot] = Some(cue);
            cue
        })
    }

    /// The blocks of `text`, in text order.
    pub fn classify(&self, text: &str) -> Vec<Block> {
        let lines = split_lines(text);
        let cues: Vec<Option<Cue>> = lines
            .iter()
            .map(|l| (!l.is_blank()).then(|| self.cached_cue(l)).flatten())
            .collect();
        let mut labels: Labels = cues.iter().map(|c| c.map(|c| c.label())).collect();
        // "Pressemitteilung vom 9. Oktober 2014" dates the page it heads.
        for (i, l) in lines.iter().enumerate() {
            if cues[i] == Some(Cue::DocType) && self.cues.has_date(l.text) {
                labels[i] = Some(BlockLabel::Dateline);
            }
        }
        mail_headers(text, &lines, &mut labels);
        mime_parts(&lines, &mut labels);
        front_matter(&lines, &mut labels);
        cover_letter(&lines, &mut labels);
        mail_signature(&lines, &mut labels);
        self.repeated_lines(text, &lines, &mut labels);
        self.tables_of_contents(&lines, &mut labels);
        self.council_dates(&lines, &mut labels);
        self.contact_boxes(&lines, &mut labels);
        legal_headings(&lines, &mut labels);
        captions_above_credits(&lines, &cues, &mut labels);
        sections(&lines, &cues, &mut labels);
        boxes(&lines, &cues, &mut labels);
        self.headless_teasers(&lines, &cues, &mut labels);
        later_wire_items(&lines, &mut labels);
        ruled_items(&lines, &mut labels);
        self.by_position(&lines, &mut labels);
        self.dated_bylines(&lines, &mut labels);
        promote_headline(&lines, &mut labels);
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

    /// Captions printed twice, running headers, repeated legal paragraphs.
    fn repeated_lines(&self, text: &str, lines: &[Line<'_>], labels: &mut Labels) {
        // Line numbers grouped by text, each group in text order (a stable sort;
        // no map, as a page has only a few dozen lines).
        let mut order: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].chars >= 3).collect();
        order.sort_by_key(|&i| lines[i].text);
        let groups = order.chunk_by(|&a, &b| lines[a].text == lines[b].text);
        for copies in groups.filter(|c| c.len() >= 2) {
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
            let page_header = copies[1..].iter().all(|&i| self.opens_page(text, lines, i));
            if (copies.len() >= 3 || page_header) && line.chars <= 150 {
                // A running header that carries a date (a gazette's masthead with
                // its issue date) dates the document: its first copy is a dateline.
                let undecided =
                    |l: Option<BlockLabel>| matches!(l, None | Some(BlockLabel::Dateline));
                let dated = self.cues.has_date(line.text) && undecided(labels[copies[0]]);
                for &i in copies {
                    if undecided(labels[i]) {
                        labels[i] = Some(BlockLabel::Meta);
                    }
                }
                if dated {
                    labels[copies[0]] = Some(BlockLabel::Dateline);
                } else if page_header
                    && names_a_house(line)
                    && (0..copies[0]).all(|j| lines[j].is_blank())
                {
                    // Atop the first page it heads the paper: the house that issues it.
                    labels[copies[0]] = Some(BlockLabel::Letterhead);
                }
            }
            if line.words >= 20 && self.cues.legal_score(line.text) >= 1 {
                copies
                    .iter()
                    .for_each(|&i| set(labels, i, BlockLabel::Legal));
            }
        }
    }

    /// Whether line `i` opens a page of a paged text: a form feed stands right
    /// above it, or above the page number right above it. A line printed there
    /// again is the document's running header, however few pages it has.
    fn opens_page(&self, text: &str, lines: &[Line<'_>], i: usize) -> bool {
        let above = |i: usize| (0..i).rev().find(|&j| !lines[j].is_blank());
        let after_feed = |i: usize| {
            let start = above(i).map_or(0, |j| lines[j].span.end);
            text.get(start..lines[i].span.start)
                .is_some_and(|gap| gap.contains('\x0C'))
        };
        after_feed(i)
            || above(i).is_some_and(|j| self.cues.is_page_number(lines[j].text) && after_feed(j))
    }

    /// A table of contents: a paragraph holding a line with dot leaders and a page
    /// number ("Satzung ........ Seite 3") lists other pieces, all of it is meta.
    fn tables_of_contents(&self, lines: &[Line<'_>], labels: &mut Labels) {
        for para in paragraphs(lines) {
            if para.clone().any(|i| self.cues.is_toc_entry(lines[i].text)) {
                for i in para {
                    labels[i] = Some(BlockLabel::Meta);
                }
            }
        }
    }

    /// The dates of a council document's own fields: a `Datum:` or `Sitzung:`
    /// field, and the rows of the `Beratungsfolge` table that give the date of a
    /// meeting, are datelines.
    fn council_dates(&self, lines: &[Line<'_>], labels: &mut Labels) {
        let mut in_table = false;
        for (i, l) in lines.iter().enumerate() {
            if l.is_blank() {
                // The table may stand one blank line below its field name.
                in_table &= lines
                    .get(i.wrapping_sub(1))
                    .is_some_and(|p| p.text.ends_with(':'));
                continue;
            }
            if labels[i] == Some(BlockLabel::Meta)
                && is_date_field(l.text)
                && self.cues.has_date(l.text)
            {
                labels[i] = Some(BlockLabel::Dateline);
            }
            // No character outside ASCII lower-cases to one of these letters.
            if l.text
                .get(..14)
                .is_some_and(|head| head.eq_ignore_ascii_case("beratungsfolge"))
            {
                in_table = true;
                continue;
            }
            if in_table && !l.prose && self.cues.has_date(l.text) {
                labels[i] = Some(BlockLabel::Dateline);
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
    /// A short line in the page head with a date and byline words ("05.10.2023 ·
    /// Lesezeit 3 Minuten · Von Max Muster", "27.05.2021, 18:30 Uhr") is a byline,
    /// whatever its separators made it look like: its date is the article's.
    fn dated_bylines(&self, lines: &[Line<'_>], labels: &mut Labels) {
        let head = lines.len() / 2 + 1;
        for (i, l) in lines.iter().enumerate().take(head) {
            let relabel = matches!(
                labels[i],
                None | Some(BlockLabel::Navigation | BlockLabel::Heading | BlockLabel::Other)
            );
            if relabel && self.is_dated_byline(l) {
                labels[i] = Some(BlockLabel::Byline);
            }
        }
    }

    /// A short line with a date and a byline word or separator; never a headline.
    fn is_dated_byline(&self, l: &Line<'_>) -> bool {
        const MARKERS: &[&str] = &[
            " Uhr",
            "Von ",
            "von ",
            "Lesezeit",
            "Min.",
            "Veröffentlicht",
            "veröffentlicht",
            "Aktualisiert",
            "aktualisiert",
            "Stand",
            " · ",
            " | ",
        ];
        l.words <= 20 && MARKERS.iter().any(|m| l.text.contains(m)) && self.cues.has_date(l.text)
    }

    fn by_position(&self, lines: &[Line<'_>], labels: &mut Labels) {
        let free = |labels: &Labels, i: usize| labels[i].is_none() && !lines[i].is_blank();
        // A gazette page may open with the end of the previous notice: a few
        // lines closed by their place and date of signing and the signature.
        if let Some(next) = self.previous_notice_end(lines, labels) {
            for i in 0..next {
                if free(labels, i) {
                    labels[i] = Some(BlockLabel::Other);
                }
            }
        }
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
        // The place and date of signing close a notice; running text after them
        // is the next notice of a gazette or an appendix.
        let closing_after = |labels: &Labels, f: usize| {
            (f + 1..lines.len()).find(|&i| {
                free(labels, i) && !lines[i].prose && self.cues.is_closing(lines[i].text)
            })
        };
        let closing = first.and_then(|f| closing_after(labels, f));
        let last = (0..closing.unwrap_or(lines.len()))
            .rev()
            .find(|&i| free(labels, i) && lines[i].prose);
        if let Some(c) = closing {
            labels[c] = Some(BlockLabel::Dateline);
        }
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
                    // A fact box ("Hintergrund" over "Laufzeit: 2014 bis 2016") closes
                    // many press releases: key-value lines and the heading above them.
                    let next = lines[i + 1..].iter().find(|n| !n.is_blank());
                    let continues = (l.sentence_end && l.words >= 4)
                        || is_bullet(l.text)
                        || is_field(l)
                        || cues::is_table_row(l.text)
                        || cues::is_spaced_table_row(l.text)
                        || (l.is_short(3) && !l.sentence_end && next.is_some_and(is_field));
                    labels[i] = Some(if in_article && continues {
                        inner_label(l)
                    } else {
                        BlockLabel::Other
                    });
                }
            }
        }
    }

    /// When the page opens with the end of a previous notice, the line where
    /// the page's own notice begins. Such a tail is some text ending like a
    /// sentence, at most [`PREVIOUS_NOTICE_TAIL`] bytes, then the place and date of
    /// signing and a signature, which ends at the first gap of two blank lines
    /// (or after four lines); at least twice as much running text follows. A
    /// short notice under a headline of its own is no tail, and a place and date
    /// above the headline of a press release has no sentence above it.
    fn previous_notice_end(&self, lines: &[Line<'_>], labels: &Labels) -> Option<usize> {
        let free = |i: usize| labels[i].is_none() && !lines[i].is_blank();
        let closing = (0..lines.len())
            .find(|&i| free(i) && !lines[i].prose && self.cues.is_closing(lines[i].text))?;
        let tail: Vec<usize> = (0..closing).filter(|&i| free(i)).collect();
        let tail_bytes: usize = tail.iter().map(|&i| lines[i].text.len()).sum();
        let after: usize = (closing + 1..lines.len())
            .filter(|&i| free(i) && lines[i].prose)
            .map(|i| lines[i].text.len())
            .sum();
        let ends_sentence = tail.last().is_some_and(|&i| lines[i].sentence_end);
        // A notice with a headline of its own (a paragraph of its own, not a
        // wrapped line) is the page's notice, however short.
        let headline = tail.iter().any(|&i| {
            headline_like(&lines[i])
                && !lines[i].sentence_end
                && lines.get(i + 1).is_some_and(Line::is_blank)
        });
        if !ends_sentence || headline || tail_bytes > PREVIOUS_NOTICE_TAIL || tail_bytes * 2 > after
        {
            return None;
        }
        let mut signature = 0;
        let mut i = closing + 1;
        while i < lines.len() && signature < 4 {
            if lines[i].is_blank() {
                if lines.get(i + 1).is_some_and(Line::is_blank) {
                    break;
                }
            } else if lines[i].prose {
                break;
            } else {
                signature += 1;
            }
            i += 1;
        }
        Some(i)
    }

    /// Labels the free lines above the article (`..end`): the headline (see
    /// [`Self::headline`]), the kicker right above it, datelines, subtitles below it
    /// and page furniture above it.
    fn header(&self, lines: &[Line<'_>], labels: &mut Labels, end: usize) {
        let free: Vec<usize> = (0..end)
            .filter(|&i| labels[i].is_none() && !lines[i].is_blank())
            .collect();
        let title = self.headline(lines, labels, &free, end);
        if let Some(t) = title {
            labels[t] = Some(BlockLabel::Title);
        }
        let above = |i: usize| title.is_some_and(|t| i < t);
        let before_title = title.and_then(|t| free.iter().rev().find(|&&i| i < t).copied());
        for &i in &free {
            if Some(i) == title {
                continue;
            }
            let label = if self.is_dateline(&lines[i]) {
                BlockLabel::Dateline
            } else if Some(i) == before_title && title.is_some_and(|t| kicker(lines, i, t)) {
                BlockLabel::Kicker
            } else if title.is_some() && !above(i) {
                BlockLabel::Subtitle
            } else {
                BlockLabel::Other
            };
            labels[i] = Some(label);
        }
    }

    /// A short line giving a date or a bracketed source, or a line of furniture
    /// (no running text, no sentence) opening with its date.
    fn is_dateline(&self, l: &Line<'_>) -> bool {
        l.words <= 8 && (l.text.starts_with(['(', '[']) || self.cues.has_date(l.text))
            || !l.prose && !l.sentence_end && self.cues.opens_with_date(l.text)
    }

    /// The headline among the lines above the article, by these features in turn:
    ///
    /// 1. a council document's `Betreff:` field;
    /// 2. the line a breadcrumb ends with ("Startseite > Region > Neues Netz");
    /// 3. the first headline-like free line that is not a kicker, after the last
    ///    piece of page furniture (menu, meta field, document type, dateline, contact
    ///    box) that
    ///    has such a line below it, and not in a letterhead; headline-like excludes
    ///    lines set in capitals, lines with columns of spaces and lines opening with
    ///    a lower-case word (PDF mastheads and continuations);
    /// 4. failing that, the first title-like free line that is not a kicker.
    fn headline(
        &self,
        lines: &[Line<'_>],
        labels: &Labels,
        free: &[usize],
        end: usize,
    ) -> Option<usize> {
        if let Some(i) = (0..end).find(|&i| {
            labels[i] == Some(BlockLabel::Meta) && subject_field(lines[i].text).is_some()
        }) {
            return Some(i);
        }
        if let Some(i) = breadcrumb_target(lines, labels, free, end) {
            return Some(i);
        }
        let not_kicker =
            |k: usize, i: usize| !free.get(k + 1).is_some_and(|&next| kicker(lines, i, next));
        let strict: Vec<usize> = free
            .iter()
            .copied()
            .filter(|&i| {
                headline_like(&lines[i])
                    && !self.is_dateline(&lines[i])
                    && !self.is_dated_byline(&lines[i])
            })
            .collect();
        // Running headers and page numbers of a PDF stand between pages, not
        // above the article.
        let running = |i: usize| {
            self.cues.is_page_number(lines[i].text)
                || lines
                    .iter()
                    .enumerate()
                    .any(|(j, l)| j != i && l.text == lines[i].text)
        };
        let furniture = (0..end).rev().find(|&i| {
            !running(i)
                && matches!(
                    labels[i],
                    Some(
                        BlockLabel::Navigation
                            | BlockLabel::Meta
                            | BlockLabel::Letterhead
                            | BlockLabel::Dateline
                            | BlockLabel::Other
                            | BlockLabel::Contact
                            | BlockLabel::Link
                            | BlockLabel::Ad
                    )
                )
                && strict.iter().any(|&c| c > i)
        });
        let after: Vec<usize> = strict
            .iter()
            .copied()
            .filter(|&c| furniture.map_or(true, |f| c > f))
            .filter(|&c| !letterhead(lines, labels, c, &strict))
            .collect();
        let pick = |cands: &[usize]| {
            cands.iter().copied().find(|&i| {
                free.iter()
                    .position(|&f| f == i)
                    .is_some_and(|k| not_kicker(k, i))
            })
        };
        pick(&after).or_else(|| {
            let loose: Vec<usize> = free
                .iter()
                .copied()
                .filter(|&i| {
                    title_like(&lines[i])
                        && !self.is_dateline(&lines[i])
                        && !self.is_dated_byline(&lines[i])
                })
                .collect();
            pick(&loose)
        })
    }
}

/// Legal instruments whose name heads a gazette notice on a line of its own
/// ("Gesetz" over "zu dem Staatsvertrag zwischen ..."): a headline that goes on
/// below, not a kicker.
pub(crate) const INSTRUMENTS: &[&str] = &[
    "Gesetz",
    "Verordnung",
    "Satzung",
    "Staatsvertrag",
    "Bekanntmachung",
    "Verwaltungsvereinbarung",
    "Zweckvereinbarung",
    "Vereinbarung",
    "Beschluss",
    "Richtlinie",
];

/// The most running text, in bytes, that the end of a previous notice at the top
/// of a gazette page holds: a paragraph or two.
const PREVIOUS_NOTICE_TAIL: usize = 600;

/// The value of a council system's `Betreff:` field, when it has two words or more.
fn subject_field(text: &str) -> Option<&str> {
    let (field, value) = text.split_once(':')?;
    let value = value.trim();
    (field.trim().eq_ignore_ascii_case("betreff") && value.split_whitespace().count() >= 2)
        .then_some(value)
}

/// The free line a breadcrumb above it ends with: portals repeat the headline as
/// the breadcrumb's last item.
fn breadcrumb_target(
    lines: &[Line<'_>],
    labels: &Labels,
    free: &[usize],
    end: usize,
) -> Option<usize> {
    (0..end)
        .filter(|&i| labels[i] == Some(BlockLabel::Navigation))
        .filter_map(|i| {
            let (_, last) = lines[i].text.rsplit_once(['>', '»', '›'])?;
            let last = last.trim();
            (last.split_whitespace().count() >= 2).then_some((i, last))
        })
        .find_map(|(i, last)| {
            free.iter()
                .copied()
                .find(|&f| f > i && lines[f].text.eq_ignore_ascii_case(last))
        })
}

/// Could be a printed headline: title-like, not in capitals (a PDF masthead or
/// document type), without columns set apart by runs of spaces, not opening with
/// an all-lower-case word (a line continuing the one above).
fn headline_like(l: &Line<'_>) -> bool {
    let letters: Vec<char> = l.text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    // An agenda item's label stands apart from its heading ("TOP 7   Beitritt
    // der Stadt …"): that gap makes no columns.
    let heading = crate::digest::agenda_item(l.text).map_or(l.text, |(_, heading)| heading);
    let columns = heading.contains("   ") || heading.contains('\t');
    let lower_start = l
        .text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.chars().all(char::is_lowercase));
    title_like(l) && !capitals && !columns && !lower_start
}

/// `line` stands in a letterhead: a paragraph of two or more short free lines
/// (authority, department) with another headline candidate in a later paragraph.
/// A kicker and headline paragraph has the byline or the article below it instead;
/// so has a headline wrapped over two lines above hard-wrapped text, whose
/// paragraphs end like sentences ("… folgenden Beschluss gefasst:").
fn letterhead(lines: &[Line<'_>], labels: &Labels, line: usize, candidates: &[usize]) -> bool {
    let paras: Vec<_> = paragraphs(lines).collect();
    let Some(para) = paras.iter().find(|p| p.contains(&line)) else {
        return false;
    };
    let short = |i: usize| labels[i].is_none() && lines[i].is_short(8) && !lines[i].sentence_end;
    let headline_paragraph = |c: usize| {
        paras.iter().find(|p| p.contains(&c)).is_some_and(|p| {
            !lines[p.end - 1]
                .text
                .trim_end()
                .ends_with(['.', ':', '!', '?'])
        })
    };
    para.len() >= 2
        && para.clone().all(short)
        && candidates
            .iter()
            .any(|&c| c >= para.end && headline_paragraph(c))
}

/// The index ranges of paragraphs: runs of non-blank lines.
fn paragraphs<'a>(lines: &'a [Line<'_>]) -> impl Iterator<Item = std::ops::Range<usize>> + 'a {
    let mut start = 0;
    (0..=lines.len()).filter_map(move |i| {
        if i < lines.len() && !lines[i].is_blank() {
            return None;
        }
        let para = start..i;
        start = i + 1;
        (!para.is_empty()).then_some(para)
    })
}

/// A key-value line of a fact box: a short key of one to three words, a colon, a
/// value ("Laufzeit: 2015 bis 2017").
fn is_field(l: &Line<'_>) -> bool {
    let Some((key, value)) = l.text.split_once(':') else {
        return false;
    };
    !l.prose
        && (1..=3).contains(&key.split_whitespace().count())
        && key.chars().next().is_some_and(char::is_uppercase)
        && !value.trim().is_empty()
}

/// Label of a free line inside the article.
fn inner_label(l: &Line<'_>) -> BlockLabel {
    if is_bullet(l.text) || cues::is_table_row(l.text) || cues::is_spaced_table_row(l.text) {
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
        || text.split_once(". ").is_some_and(|(n, rest)| {
            // A day and its month is a date a wrapped sentence goes on with
            // ("20. Juli 2027 beauftragt zu prüfen, …"), not an item's number.
            let month = || {
                rest.split_whitespace()
                    .next()
                    .and_then(crate::extract::date::month_number)
            };
            !n.is_empty()
                && n.len() <= 2
                && n.bytes().all(|b| b.is_ascii_digit())
                && month().is_none()
        })
}

/// Could be a headline: a short line of words, not running text, not a kicker,
/// not a salutation ("Liebe Leserinnen und Leser,").
fn title_like(l: &Line<'_>) -> bool {
    !l.prose
        && (1..=30).contains(&l.words)
        && (3..=250).contains(&l.chars)
        && !l.text.ends_with([':', ','])
        && l.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !is_numbered_item(l.text)
}

/// An item of a numbered list set with a gap after its number ("1.  Fragestunde",
/// "12.\tBekanntgaben"), as agendas and minutes set them: never a headline.
fn is_numbered_item(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    rest.len() < line.len()
        && rest
            .strip_prefix(['.', ')'])
            .is_some_and(|r| r.starts_with('\t') || r.starts_with("  "))
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
    if !gap_blank || !title_like(n) || INSTRUMENTS.contains(&l.text) {
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

/// Header fields of a mail, in English and in German mail clients.
const MAIL_FIELDS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "date",
    "subject",
    "reply-to",
    "sender",
    "message-id",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
    "return-path",
    "received",
    "von",
    "an",
    "gesendet",
    "datum",
    "betreff",
];

/// The header of a mail at the top of the page ("From: …", "Subject: …",
/// "Content-Type: …"): three or more field lines in a row, at least one of them
/// a sender or a date. Page furniture; the press release follows the header.
fn mail_headers(text: &str, lines: &[Line<'_>], labels: &mut Labels) {
    let field = |l: &Line<'_>| {
        l.text.split_once(": ").is_some_and(|(name, _)| {
            let name = name.to_ascii_lowercase();
            MAIL_FIELDS.contains(&name.as_str()) || name.starts_with("x-")
        })
    };
    let start = lines.iter().position(|l| !l.is_blank()).unwrap_or(0);
    // A long field goes on in indented lines ("Received: from …" over "\tby …").
    let mut end = start;
    while end < lines.len() && (field(&lines[end]) || (end > start && folded(text, &lines[end]))) {
        end += 1;
    }
    let sender = lines[start..end].iter().any(|l| {
        l.text.split_once(':').is_some_and(|(name, _)| {
            matches!(
                name.to_ascii_lowercase().as_str(),
                "from" | "von" | "date" | "gesendet"
            )
        })
    });
    if end - start >= 3 && sender {
        for label in &mut labels[start..end] {
            *label = Some(BlockLabel::Meta);
        }
    }
}

/// True when `line` is the indented continuation of a folded mail header field.
fn folded(text: &str, line: &Line<'_>) -> bool {
    !line.is_blank()
        && text[..line.span.start]
            .rsplit('\n')
            .next()
            .is_some_and(|indent| indent.starts_with([' ', '\t']))
}

/// The parts of a MIME mail (`multipart/mixed`, `multipart/alternative`): the
/// boundary lines, each part's header and the preamble are fields; the first
/// plain-text part is the message, every other part (an HTML copy, a vCard, an
/// attachment) is not the article. A mail's parts are known only by the
/// boundaries its `Content-Type` fields declare.
fn mime_parts(lines: &[Line<'_>], labels: &mut Labels) {
    let boundaries: Vec<String> = lines
        .iter()
        .filter_map(|l| declared_boundary(l.text))
        .map(|b| format!("--{b}"))
        .collect();
    if boundaries.is_empty() {
        return;
    }
    let delimiters: Vec<usize> = (0..lines.len())
        .filter(|&i| {
            boundaries
                .iter()
                .any(|b| lines[i].text.starts_with(b.as_str()))
        })
        .collect();
    let Some(&first) = delimiters.first() else {
        return;
    };
    // The preamble ("This is a multi-part message in MIME format.").
    let header_end = lines.iter().position(|l| l.is_blank()).unwrap_or(first);
    for label in &mut labels[header_end.min(first)..first] {
        *label = Some(BlockLabel::Meta);
    }
    let mut message_found = false;
    for (k, &at) in delimiters.iter().enumerate() {
        labels[at] = Some(BlockLabel::Meta);
        let end = delimiters.get(k + 1).copied().unwrap_or(lines.len());
        let body = (at + 1..end).find(|&i| lines[i].is_blank()).unwrap_or(end);
        let header = &lines[at + 1..body];
        let field = |name: &str| {
            header.iter().find_map(|l| {
                let (key, value) = l.text.split_once(':')?;
                key.eq_ignore_ascii_case(name)
                    .then(|| value.trim().to_ascii_lowercase())
            })
        };
        for label in &mut labels[at + 1..body] {
            *label = Some(BlockLabel::Meta);
        }
        let content_type = field("content-type").unwrap_or_else(|| "text/plain".into());
        let attachment = field("content-disposition").is_some_and(|d| d.starts_with("attachment"));
        if content_type.starts_with("multipart/") {
            // Its own parts follow behind their delimiters; what stands before
            // the first of them is a preamble.
            for label in &mut labels[body..end] {
                *label = Some(BlockLabel::Meta);
            }
        } else if content_type.starts_with("text/plain") && !attachment && !message_found {
            message_found = true;
        } else {
            for label in &mut labels[body..end] {
                *label = Some(BlockLabel::Other);
            }
        }
    }
}

/// The boundary a `Content-Type` field (or its folded continuation) declares:
/// `boundary="=_part_1"` or `boundary=part1`.
fn declared_boundary(line: &str) -> Option<&str> {
    let opens = |prefix: &str| {
        line.get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    // Most lines are text: decided on their first bytes, without a copy.
    if !(opens("content-type:") || opens("boundary=")) {
        return None;
    }
    let at = line.to_ascii_lowercase().find("boundary=")?;
    let value = &line[at + "boundary=".len()..];
    let value = match value.strip_prefix('"') {
        Some(quoted) => &quoted[..quoted.find('"')?],
        None => value
            .split(|c: char| c == ';' || c.is_whitespace())
            .next()?,
    };
    (!value.is_empty()).then_some(value)
}

/// The front matter of a Markdown export (Jekyll, Hugo): `key: value` lines
/// between two `---` lines at the top. Fields, not text; its `date:` dates the
/// page.
fn front_matter(lines: &[Line<'_>], labels: &mut Labels) {
    let start = lines.iter().position(|l| !l.is_blank()).unwrap_or(0);
    if lines.get(start).map(|l| l.text) != Some("---") {
        return;
    }
    let Some(len) = lines[start + 1..]
        .iter()
        .take(40)
        .position(|l| l.text == "---")
    else {
        return;
    };
    let fields = start + 1..start + 1 + len;
    // YAML keys are lower-case words, unlike the keys of a fact box ([`is_field`]).
    let yaml_line = |l: &Line<'_>| {
        l.is_blank()
            || l.text.starts_with(['-', ' ', '#'])
            || l.text.split_once(':').is_some_and(|(key, _)| {
                !key.is_empty()
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            })
    };
    if len == 0 || !lines[fields.clone()].iter().all(yaml_line) {
        return;
    }
    for i in start..=fields.end {
        let date = lines[i].text.starts_with("date:");
        labels[i] = Some(if date {
            BlockLabel::Dateline
        } else {
            BlockLabel::Meta
        });
    }
}

/// Salutations that open a cover letter and valedictions that close it.
const SALUTATIONS: &[&str] = &["Sehr geehrte", "Liebe Kolleg", "Hallo ", "Guten Tag"];
const VALEDICTIONS: &[&str] = &[
    "Mit freundlichen Grüßen",
    "Mit freundlichem Gruß",
    "Freundliche Grüße",
    "Viele Grüße",
    "Beste Grüße",
    "Herzliche Grüße",
];

/// A cover letter around a forwarded press release ("Sehr geehrte Damen und
/// Herren, anbei … Mit freundlichen Grüßen, Ihre Pressestelle"): from the
/// salutation to the valediction and up to three signature lines, when running
/// text follows. Furniture: the release below is the article.
fn cover_letter(lines: &[Line<'_>], labels: &mut Labels) {
    let Some(open) = lines
        .iter()
        .take(lines.len() / 2 + 1)
        .position(|l| SALUTATIONS.iter().any(|s| l.text.starts_with(s)))
    else {
        return;
    };
    let Some(close) = (open + 1..lines.len())
        .find(|&i| VALEDICTIONS.iter().any(|v| lines[i].text.starts_with(v)))
    else {
        return;
    };
    let mut end = close + 1;
    while end < lines.len() && end <= close + 3 && !lines[end].is_blank() && !lines[end].prose {
        end += 1;
    }
    if lines[end..].iter().any(|l| l.prose) {
        for label in &mut labels[open..end] {
            label.get_or_insert(BlockLabel::Other);
        }
    }
}

/// A mail's signature below the delimiter line "-- " (trimmed to "--") in the
/// lower half of the page: the sender's contact box (whose name over role is
/// no official of the article), disclaimers, notes.
fn mail_signature(lines: &[Line<'_>], labels: &mut Labels) {
    let half = lines.len() / 2;
    if let Some(delimiter) = lines.iter().skip(half).position(|l| l.text == "--") {
        for label in &mut labels[half + delimiter..] {
            label.get_or_insert(BlockLabel::Contact);
        }
    }
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

/// A running header that only names a house ("Landtag von Sachsen-Anhalt"):
/// one field, no number, unlike a report's or an issue's header ("GKD
/// Recklinghausen    Geschäftsbericht 2024") or an office's ("Landkreis Muster –
/// Pressestelle").
fn names_a_house(line: &Line<'_>) -> bool {
    let fields = ["   ", " – ", " - ", " | ", " · "];
    !fields.iter().any(|f| line.text.contains(f)) && !line.text.bytes().any(|b| b.is_ascii_digit())
}

/// A kicker or section line ("Görlitz", "Sicherheit", "Damen 1 | Bezirksliga",
/// "Aus der Region") taken for the title hands the title on to the headline below
/// it: a one-word title, a short section name "Aus der/den/dem …", or one with
/// column separators, followed by a longer subtitle that does not end like a
/// sentence.
fn promote_headline(lines: &[Line<'_>], labels: &mut Labels) {
    let Some(t) = labels.iter().position(|l| *l == Some(BlockLabel::Title)) else {
        return;
    };
    let Some(next) = (t + 1..lines.len()).find(|&j| !lines[j].is_blank()) else {
        return;
    };
    let title = &lines[t];
    let section = title.words <= 4
        && ["Aus der ", "Aus den ", "Aus dem "]
            .iter()
            .any(|p| title.text.starts_with(p));
    let kicker_like = (title.words == 1 && !INSTRUMENTS.contains(&title.text))
        || section
        || title.text.contains(" | ")
        || title.text.contains(" · ");
    let headline_below = labels[next] == Some(BlockLabel::Subtitle)
        && lines[next].words > title.words
        && !lines[next].sentence_end;
    if kicker_like && headline_below {
        labels[t] = Some(BlockLabel::Kicker);
        labels[next] = Some(BlockLabel::Title);
        return;
    }
    // An excerpt of a report: the section numbered "3.2" right above the text
    // heads it, not the running header or the chapter above.
    let Some(body) = (t + 1..lines.len()).find(|&j| labels[j] == Some(BlockLabel::Body)) else {
        return;
    };
    let section = (t + 1..body)
        .rev()
        .find(|&j| !lines[j].is_blank())
        .filter(|&j| labels[j] == Some(BlockLabel::Subtitle) && outline_numbered(lines[j].text));
    if let Some(section) = section {
        labels[t] = Some(BlockLabel::Other);
        labels[section] = Some(BlockLabel::Title);
    }
}

/// True for a heading numbered as a section of a section ("3.2 Neues Mitglied").
fn outline_numbered(line: &str) -> bool {
    let Some((number, heading)) = line.split_once(char::is_whitespace) else {
        return false;
    };
    let parts: Vec<&str> = number.trim_end_matches('.').split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && heading.trim_start().starts_with(char::is_uppercase)
}

/// A box heading takes the paragraph right after it: "Anzeige" on a line of its
/// own the advert, "Der Autor" the author's note, "Über die Firma" the company
/// profile. Only below the first third of the page, where such boxes stand:
/// higher up "Anzeige" marks a banner above the headline, and "Über …" may be an
/// article's own subheading.
fn boxes(lines: &[Line<'_>], cues: &[Option<Cue>], labels: &mut Labels) {
    for (i, cue) in cues.iter().enumerate() {
        if *cue == Some(Cue::Ad) {
            ruled_advert(lines, i, labels);
        }
        if i * 3 < lines.len() {
            continue;
        }
        let label = match cue {
            Some(Cue::Ad) => BlockLabel::Ad,
            Some(Cue::AuthorHeading) => BlockLabel::Byline,
            Some(Cue::ProfileHeading) => BlockLabel::Contact,
            _ => continue,
        };
        if *cue == Some(Cue::ProfileHeading) {
            labels[i] = Some(label);
        }
        for j in i + 1..lines.len() {
            if lines[j].is_blank() {
                break;
            }
            if labels[j].is_none() || labels[j] == Some(BlockLabel::Body) {
                labels[j] = Some(label);
            }
        }
    }
}

/// The most lines an advert set between two rules may have.
const RULED_ADVERT_LINES: usize = 12;

/// "Anzeige" over a box set between two rules ("-----"): everything up to the
/// closing rule is the advert, wherever it stands on the page.
fn ruled_advert(lines: &[Line<'_>], heading: usize, labels: &mut Labels) {
    let ruled = |j: usize| lines.get(j).is_some_and(|l| is_rule(l.text));
    let Some(open) = (heading + 1..lines.len()).find(|&j| !lines[j].is_blank()) else {
        return;
    };
    if !ruled(open) {
        return;
    }
    let end = (open + RULED_ADVERT_LINES + 1).min(lines.len());
    let Some(close) = (open + 1..end).find(|&j| ruled(j)) else {
        return;
    };
    for label in &mut labels[open + 1..close] {
        if label.is_none() || *label == Some(BlockLabel::Body) {
            *label = Some(BlockLabel::Ad);
        }
    }
}

/// The most lines a short item boxed between two drawn rules may have.
const RULED_ITEM_LINES: usize = 14;

/// A printed page (e-paper, scan) sets short news items apart in boxes drawn with
/// long rules ("--------------"). A box below the article's first running text
/// that holds a headline and one paragraph of text below it is another item
/// ("Kölleda: Freibad bleibt zu" over its three sentences), not part of the
/// article. Between two rules there may also be a stretch of the article itself,
/// with its paragraphs and subheadings; and short rules ("---", "* * *") break an
/// article into sections. Both are left alone.
fn ruled_items(lines: &[Line<'_>], labels: &mut Labels) {
    let drawn = |l: &Line<'_>| l.chars >= 10 && is_rule(l.text);
    let Some(first_text) = lines.iter().position(|l| l.prose) else {
        return;
    };
    let rules: Vec<usize> = (first_text..lines.len())
        .filter(|&i| drawn(&lines[i]))
        .collect();
    for pair in rules.windows(2) {
        let (open, close) = (pair[0], pair[1]);
        if close - open - 1 > RULED_ITEM_LINES {
            continue;
        }
        let mut inside = (open + 1..close).filter(|&j| !lines[j].is_blank());
        let (Some(head), Some(text)) = (inside.next(), inside.next()) else {
            continue;
        };
        // In narrow columns a headline fills its line like the text below it,
        // so it is told by its shape, not by the prose flag: a few words, no
        // stop, nothing that runs on, and a capital opening the next line.
        let headline = lines[head].words <= 10
            && !lines[head].sentence_end
            && !lines[head].text.ends_with([',', '-', ':'])
            && lines[text].text.starts_with(char::is_uppercase);
        let one_paragraph = lines[text..close]
            .iter()
            .skip_while(|l| !l.is_blank())
            .all(Line::is_blank);
        if headline && lines[text].prose && one_paragraph {
            for label in labels[open + 1..close].iter_mut().filter(|l| l.is_none()) {
                *label = Some(BlockLabel::Teaser);
            }
        }
    }
}

/// An agency's copy ends each headline with " =". A printout of the wire holds
/// item after item: a second such headline below running text opens the next
/// item, and that item and all after it are other articles.
fn later_wire_items(lines: &[Line<'_>], labels: &mut Labels) {
    let wire_headline = |l: &Line<'_>| l.text.ends_with(" =") && l.words <= 20 && !l.prose;
    let Some(first_text) = lines.iter().position(|l| l.prose) else {
        return;
    };
    let Some(next_item) = (first_text..lines.len()).find(|&i| wire_headline(&lines[i])) else {
        return;
    };
    for label in labels[next_item..].iter_mut().filter(|l| l.is_none()) {
        *label = Some(BlockLabel::Teaser);
    }
}

/// A teaser, comment or legal heading takes the following lines until running text of the
/// article resumes: a paragraph of 30 words or more after a blank line that is not
/// itself a teaser.
fn sections(lines: &[Line<'_>], cues: &[Option<Cue>], labels: &mut Labels) {
    let mut i = 0;
    while i < lines.len() {
        let label = match cues[i] {
            Some(Cue::TeaserHeading) => BlockLabel::Teaser,
            Some(Cue::CommentHeading) => BlockLabel::Comment,
            Some(Cue::LegalHeading) => BlockLabel::Legal,
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
            if resumes
                || matches!(
                    cues[j],
                    Some(Cue::TeaserHeading | Cue::CommentHeading | Cue::LegalHeading)
                )
            {
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

/// A council document's date field: `Datum:`, `Sitzung:` and the like.
fn is_date_field(line: &str) -> bool {
    line.split_once(':').is_some_and(|(field, _)| {
        let field = field.trim().to_lowercase();
        matches!(
            field.as_str(),
            "datum" | "sitzung" | "sitzungstermin" | "sitzungsdatum"
        )
    })
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

    #[test]
    fn remembered_cues_are_the_cues() {
        let c = BoilerplateClassifier::new();
        let cases: toml::Table =
            toml::from_str(include_str!("../../testdata/cases/boilerplate.toml"))
                .expect("the case file parses");
        let texts: Vec<String> = cases["case"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|case| case.get("text")?.as_str().map(str::to_owned))
            .collect();
        // Every line's cue as computed afresh, then through the warm cache.
        for text in &texts {
            for line in split_lines(text).iter().filter(|l| !l.is_blank()) {
                let fresh = c.cues.cue(line.text, line.words, line.prose);
                assert_eq!(c.cached_cue(line), fresh, "{}", line.text);
                assert_eq!(c.cached_cue(line), fresh, "{}", line.text);
            }
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
    fn a_wrapped_line_opening_with_a_date_is_no_list_item() {
        assert!(is_bullet(
            "2. Die Verwaltung wird beauftragt, den Vertrag zu schließen."
        ));
        assert!(!is_bullet(
            "20. Juli 2027 beauftragt zu prüfen, ob der Betrieb der Server"
        ));
        assert!(!is_bullet("1. April an übernimmt das Institut der Landes-"));
        // Both lines are running text, so the paragraph is read on over the break.
        let text = "Kreis gibt Server ab\n\nDie Gemeinde gibt den Betrieb ihrer Server ab. Vom\n1. April an übernimmt das Rechenzentrum der Stadt den Betrieb.\n";
        let labels: Vec<BlockLabel> = BoilerplateClassifier::new()
            .classify(text)
            .iter()
            .map(|b| b.label)
            .collect();
        assert_eq!(
            labels,
            [BlockLabel::Title, BlockLabel::Body, BlockLabel::Body]
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
    fn an_agenda_item_is_never_the_headline() {
        let text = "Öffentliche Bekanntmachung\nEinladung zur Sitzung des Gemeinderats\nam Dienstag, 3. März 2026, 19 Uhr,\nim Sitzungssaal, Marktplatz 1, 72000 Kranichsee\n\n1.  Fragestunde für Einwohner\n2.\tHaushalt 2026\n";
        let c = BoilerplateClassifier::new();
        let titles: Vec<&str> = c
            .classify(text)
            .iter()
            .filter(|b| b.label == BlockLabel::Title)
            .filter_map(|b| b.span.slice(text))
            .collect();
        assert!(
            !titles
                .iter()
                .any(|t| t.contains("Fragestunde") || t.contains("Haushalt")),
            "{titles:?}"
        );
        assert!(is_numbered_item("12.  Bekanntgaben") && is_numbered_item("3)\tAnfragen"));
        assert!(!is_numbered_item("1. FC Nürnberg baut ein Rechenzentrum"));
    }

    #[test]
    fn classifier_is_send_sync_clone_debug() {
        fn ok<T: Send + Sync + Clone + std::fmt::Debug>() {}
        ok::<BoilerplateClassifier>();
        ok::<Block>();
    }
}
