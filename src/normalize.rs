//! A matching view of the text that maps back to original bytes.
//!
//! Gazetteer terms are matched on a normalised copy of the text: lower-cased,
//! white space folded to single spaces, soft hyphens and zero-width characters
//! dropped, typographic dashes and apostrophes made plain, and words rejoined where a
//! line-end (or a leftover PDF) hyphen split them ("Hol-\nger", "Leip-zig"). Every byte
//! of the view knows the original bytes it came from, so a match in the view becomes
//! a [`Span`] of the original, and quoting that span gives the text as written.
//!
//! Gazetteer terms go through the same function, so a rule applied to the text is
//! applied to the terms too.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::span::Span;

/// What kind of text a view normalises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Text,
    Markup,
    Json,
    QuotedPrintable,
    QuotedPrintableMarkup,
}

/// The normalised view of a text plus its alignment to the original.
#[derive(Debug, Clone, Default)]
pub struct NormalizedText {
    text: String,
    /// For each byte of `text`: the original span of the character it came from.
    origin: Vec<(u32, u32)>,
}

impl NormalizedText {
    /// Normalises all of `original`.
    pub fn new(original: &str) -> NormalizedText {
        NormalizedText::build(original, Form::Text)
    }

    /// Normalises an HTML page: character references count as the characters they
    /// stand for ("M&uuml;nchen" matches "München", quoted with its raw bytes) and
    /// tags as white space, so text split by inline markup still matches.
    pub fn new_markup(original: &str) -> NormalizedText {
        NormalizedText::build(original, Form::Markup)
    }

    /// Normalises a JSON article as markup whose string escapes ("S\u00fcdheide",
    /// "\n") also count as the characters they stand for.
    pub fn new_json(original: &str) -> NormalizedText {
        NormalizedText::build(original, Form::Json)
    }

    /// Normalises a mail whose body is sent quoted-printable: "B=C3=BCrgermeister"
    /// reads as "bürgermeister", quoted with its raw bytes, and a soft line break
    /// ("=" at a line end) joins the two lines.
    pub fn new_quoted_printable(original: &str) -> NormalizedText {
        NormalizedText::build(original, Form::QuotedPrintable)
    }

    /// Normalises an HTML page sent quoted-printable, as a browser saves a page in
    /// one MHTML file: both the escapes and the markup read as
    /// [`NormalizedText::new_quoted_printable`] and [`NormalizedText::new_markup`] say.
    pub fn new_quoted_printable_markup(original: &str) -> NormalizedText {
        NormalizedText::build(original, Form::QuotedPrintableMarkup)
    }

