//! The article's headline.
//!
//! The layout stage marks at most one line as [`BlockLabel::Title`]: the first
//! headline-like line above the article's running text, after page furniture and
//! contact boxes, and never the kicker line above it. Here that line is cleaned of a
//! portal suffix (" | Portal", " - portal.de"). A kicker on the headline's own line
//! ("Cottbus: IT ausgelagert") is kept: it is part of the printed headline. Pages
//! from council systems carry their headline in a `Betreff:` field: the layout marks
//! that field as the title, and here the field name is dropped; a `Betreff:` field
//! among the meta lines is also used when no title line was found, and failing
//! that the first section heading. Without any of them the page has no title. An
//! agency's end-of-headline mark (" =") is dropped. A headline hard-wrapped over
//! lines (PDF extracts) is joined again: while a line breaks off after a function
//! word ("zwischen der Stadt Lohr und dem"), or in wrapped text the next line's
//! first word would not have fitted on it, the subtitle line right below it
//! continues it, up to three lines.

use crate::boilerplate::{Block, BlockLabel, INSTRUMENTS};
use crate::digest::agenda_item;
use crate::normalize::tidy;

/// The headline of the page, without kicker, portal name or site suffix.
pub fn find_title(text: &str, blocks: &[Block]) -> Option<String> {
    if let Some(title) = front_matter_title(text) {
        return Some(title.to_owned());
    }
    let line = match blocks.iter().position(|b| b.label == BlockLabel::Title) {
        Some(i) => wrapped_headline(text, blocks, i)?,
        None => subject_field(text, blocks)
            .or_else(|| first_heading(text, blocks))?
            .to_owned(),
    };
    let line = field_value(&line).unwrap_or(&line);
    // The headline of an agenda item without its label ("zu TOP 9 …").
    let line = agenda_item(line.trim()).map_or(line.trim(), |(_, heading)| heading);
    let title = strip_wire_mark(strip_release_number(strip_site_suffix(line).trim()));
    (!title.is_empty()).then(|| title.to_owned())
}

/// Drops a release's number heading its headline ("PM 58/2026: Landkreis Harz
/// wird Mitglied …", "Medieninformation Nr. 12 – …"): a filing mark, not words of
/// the headline.
fn strip_release_number(title: &str) -> &str {
    let Some((head, rest)) = title.split_once(": ").or_else(|| title.split_once(" – ")) else {
        return title;
    };
    let mut words = head.split_whitespace();
    let release = words.next().is_some_and(|w| {
        let w = w.to_lowercase();
        matches!(w.as_str(), "pm" | "pi" | "mi")
            || [
                "pressemitteilung",
                "presseinformation",
                "pressemeldung",
                "medieninformation",
            ]
            .contains(&w.as_str())
    });
    let number: Vec<&str> = words.filter(|w| !w.eq_ignore_ascii_case("nr.")).collect();
    let numbered = matches!(number.as_slice(), [n] if n.starts_with(|c: char| c.is_ascii_digit())
        && n.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '-' | '.')));
    if release && numbered && rest.split_whitespace().count() >= 2 {
        rest.trim()
    } else {
        title
    }
}

/// Drops the " =" that news agencies set after a headline in their copy
/// ("Cyberangriff legt Rathäuser lahm ="): a transmission mark, not a word.
fn strip_wire_mark(title: &str) -> &str {
    title.strip_suffix(" =").map_or(title, str::trim_end)
}

/// Words a headline line cannot end with unless it goes on below.
const OPEN_ENDS: &[&str] = &[
    "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "eines", "einem", "und",
    "oder", "sowie", "über", "für", "zwischen", "mit", "von", "vom", "zu", "zum", "zur", "im",
    "in", "an", "am", "auf", "bei", "nach", "aus", "gegen", "durch",
];

/// Prepositions among [`OPEN_ENDS`] that also end a clause as the particle of
/// a separable verb ("lagert die IT aus", "tritt dem Verband bei").
const VERB_PARTICLES: &[&str] = &[
    "an", "aus", "auf", "bei", "durch", "mit", "nach", "über", "zu",
];

/// Articles before "Land" that make it the noun before a Land's name.
const ARTICLES: &[&str] = &["das", "dem", "des"];

