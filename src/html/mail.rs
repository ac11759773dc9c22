//! A mail whose HTML part is sent quoted-printable: a press release mailed as
//! HTML, or a page a browser saved as one MHTML file.
//!
//! Quoted-printable breaks lines anywhere, inside tags too ("</=⏎title>"), so
//! the part cannot be parsed as it stands. It is decoded with every byte mapped
//! back to the escape or character of the raw file it came from, laid out as a
//! page, and each block is moved back to the raw bytes, so provenance holds as
//! for pages. The page's own date, failing that the mail's `Date:` header,
//! dates it.

use super::{analyse_page, mapped_blocks, unescaped_with_origin, HtmlPage};
use crate::normalize::quoted_printable_at;
use crate::span::Span;

/// The page of the mail's quoted-printable HTML part, or `None` when it has
/// none.
pub(super) fn analyse(text: &str) -> Option<HtmlPage> {
    let part = html_part(text)?;
    let raw = part.slice(text)?;
    let (html, origin) = decoded_with_origin(raw);
    let page = analyse_page(&html);
    Some(HtmlPage {
        blocks: mapped_blocks(page.blocks, &origin, part.start),
        title: page.title,
        published: page.published.or_else(|| date_header(text)),
        json_text: false,
    })
}

/// The body of the first `text/html` part whose headers say
/// `quoted-printable`: from the blank line after its headers to the next
/// boundary line (`--…`) or the end.
fn html_part(text: &str) -> Option<Span> {
    let lower = text.to_ascii_lowercase();
    let at = lower
        .match_indices("content-type:")
        .map(|(i, _)| i)
        .find(|&i| {
            lower[i + 13..]
                .trim_start_matches([' ', '\t'])
                .starts_with("text/html")
        })?;
    let headers_end = [("\r\n\r\n", 4), ("\n\n", 2)]
        .iter()
        .filter_map(|(gap, len)| lower[at..].find(gap).map(|i| at + i + len))
        .min()?;
    if !lower[at..headers_end].contains("quoted-printable") {
        return None;
    }
    let end = lower[headers_end..]
        .match_indices("\n--")
        .map(|(i, _)| headers_end + i)
        .next()
        .unwrap_or(text.len());
    Some(Span::new(headers_end, end))
}

/// The characters `raw` spells with its quoted-printable escapes resolved and
/// soft line breaks removed, each byte mapped back as
/// [`unescaped_with_origin`] says.
fn decoded_with_origin(raw: &str) -> (String, Vec<usize>) {
    unescaped_with_origin(raw, |raw, i| {
        (raw.as_bytes()[i] == b'=').then(|| quoted_printable_at(raw, i).unwrap_or((Some('='), 1)))
    })
}

/// The date of the mail's `Date:` header.
fn date_header(text: &str) -> Option<crate::calendar::CalendarDate> {
    let line = text
        .lines()
        .take_while(|l| !l.is_empty())
        .find(|l| l.len() > 5 && l[..5].eq_ignore_ascii_case("date:"))?;
    super::meta::parse_date(&line[5..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_soft_breaks_resolve_and_map_back() {
        let raw = "<title>Beitritt zur KIV Th=C3=BCringen</=\ntitle>";
        let (html, origin) = decoded_with_origin(raw);
        assert_eq!(html, "<title>Beitritt zur KIV Thüringen</title>");
        let start = html.find("Thüringen").unwrap();
        let end = html.find("</").unwrap();
        assert_eq!(&raw[origin[start]..origin[end]], "Th=C3=BCringen");
    }
}