    fn build(original: &str, form: Form) -> NormalizedText {
        let markup = matches!(
            form,
            Form::Markup | Form::Json | Form::QuotedPrintableMarkup
        );
        let json = form == Form::Json;
        let quoted = matches!(form, Form::QuotedPrintable | Form::QuotedPrintableMarkup);
        let mut out = NormalizedText {
            text: String::with_capacity(original.len()),
            origin: Vec::with_capacity(original.len()),
        };
        let bytes = original.as_bytes();
        // An ASCII letter, digit or mark that needs no rule below.
        let plain = |b: u8| {
            b.is_ascii_graphic()
                && b != b'-'
                && b != b'`'
                && !(markup && (b == b'&' || b == b'<'))
                && !(json && b == b'\\')
                && !(quoted && b == b'=')
        };
        let mut pos = 0;
        while pos < bytes.len() {
            // The common case: a run of such bytes, with single spaces between
            // them, which the rules below would copy byte by byte.
            let mut end = pos;
            while let Some(&b) = bytes.get(end) {
                let lone_space =
                    b == b' ' && end > pos && bytes.get(end + 1).is_some_and(|&n| plain(n));
                if !plain(b) && !lone_space {
                    break;
                }
                end += 1;
            }
            if end > pos {
                // ASCII bytes end and begin characters, so the run is a `str`.
                let from = out.text.len();
                out.text.push_str(&original[pos..end]);
                out.text[from..].make_ascii_lowercase();
                out.origin
                    .extend((pos..end).map(|p| (to_u32(p), to_u32(p + 1))));
                pos = end;
                continue;
            }
            let Some(mut c) = original.get(pos..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let mut end = pos + c.len_utf8();
            if let Some((decoded, len)) = (json && c == '\\')
                .then(|| crate::html::json_escape_at(original, pos))
                .flatten()
            {
                c = decoded;
                end = pos + len;
            } else if quoted && c == '=' {
                match quoted_printable_at(original, pos) {
                    Some((Some(decoded), len)) => {
                        c = decoded;
                        end = pos + len;
                    }
                    Some((None, len)) => {
                        pos += len;
                        continue;
                    }
                    None => {}
                }
            } else if markup {
                if let Some((decoded, len)) = (c == '&')
                    .then(|| crate::html::char_reference_at(original, pos))
                    .flatten()
                {
                    c = decoded;
                    end = pos + len;
                } else if let Some(len) = tag_length(original, pos) {
                    c = ' ';
                    end = pos + len;
                }
            }
            if is_dash(c) {
                if let Some(join) = dash_join(&original[..pos], &original[end..]) {
                    if join.keeps_dash {
                        out.push_ascii(b'-', pos, end);
                    }
                    pos = end + join.skip;
                    continue;
                }
            }
            if c.is_ascii() && !c.is_ascii_whitespace() && c != '\u{000B}' {
                out.push_ascii(plain_char(c).to_ascii_lowercase() as u8, pos, end);
            } else if c.is_whitespace() {
                if !out.text.is_empty() && !out.text.ends_with(' ') {
                    out.push_ascii(b' ', pos, end);
                }
            } else if let Some(expansion) = ligature(c) {
                for lc in expansion.chars() {
                    out.push(lc, pos, end);
                }
            } else if is_combining_mark(c) && out.compose_last(c, end) {
                // Folded into the letter before it.
            } else if !is_invisible(c) && !word_dot(&out.text, c, &original[end..]) {
                for lc in plain_char(c).to_lowercase() {
                    out.push(lc, pos, end);
                }
            }
            pos = end;
        }
        out
    }

    /// Folds a combining mark ending at `end` into the character before it
    /// ("u" and U+0308 as "ü"): text in decomposed form (NFD, as macOS writes
    /// it) spells umlauts that way. False when the two do not compose.
    fn compose_last(&mut self, mark: char, end: usize) -> bool {
        let Some(last) = self.text.chars().next_back() else {
            return false;
        };
        let Some(composed) = unicode_normalization::char::compose(last, mark) else {
            return false;
        };
        let first_byte = self.text.len() - last.len_utf8();
        let Some(&(start, _)) = self.origin.get(first_byte) else {
            return false;
        };
        self.text.truncate(first_byte);
        self.origin.truncate(first_byte);
        self.push(composed, start as usize, end);
        true
    }

    fn push_ascii(&mut self, b: u8, start: usize, end: usize) {
        self.origin.push((to_u32(start), to_u32(end)));
        self.text.push(char::from(b));
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        let span = (to_u32(start), to_u32(end));
        for _ in 0..c.len_utf8() {
            self.origin.push(span);
        }
        self.text.push(c);
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalised byte range whose characters come from within `span` of the
    /// original; empty when none do.
    pub fn normalized_range(&self, span: Span) -> (usize, usize) {
        let (start, end) = (to_u32(span.start), to_u32(span.end));
        let first = self.origin.partition_point(|&(s, _)| s < start);
        let last = self.origin.partition_point(|&(s, _)| s < end);
        let last = last.max(first);
        // Keep to character boundaries of the normalised text.
        let first = (first..=last)
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(last);
        let last = (first..=last)
            .rev()
            .find(|&i| self.text.is_char_boundary(i))
            .unwrap_or(first);
        (first, last)
    }

    /// The original span of the normalised byte range `start..end` (a match).
    pub fn original_span(&self, start: usize, end: usize) -> Option<Span> {
        if start >= end || end > self.origin.len() {
            return None;
        }
        Some(Span::new(
            self.origin[start].0 as usize,
            self.origin[end - 1].1 as usize,
        ))
    }
}

/// A phrase of the original made presentable, keeping its capitals: words split by
/// a line-end or leftover hyphen rejoined ("Hol-ger" → "Holger"), a compound split
/// at a line end rejoined with its hyphen ("Schulte-\nOehm" → "Schulte-Oehm"),
/// invisible characters dropped, white space folded. For names and roles copied into records.
pub fn tidy(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut pos = 0;
    while let Some(c) = phrase.get(pos..).and_then(|rest| rest.chars().next()) {
        let end = pos + c.len_utf8();
        if is_dash(c) {
            if let Some(join) = dash_join(&phrase[..pos], &phrase[end..]) {
                if join.keeps_dash {
                    out.push('-');
                }
                pos = end + join.skip;
                continue;
            }
        }
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !is_invisible(c) && !word_dot(&out, c, &phrase[end..]) {
            out.push(c);
        }
        pos = end;
    }
    // Names and titles are written composed (NFC), whatever form the page used.
    let out = out.trim_end();
    if is_nfc_quick(out.chars()) == IsNormalized::Yes {
        out.to_owned()
    } else {
        out.nfc().collect()
    }
}

/// True when `text` is a mail with a part sent as
/// `Content-Transfer-Encoding: quoted-printable`.
pub fn is_quoted_printable(text: &str) -> bool {
    const HEADER: &[u8] = b"content-transfer-encoding:";
    let bytes = text.as_bytes();
    memchr::memmem::find_iter(bytes, b"ransfer-")
        .filter_map(|i| i.checked_sub(9))
        .filter(|&start| {
            bytes
                .get(start..start + HEADER.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(HEADER))
        })
        .any(|start| {
            let value = text
                .get(start + HEADER.len()..)
                .unwrap_or("")
                .trim_start_matches([' ', '\t']);
            value
                .get(..16)
                .is_some_and(|v| v.eq_ignore_ascii_case("quoted-printable"))
        })
}

/// The quoted-printable escape at `at`: a soft line break ("=" at a line end) as
/// `(None, length)`, or the character that one to four "=XX" bytes spell in
/// UTF-8 (failing that, the one byte in Latin-1) as `(Some(char), length)`.
pub(crate) fn quoted_printable_at(text: &str, at: usize) -> Option<(Option<char>, usize)> {
    let rest = text.get(at..)?;
    let after = rest.strip_prefix('=')?;
    if after.starts_with("\r\n") {
        return Some((None, 3));
    }
    if after.starts_with('\n') {
        return Some((None, 2));
    }
    let byte_at = |k: usize| -> Option<u8> {
        let hex = rest.get(3 * k..3 * k + 3)?.strip_prefix('=')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u8::from_str_radix(hex, 16).ok()
    };
    let first = byte_at(0)?;
    let width = match first {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 1,
    };
    let utf8: Option<Vec<u8>> = (0..width).map(byte_at).collect();
    let decoded = utf8
        .as_deref()
        .and_then(|b| std::str::from_utf8(b).ok())
        .and_then(|s| s.chars().next());
    Some(match decoded {
        Some(c) => (Some(c), 3 * width),
        None => (Some(char::from(first)), 3),
    })
}

/// `phrase` with its quoted-printable escapes decoded and soft line breaks
/// removed: a role or name quoted from a mail sent quoted-printable.
pub(crate) fn quoted_printable_decoded(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut pos = 0;
    while let Some(c) = phrase.get(pos..).and_then(|rest| rest.chars().next()) {
        match (c == '=')
            .then(|| quoted_printable_at(phrase, pos))
            .flatten()
        {
            Some((decoded, len)) => {
                out.extend(decoded);
                pos += len;
            }
            None => {
                out.push(c);
                pos += c.len_utf8();
            }
        }
    }
    out
}

/// The byte length of a tag (or comment, or doctype) starting at `at`, if one does.
pub(crate) fn tag_length(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let mut chars = rest.chars();
    if chars.next()? != '<' {
        return None;
    }
    let second = chars.next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!') {
        return None;
    }
    rest.find('>').map(|close| close + 1)
}

/// Normalises a gazetteer term the way [`NormalizedText::new`] normalises text.
pub fn normalize_term(term: &str) -> String {
    NormalizedText::new(term).text.trim().to_owned()
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whether a dash after the letter `before` splits one word that goes on in
/// `after_dash`; if so, the byte offset in `after_dash` where the word goes on.
/// A dash between lower-case letters, across a line end or not, is a break:
/// German compounds with a hyphen capitalise the second part ("Saarpfalz-Kreis",
/// "IT-Dienstleister"), and the rare lower-case ones ("nordrhein-westfälisch") are
/// no gazetteer names.
fn word_continues_after_dash(before: char, after_dash: &str) -> Option<usize> {
    if !before.is_lowercase() {
        return None;
    }
    let mut saw_newline = false;
    for (k, c) in after_dash.char_indices() {
        if c == '\n' || c == '\r' {
            saw_newline = true;
        } else if !(saw_newline && (c == ' ' || c == '\t')) {
            return (c.is_lowercase() && !starts_conjunction(&after_dash[k..])).then_some(k);
        }
    }
    None
}

/// How a dash joins the text after it to the word before it.
pub(crate) struct DashJoin {
    /// Whether the dash stays (a compound's hyphen) or goes (a split word's).
    pub keeps_dash: bool,
    /// The bytes after the dash up to where the word goes on.
    pub skip: usize,
}

/// Whether a dash at the end of `head` joins one word to `after_dash`: a word
/// split by a hyphen ([`word_continues_after_dash`]), whose hyphen goes unless
/// both halves are adjectives ([`adjective_pair`]), or a hyphenated compound
/// split at a line end ([`compound_goes_on_after_line_break`]).
pub(crate) fn dash_join(head: &str, after_dash: &str) -> Option<DashJoin> {
    let before = head.chars().next_back()?;
    word_continues_after_dash(before, after_dash)
        .map(|skip| DashJoin {
            // "öffentlich-" over "rechtliche": two adjectives, one compound.
            keeps_dash: adjective_pair(head, &after_dash[skip..]),
            skip,
        })
        .or_else(|| {
            compound_goes_on_after_line_break(before, after_dash).map(|skip| DashJoin {
                keeps_dash: true,
                skip,
            })
        })
}

/// Whether the word ending `head` and the word opening `rest` are both
/// adjectives of the kinds German joins with a hyphen ("öffentlich-rechtliche",
/// "wirtschaftlich-technisch"); a syllable split never ends in "lich" or "isch"
/// while its rest does.
fn adjective_pair(head: &str, rest: &str) -> bool {
    const FIRST: [&str; 2] = ["lich", "isch"];
    const SECOND: [&str; 10] = [
        "lich", "liche", "lichen", "licher", "liches", "isch", "ische", "ischen", "ischer",
        "isches",
    ];
    let first = head
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let second = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    first.len() > 4
        && FIRST.iter().any(|e| first.ends_with(e))
        && SECOND.iter().any(|e| second.ends_with(e))
}

/// Whether a dash after `before` ends a line inside a hyphenated compound whose
/// next part starts the next line capitalised ("Bernkastel-" over "Wittlich",
/// "IT-" over "UNION eG"); if so, the byte offset in `after_dash` where the
/// compound goes on. The dash stays, the line break goes.
fn compound_goes_on_after_line_break(before: char, after_dash: &str) -> Option<usize> {
    if !before.is_alphanumeric() {
        return None;
    }
    let mut saw_newline = false;
    for (k, c) in after_dash.char_indices() {
        match c {
            '\n' | '\r' => saw_newline = true,
            ' ' | '\t' => {}
            _ => return (saw_newline && c.is_uppercase()).then_some(k),
        }
    }
    None
}

/// "Informations- und Kommunikationstechnik": a dash before a conjunction ends the
/// first half of an elliptical compound; it splits no word.
fn starts_conjunction(text: &str) -> bool {
    let word_end = text
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(k, _)| k);
    matches!(&text[..word_end], "und" | "oder" | "bzw" | "sowie" | "bis")
}

pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Whether `c` is the middle dot that Leichte Sprache sets between the parts of
/// a compound ("Land·kreis", "Kreis·tag"): between two letters it joins one word.
fn word_dot(before: &str, c: char, after: &str) -> bool {
    c == '\u{00B7}'
        && before.chars().next_back().is_some_and(char::is_alphabetic)
        && after.chars().next().is_some_and(char::is_alphabetic)
}

/// Characters that carry no letters: soft hyphen, zero-width spaces and joiners, BOM.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Typographic variants folded to their plain form.
fn plain_char(c: char) -> char {
    match c {
        '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{00B4}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        _ => c,
    }
}

/// Latin ligatures as found in PDF extracts, spelled out.
fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> String {
        NormalizedText::new(s).as_str().to_owned()
    }