/// Nouns that stand before a body's name ("der Stadt Neumünster"): a headline
/// line ending with one goes on below. Not the matcher's prefix words
/// ([`crate::gazetteer::forms`]): "Land" also ends place names ("Mühlenbecker
/// Land"), and "Amt" or "Zweckverband" head names the gazetteer does not hold.
const NAME_HEADS: &[&str] = &[
    "Stadt",
    "Gemeinde",
    "Landkreis",
    "Kreis",
    "Markt",
    "Amt",
    "Verbandsgemeinde",
    "Samtgemeinde",
    "Freistaat",
    "Landeshauptstadt",
    "Hansestadt",
    "Kreisstadt",
    "Zweckverband",
];

/// The title block `i`, joined with the subtitle lines that continue it; a word
/// split at a line end is joined again.
fn wrapped_headline(text: &str, blocks: &[Block], i: usize) -> Option<String> {
    let last = headline_end(text, blocks, i);
    let lines: Vec<&str> = blocks[i..=last]
        .iter()
        .map(|b| b.span.slice(text))
        .collect::<Option<_>>()?;
    Some(tidy(&lines.join("\n")))
}

/// The index of the last block of the headline that starts with the title block
/// `i`: the subtitle lines right below it that continue its words (at most three),
/// while a line breaks off after a function word, a name's head noun or a split
/// word, or the next line goes on in lower case.
pub fn headline_end(text: &str, blocks: &[Block], i: usize) -> usize {
    // Asked only for a line ending in a verb's particle.
    let mut paragraph_lines: Option<bool> = None;
    let width = running_text_width(text, blocks);
    let mut last = i;
    for (j, next) in blocks.iter().enumerate().skip(i + 1).take(3) {
        let Some(above) = blocks[last].span.slice(text) else {
            break;
        };
        let mut words = above.rsplit(char::is_whitespace);
        let last_word = words.next().unwrap_or_default();
        // "dem Land" before a Land's name; a bare "Land" also ends place names.
        let land = last_word == "Land" && words.next().is_some_and(|w| ARTICLES.contains(&w));
        let split_word = last_word
            .strip_suffix('-')
            .is_some_and(|w| w.ends_with(char::is_lowercase));
        let next_first_word = next
            .span
            .slice(text)
            .and_then(|l| l.split_whitespace().next());
        // A line going on in lower case continues the words above it
        // ("… an die regio iT gesellschaft" over "für informationstechnologie mbh").
        let goes_on = next_first_word.is_some_and(|w| w.chars().all(char::is_lowercase));
        let whole_line_instrument = last == i && INSTRUMENTS.contains(&above);
        // In wrapped text (teletext, print, PDF) the next line's first word would
        // not have fitted on this one: the line was wrapped, not ended. A next
        // line longer than that shows the headline is set wider than the column.
        // Joined with the next line, a headline longer than two print lines is
        // a headline over its subtitle.
        let joined = text
            .get(blocks[i].span.start..next.span.end)
            .map_or(usize::MAX, |s| s.chars().count());
        let wrapped = joined <= LONGEST_WRAPPED_HEADLINE
            && width.is_some_and(|width| {
                let first_word = next_first_word.map_or(0, |w| w.chars().count());
                let next_width = line_chars_to(text, next.span.end);
                line_chars_to(text, blocks[last].span.end) + 1 + first_word > width.max(next_width)
            });
        // Where each paragraph has its line, a line ending in a word that is
        // also a verb's particle ("lagert … aus") has ended.
        let particle_ended = VERB_PARTICLES.contains(&last_word)
            && *paragraph_lines.get_or_insert_with(|| one_line_per_paragraph(text, blocks));
        let open = (OPEN_ENDS.contains(&last_word) && !particle_ended)
            || goes_on
            || NAME_HEADS.contains(&last_word)
            || land
            || whole_line_instrument
            || split_word
            || wrapped;
        let gap = text
            .get(blocks[last].span.end..next.span.start)
            .unwrap_or("");
        let adjacent =
            gap.trim().is_empty() && gap.matches('\n').count().max(gap.matches('\r').count()) <= 1;
        // A hanging indent ("2. ÄMTER … RICHTEN GEMEINSAMEN" over "   IT-SERVICE-DESK
        // EIN") sets the line below under the words of the one above; a field
        // ("   Vorlage: BV/2025/0214") is indented like it but says something else.
        let field = next_first_word.is_some_and(|w| w.ends_with(':'));
        // A centred subtitle wider than the headline starts left of its words.
        let above_indent = line_chars_to(text, blocks[last].span.start);
        let indented = !field
            && gap.rsplit(['\n', '\r']).next().is_some_and(|indent| {
                indent.len() >= 2.max(above_indent) && indent.bytes().all(|b| b == b' ')
            });
        let continues =
            next.label == BlockLabel::Subtitle || (indented && next.label == BlockLabel::Heading);
        if !(open || indented) || !adjacent || !continues {
            break;
        }
        last = j;
    }
    last
}