    #[test]
    fn folds_case_and_space() {
        assert_eq!(view("Die  Stadt\n\tLEIPZIG"), "die stadt leipzig");
        assert_eq!(view("Saar\u{00AD}brücken"), "saarbrücken");
        assert_eq!(
            view("der Land·kreis Vechta · Kreis·tag"),
            "der landkreis vechta · kreistag"
        );
        assert_eq!(view("A\u{00A0}B\u{2009}C"), "a b c");
    }

    #[test]
    fn rejoins_split_words_but_keeps_compounds() {
        assert_eq!(view("Hol-ger Platz"), "holger platz");
        assert_eq!(view("Leip-\nzig"), "leipzig");
        assert_eq!(view("wer-\r\n  den"), "werden");
        assert_eq!(view("Saarpfalz-Kreis"), "saarpfalz-kreis");
        assert_eq!(view("IT-Dienstleister"), "it-dienstleister");
        assert_eq!(view("Ein-\n und"), "ein- und");
        assert_eq!(
            view("Informations-\nund Kommunikations-\ntechnik"),
            "informations- und kommunikationstechnik"
        );
    }

    #[test]
    fn maps_matches_back_to_original_bytes() {
        let original = "Bürgermeister Hol-ger Platz";
        let n = NormalizedText::new(original);
        let start = n.as_str().find("holger").unwrap();
        let span = n
            .original_span(start, start + "holger platz".len())
            .unwrap();
        assert_eq!(span.slice(original), Some("Hol-ger Platz"));
    }