/// Characters a headline wrapped by width alone may have: about two lines of
/// a print column. Headlines run to 60–90 characters.
const LONGEST_WRAPPED_HEADLINE: usize = 120;

/// Body lines this long (by their median) are whole paragraphs, not lines
/// wrapped by a layout: a word processor's or a mail's text.
const PARAGRAPH_LINE: usize = 120;

/// Whether the page sets each paragraph on one line (RTF, text pasted from a
/// word processor), so that its line breaks end what they follow.
fn one_line_per_paragraph(text: &str, blocks: &[Block]) -> bool {
    let mut body: Vec<usize> = blocks
        .iter()
        .filter(|b| b.label == BlockLabel::Body)
        .filter_map(|b| b.span.slice(text).map(|line| line.chars().count()))
        .collect();
    body.sort_unstable();
    body.get(body.len() / 2)
        .is_some_and(|&median| median >= PARAGRAPH_LINE)
}

/// Body lines at most this long are wrapped to a width (teletext, a print
/// column, a PDF page); a looser bound than the layout stage's newspaper
/// columns, as it only tells a wrapped headline from an ended one.
const WRAPPED_TEXT: usize = 100;

/// The width the page's running text is wrapped to: the longest of at least
/// three body lines, indentation included.
fn running_text_width(text: &str, blocks: &[Block]) -> Option<usize> {
    let body: Vec<usize> = blocks
        .iter()
        .filter(|b| b.label == BlockLabel::Body)
        .map(|b| line_chars_to(text, b.span.end))
        .collect();
    let widest = body.iter().copied().max()?;
    (body.len() >= 3 && widest <= WRAPPED_TEXT).then_some(widest)
}

/// Characters from the start of the line to byte `end`.
fn line_chars_to(text: &str, end: usize) -> usize {
    let head = text.get(..end).unwrap_or("");
    let start = head.rfind('\n').map_or(0, |i| i + 1);
    head[start..].chars().count()
}

/// The `title:` of a Markdown page's front matter, the block between two `---`
/// lines that opens the page (static site generators read it as the headline),
/// without its quotes.
fn front_matter_title(text: &str) -> Option<&str> {
    let rest = text.trim_start_matches('\u{FEFF}');
    let rest = rest
        .strip_prefix("---\n")
        .or_else(|| rest.strip_prefix("---\r\n"))?;
    let block = rest
        .split_inclusive('\n')
        .take_while(|line| line.trim_end() != "---");
    let value = block
        .filter_map(|line| line.strip_prefix("title:"))
        .map(str::trim)
        .next()?;
    let unquoted = ['"', '\'']
        .iter()
        .find_map(|q| value.strip_prefix(*q)?.strip_suffix(*q))
        .unwrap_or(value)
        .trim();
    (!unquoted.is_empty()).then_some(unquoted)
}

/// The value of a council system's `Betreff:` field.
fn subject_field<'t>(text: &'t str, blocks: &[Block]) -> Option<&'t str> {
    blocks
        .iter()
        .filter(|b| b.label == BlockLabel::Meta)
        .filter_map(|b| b.span.slice(text))
        .find_map(field_value)
}