    #[test]
    fn tidy_keeps_capitals_and_rejoins_words() {
        assert_eq!(tidy("Hol-ger  Platz"), "Holger Platz");
        assert_eq!(tidy("Geschäfts-\nführer"), "Geschäftsführer");
        assert_eq!(tidy("IT-Staats\u{00AD}sekretär"), "IT-Staatssekretär");
    }

    #[test]
    fn markup_view_decodes_references_and_hides_tags() {
        let page = "<p>Die Stadt M&uuml;nchen und <b>Dachau</b> &ndash; N&#252;rnberg</p>";
        let n = NormalizedText::new_markup(page);
        assert_eq!(n.as_str(), "die stadt münchen und dachau - nürnberg ");
        let start = n.as_str().find("münchen").unwrap();
        let span = n.original_span(start, start + "münchen".len()).unwrap();
        assert_eq!(span.slice(page), Some("M&uuml;nchen"));
        assert_eq!(NormalizedText::new("a&amp;b <i>").as_str(), "a&amp;b <i>");
    }

    #[test]
    fn quoted_printable_mail_text_reads_as_its_characters() {
        let mail = "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: Quoted-Printable\n\nB=C3=BCrgermeisterin Ina Roth l=\nobt die Stra=C3=9Fe, =FCbrigens.";
        assert!(is_quoted_printable(mail));
        assert!(!is_quoted_printable(
            "Die Vorlage nennt quoted-printable nur als Stichwort."
        ));
        let view = NormalizedText::new_quoted_printable(mail);
        let body = &view.as_str()[view.as_str().find("bürger").unwrap()..];
        // UTF-8 escapes, a soft line break and a Latin-1 escape.
        assert_eq!(body, "bürgermeisterin ina roth lobt die straße, übrigens.");
        let start = view.as_str().find("bürgermeisterin").unwrap();
        let span = view
            .original_span(start, start + "bürgermeisterin".len())
            .unwrap();
        assert_eq!(&mail[span.start..span.end], "B=C3=BCrgermeisterin");
        assert_eq!(
            quoted_printable_decoded("B=C3=BCrgermeisterin"),
            "Bürgermeisterin"
        );
        // A lone "=" and a plain text view are left alone.
        assert_eq!(quoted_printable_decoded("a = b"), "a = b");
        assert!(NormalizedText::new(mail).as_str().contains("b=c3=bc"));
    }