/// The first section heading of two to twenty words: a notice or form that sets
/// no headline above its text is titled by its first heading.
fn first_heading<'t>(text: &'t str, blocks: &[Block]) -> Option<&'t str> {
    let heading = blocks.iter().find(|b| b.label == BlockLabel::Heading)?;
    let line = heading.span.slice(text)?.trim();
    (2..=20)
        .contains(&line.split_whitespace().count())
        .then_some(line)
}

/// The value of a `Betreff:` line with two words or more.
fn field_value(line: &str) -> Option<&str> {
    let (field, value) = line.split_once(':')?;
    let value = value.trim();
    (field.trim().eq_ignore_ascii_case("betreff") && value.split_whitespace().count() >= 2)
        .then_some(value)
}

/// Words that name a portal rather than say something.
const PORTAL_WORDS: &[&str] = &[
    "online",
    "news",
    "portal",
    "zeitung",
    "nachrichten",
    "magazin",
    "anzeiger",
    "kurier",
    "rundschau",
    "blatt",
    "tagblatt",
    "presse",
    "post",
    "journal",
    "aktuell",
    "net",
];

/// Drops a portal suffix: the part after the last " | " when it is short, or after
/// the last " - ", " – " or " :: " when it looks like a site (a domain or a portal
/// word).
fn strip_site_suffix(title: &str) -> &str {
    for sep in [" | ", " :: ", " – ", " - ", " — "] {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        let tail_words = tail.split_whitespace().count();
        let head_words = head.split_whitespace().count();
        if head_words < 2 || tail_words > 5 {
            continue;
        }
        let lower = tail.to_lowercase();
        let domain = lower.rsplit_once('.').is_some_and(|(_, tld)| {
            (2..=7).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase())
        });
        let portal = lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| PORTAL_WORDS.contains(&w));
        if sep == " | " || sep == " :: " || domain || portal {
            return head;
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::boilerplate::BoilerplateClassifier;
    use crate::testcases::{run_cases, NamedCase};
    use serde::Deserialize;

    /// A page and its expected title (absent: no title).
    #[derive(Deserialize)]
    struct Case {
        name: String,
        text: String,
        title: Option<String>,
    }

    impl NamedCase for Case {
        fn name(&self) -> &str {
            &self.name
        }
    }

    #[test]
    fn title_cases() {
        let c = BoilerplateClassifier::new();
        run_cases(
            "titles.toml",
            include_str!("../../testdata/cases/titles.toml"),
            |case: &Case| {
                let got = find_title(&case.text, &c.classify(&case.text));
                (got == case.title)
                    .then_some(())
                    .ok_or(format!("got {got:?}, want {:?}", case.title))
            },
        );
    }

    #[test]
    fn without_a_headline_line_the_first_heading_titles_the_page() {
        let lines = [
            "Veröffentlichungsdatum: 05/11/2024",
            "Deutschland-Wiesental: Betrieb von Servern",
            "Die Gemeinde Wiesental überträgt den Betrieb ihrer Server.",
        ];
        let text = lines.join("\n");
        let block = |line: &str, label: BlockLabel| {
            let start = text.find(line).unwrap_or(0);
            Block {
                span: crate::span::Span::new(start, start + line.len()),
                label,
            }
        };
        let blocks = [
            block(lines[0], BlockLabel::Dateline),
            block(lines[1], BlockLabel::Heading),
            block(lines[2], BlockLabel::Body),
        ];
        assert_eq!(
            find_title(&text, &blocks).as_deref(),
            Some("Deutschland-Wiesental: Betrieb von Servern")
        );
        // A one-word heading names a section, not the page.
        let blocks = [
            block("Deutschland-Wiesental:", BlockLabel::Heading),
            block(lines[2], BlockLabel::Body),
        ];
        assert_eq!(find_title(&text, &blocks), None);
    }

    #[test]
    fn suffixes() {
        assert_eq!(strip_site_suffix("Neues Netz | Kreisportal"), "Neues Netz");
        assert_eq!(
            strip_site_suffix("Neues Netz für Schulen - kreis-online.de"),
            "Neues Netz für Schulen"
        );
        assert_eq!(
            strip_site_suffix("Kreis Lippe - Gemeinsame IT"),
            "Kreis Lippe - Gemeinsame IT"
        );
    }
}