    #[test]
    fn decomposed_umlauts_read_as_composed_ones() {
        // "Saarbrücken" as macOS writes it: "u" and a combining diaeresis.
        let text = "Stadt Saarbru\u{308}cken";
        let view = NormalizedText::new(text);
        assert_eq!(view.as_str(), "stadt saarbrücken");
        let start = view.as_str().find("saarbrücken").unwrap();
        let span = view
            .original_span(start, start + "saarbrücken".len())
            .unwrap();
        assert_eq!(&text[span.start..span.end], "Saarbru\u{308}cken");
        // Names and titles taken from such text are written composed.
        assert_eq!(tidy("Bjo\u{308}rn  Ku\u{308}hnreich"), "Björn Kühnreich");
    }

    #[test]
    fn original_spans_map_to_normalised_ranges() {
        let original = "Die Zusammen-\narbeit der Städte.";
        let n = NormalizedText::new(original);
        let word = |w: &str| {
            let at = original.find(w).unwrap();
            Span::new(at, at + w.len())
        };
        let (s, e) = n.normalized_range(word("Zusammen-\narbeit"));
        assert_eq!(&n.as_str()[s..e], "zusammenarbeit");
        let (s, e) = n.normalized_range(word("Städte"));
        assert_eq!(&n.as_str()[s..e], "städte");
        assert_eq!(
            n.normalized_range(Span::new(90, 99)),
            (n.as_str().len(), n.as_str().len())
        );
    }

    #[test]
    fn a_compound_split_at_a_line_end_keeps_its_hyphen() {
        let original = "Landkreis Bernkastel-\n   Wittlich und die IT-\r\nUNION eG";
        let n = NormalizedText::new(original);
        assert_eq!(
            n.as_str(),
            "landkreis bernkastel-wittlich und die it-union eg"
        );
        let start = n.as_str().find("bernkastel").unwrap();
        let span = n
            .original_span(start, start + "bernkastel-wittlich".len())
            .unwrap();
        assert_eq!(&original[span.start..span.end], "Bernkastel-\n   Wittlich");
        // A line that ends in a dash after a space is a list or a dash, no compound.
        assert_eq!(view("Stadt -\nKreis"), "stadt - kreis");
        // Two adjectives keep their hyphen; a word split at a syllable does not.
        assert_eq!(
            view("eine öffentlich-\nrechtliche Vereinbarung"),
            "eine öffentlich-rechtliche vereinbarung"
        );
        assert_eq!(
            tidy("Öffentlich-\nrechtliche Möglich-\nkeit"),
            "Öffentlich-rechtliche Möglichkeit"
        );
    }

    #[test]
    fn dashes_and_quotes_become_plain() {
        assert_eq!(view("Rhein\u{2013}Sieg"), "rhein-sieg");
        assert_eq!(view("\u{201E}Zitat\u{201C}"), "\"zitat\"");
        assert_eq!(view("O\u{FB03}zier"), "offizier");
    }
}
