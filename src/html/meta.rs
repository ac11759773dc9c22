//! Title and publication date from what the page says about itself.
//!
//! Title, first found: `og:title` (a ` | Site` suffix, or any suffix naming
//! `og:site_name`, dropped), the text of the first `<h1>` outside boilerplate (a
//! kicker inside it left out), `<title>` without its site suffix. References are
//! resolved and white space collapsed.
//!
//! Publication date, first found: JSON-LD `datePublished` (article types first),
//! the `article:published_time`, `og:published_time`, `date`, `dc.date`,
//! `dcterms.date` … meta fields, then the first `<time>` (or `itemprop=datePublished`
//! element) in the article outside boilerplate other than an author line: its
//! `datetime` attribute, else its text. Values may be ISO (`2020-10-06`,
//! `2020-10-06T09:30:00+02:00`, `2020-10`), German (`06.10.2020`, `6. Oktober 2020`,
//! `Oktober 2020`) or English (`6 Oct 2020`); a time of day and its zone are
//! ignored, so the date is the one written. Last of all, when neither these nor
//! the text date the page, the date in the path of its own address (`og:url` or
//! the canonical link: `/2025/11/04/`, `/2025-11-04-`) is taken, as news sites
//! file their articles by day.

use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde_json::Value;

use super::dom::Dom;
use super::layout::Layout;
use crate::boilerplate::BlockLabel;
use crate::calendar::CalendarDate;

/// Meta fields holding the publication date, most specific first.
const DATE_FIELDS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
];

/// JSON-LD types of an article, preferred when a page describes several things.
pub(super) const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "Report",
    "BlogPosting",
    "ScholarlyArticle",
    "TechArticle",
    "AnalysisNewsArticle",
    "ReportageNewsArticle",
];

const MONTHS: &str = r"Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December|Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Okt|Oct|Nov|Dez|Dec";

static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    crate::pattern::compile(&format!(
        r"(?x)
        ^\s*(?P<iy>(?:19|20)\d{{2}})-(?P<im>\d{{1,2}})(?:-(?P<id>\d{{1,2}}))?(?:$|[T\s])
        | \b(?P<sy>(?:19|20)\d{{2}})/(?P<sm>\d{{1,2}})/(?P<sd>\d{{1,2}})\b
        | \b(?P<nd>\d{{1,2}})\.\s?(?P<nm>\d{{1,2}})\.\s?(?P<ny>(?:19|20)?\d{{2}})\b
        | \b(?P<ld>\d{{1,2}})\.?\s*(?P<lm>{MONTHS})\.?\s+(?P<ly>(?:19|20)\d{{2}})\b
        | \b(?P<mm>{MONTHS})\.?\s+(?P<my>(?:19|20)\d{{2}})\b"
    ))
    .ok()
});

/// Fallback for JSON-LD that is not valid JSON.
static LD_DATE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#""datePublished"\s*:\s*"([^"]{4,40})""#).ok());

/// The value of the first meta field named in `fields` (by `property`, `name` or
/// `itemprop`), in the order of `fields`.
fn meta<'d>(dom: &'d Dom, fields: &[&str]) -> Option<&'d str> {
    fields.iter().find_map(|field| {
        dom.elements
            .iter()
            .filter(|e| e.name == "meta")
            .find(|e| {
                ["property", "name", "itemprop"]
                    .iter()
                    .filter_map(|a| e.attr(a))
                    .any(|v| v.trim().eq_ignore_ascii_case(field))
            })
            .and_then(|e| e.attr("content"))
            .filter(|v| !v.trim().is_empty())
    })
}

/// `s` with every run of white space folded to one space, trimmed.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page's title (see the module docs).
pub(super) fn title(dom: &Dom, layout: &Layout) -> Option<String> {
    let site = meta(dom, &["og:site_name"]).map(collapse);
    if let Some(og) = meta(dom, &["og:title"]).map(collapse) {
        let t = strip_site_suffix(&og, site.as_deref(), false);
        if !t.is_empty() {
            return Some(t.to_owned());
        }
    }
    let h1: String = dom
        .texts
        .iter()
        .zip(&layout.labels)
        .filter(|(_, l)| **l == Some(BlockLabel::Title))
        .map(|(t, _)| t.value.as_str())
        .collect::<Vec<_>>()
        .join("");
    let h1 = collapse(&h1);
    if !h1.is_empty() {
        return Some(h1);
    }
    let text = head_title(dom).filter(|t| !is_file_name(t))?;
    let t = strip_site_suffix(title_segment(&text), site.as_deref(), true);
    let t = quoted_post(t).unwrap_or(t);
    (!t.is_empty()).then(|| t.to_owned())
}

/// The text of the page's `<title>` element (not an SVG's), white space collapsed.
pub(super) fn head_title(dom: &Dom) -> Option<String> {
    let head_title = dom.elements.iter().position(|e| {
        e.name == "title" && !dom.ancestors(e.parent).any(|(_, a)| a.name == "svg")
    })?;
    let text: String = dom
        .texts
        .iter()
        .filter(|t| t.parent == Some(head_title))
        .map(|t| t.value.as_str())
        .collect();
    Some(collapse(&text))
}

/// Whether a `<title>` is a document's file name, as word processors export it
/// (`PM_2026-03-24_Fusion_final`, `Vorlage.docx`): one word with underscores or
/// a document's extension. Such a title heads no article.
pub(super) fn is_file_name(title: &str) -> bool {
    const EXTENSIONS: [&str; 6] = [".doc", ".docx", ".odt", ".pdf", ".rtf", ".htm"];
    let lower = title.to_lowercase();
    !title.contains(char::is_whitespace)
        && (title.contains('_') || EXTENSIONS.iter().any(|e| lower.ends_with(e)))
}

/// The post of a title that quotes it after its author's name, as social sites
/// title a post (`Stadt Jena: "Unser Netz wächst …"`), without the cut mark.
fn quoted_post(title: &str) -> Option<&str> {
    let (author, rest) = title.split_once(": ")?;
    let open = rest.chars().next()?;
    let close = match open {
        '"' => '"',
        '„' => '“',
        '“' => '”',
        _ => return None,
    };
    let post = rest.strip_prefix(open)?.strip_suffix(close)?;
    let post = post
        .trim_end()
        .trim_end_matches(['…', '.'])
        .trim_end_matches(char::is_whitespace);
    (author.split_whitespace().count() <= 6 && !post.is_empty()).then_some(post)
}

/// Of a `<title>` split into parts by ` :: `, ` | ` or ` » ` ("Echo Online ::
/// Region :: Kreis und Stadt teilen IT"), the part with the most words: the site,
/// its sections and its slogan stand before or after the headline and are shorter.
fn title_segment(title: &str) -> &str {
    const SEPARATORS: [&str; 3] = [" :: ", " | ", " » "];
    if !SEPARATORS.iter().any(|sep| title.contains(sep)) {
        return title;
    }
    let mut parts = vec![title];
    for sep in SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .rev()
        .max_by_key(|p| p.split_whitespace().count())
        .unwrap_or(title)
}

/// Drops a site suffix: one naming `site`, any after ` | ` or ` :: ` of at most five
/// words, and with `loose` (the `<title>` element, which nearly always ends in the
/// site) any shorter than the rest.
fn strip_site_suffix<'t>(title: &'t str, site: Option<&str>, loose: bool) -> &'t str {
    for sep in [" | ", " :: ", " – ", " — ", " - ", " · "] {
        let Some((head, tail)) = title.rsplit_once(sep) else {
            continue;
        };
        let (head_words, tail_words) = (
            head.split_whitespace().count(),
            tail.split_whitespace().count(),
        );
        if head_words < 2 {
            continue;
        }
        let tail_lower = tail.trim().to_lowercase();
        let names_site = site.is_some_and(|s| {
            let s = s.to_lowercase();
            !s.is_empty() && (tail_lower.contains(&s) || s.contains(&tail_lower))
        });
        let bar = matches!(sep, " | " | " :: ") && tail_words <= 5;
        if names_site || bar || (loose && tail_words < head_words) {
            return head.trim();
        }
    }
    title.trim()
}

/// The page's publication date (see the module docs).
pub(super) fn published(dom: &Dom, layout: &Layout) -> Option<CalendarDate> {
    json_ld_date(dom)
        .or_else(|| meta(dom, DATE_FIELDS).and_then(parse_date))
        .or_else(|| time_element_date(dom, layout))
}

/// The day in the path of the page's own address: `…/2025/11/04/…` or
/// `…/2025-11-04…`.
pub(super) fn address_date(dom: &Dom) -> Option<CalendarDate> {
    let canonical = || {
        dom.elements
            .iter()
            .filter(|e| e.name == "link")
            .find(|e| {
                e.attr("rel")
                    .is_some_and(|r| r.trim().eq_ignore_ascii_case("canonical"))
            })
            .and_then(|e| e.attr("href"))
    };
    let address = meta(dom, &["og:url"]).or_else(canonical)?;
    let caps = ADDRESS_DATE.as_ref()?.captures(address)?;
    let number = |name: &str| caps.name(name)?.as_str().parse::<u16>().ok();
    let month = u8::try_from(number("m")?).ok()?;
    let day = u8::try_from(number("d")?).ok()?;
    CalendarDate::day(number("y")?, month, day)
}

/// A day as a news site's address files it: `/2025/11/04/` or `/2025-11-04`.
static ADDRESS_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>0[1-9]|1[0-2])[/-](?P<d>0[1-9]|[12]\d|3[01])(?:[/\-_.]|$)",
    )
    .ok()
});

/// `datePublished` of the page's JSON-LD scripts.
fn json_ld_date(dom: &Dom) -> Option<CalendarDate> {
    let scripts = dom.elements.iter().enumerate().filter(|(_, e)| {
        e.name == "script"
            && e.attr("type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
    });
    let mut fallback = None;
    for (i, _) in scripts {
        let source: String = dom
            .texts
            .iter()
            .filter(|t| t.parent == Some(i))
            .map(|t| t.value.as_str())
            .collect();
        match serde_json::from_str::<Value>(source.trim()) {
            Ok(value) => {
                if let Some(d) = find_date_published(&value, true).and_then(parse_date) {
                    return Some(d);
                }
                fallback =
                    fallback.or_else(|| find_date_published(&value, false).and_then(parse_date));
            }
            Err(_) => {
                fallback = fallback.or_else(|| {
                    LD_DATE
                        .as_ref()?
                        .captures(&source)
                        .and_then(|c| c.get(1))
                        .and_then(|m| parse_date(m.as_str()))
                });
            }
        }
    }
    fallback
}

/// The first `datePublished` in `v` (of an article type only, with `articles`).
fn find_date_published(v: &Value, articles: bool) -> Option<&str> {
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_date_published(i, articles)),
        Value::Object(map) => {
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            let own = map
                .get("datePublished")
                .and_then(Value::as_str)
                .filter(|_| is_article || !articles);
            own.or_else(|| {
                map.values()
                    .filter(|v| v.is_array() || v.is_object())
                    .find_map(|v| find_date_published(v, articles))
            })
        }
        _ => None,
    }
}

/// `<time>` elements read for a date at most.
const MAX_TIME_ELEMENTS: usize = 16;

/// The first dated `<time>` or `itemprop=datePublished` element of the article.
/// Only the first few such elements are read, so a page of thousands of `<time>`
/// elements stays fast.
fn time_element_date(dom: &Dom, layout: &Layout) -> Option<CalendarDate> {
    let candidates = dom.elements.iter().enumerate().filter(|&(i, e)| {
        let dated = e.name == "time"
            || e.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
        let Some(c) = layout.ctx.get(i) else {
            return false;
        };
        let in_root = layout
            .root
            .map_or(true, |r| dom.ancestors(Some(i)).any(|(a, _)| a == r));
        dated && !c.skip && matches!(c.boiler, None | Some(BlockLabel::Byline)) && in_root
    });
    candidates.take(MAX_TIME_ELEMENTS).find_map(|(i, e)| {
        if let Some(d) = e
            .attr("datetime")
            .or_else(|| e.attr("content"))
            .and_then(parse_date)
        {
            return Some(d);
        }
        let text: String = dom
            .texts
            .iter()
            .filter(|t| dom.ancestors(t.parent).any(|(a, _)| a == i))
            .map(|t| t.value.as_str())
            .collect();
        parse_date(&text)
    })
}

/// A date written in `s` (see the module docs for the forms).
pub(super) fn parse_date(s: &str) -> Option<CalendarDate> {
    let caps = DATE.as_ref()?.captures(s)?;
    to_date(&caps)
}

fn to_date(c: &Captures<'_>) -> Option<CalendarDate> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u16>().ok());
    let small = |v: u16| u8::try_from(v).ok();
    if let (Some(y), Some(m)) = (num("iy"), num("im")) {
        return match num("id") {
            Some(d) => CalendarDate::day(y, small(m)?, small(d)?),
            None => CalendarDate::month(y, small(m)?),
        };
    }
    if let (Some(y), Some(m), Some(d)) = (num("sy"), num("sm"), num("sd")) {
        return CalendarDate::day(y, small(m)?, small(d)?);
    }
    if let (Some(d), Some(m), Some(y)) = (num("nd"), num("nm"), c.name("ny")) {
        return CalendarDate::day(year(y.as_str())?, small(m)?, small(d)?);
    }
    if let (Some(d), Some(m), Some(y)) = (num("ld"), c.name("lm"), num("ly")) {
        return CalendarDate::day(y, month(m.as_str())?, small(d)?);
    }
    if let (Some(m), Some(y)) = (c.name("mm"), num("my")) {
        return CalendarDate::month(y, month(m.as_str())?);
    }
    None
}

/// A year of two or four digits; two-digit years below 70 are 20xx.
fn year(s: &str) -> Option<u16> {
    let y: u16 = s.parse().ok()?;
    Some(match s.len() {
        2 if y < 70 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    })
}

/// Month number of a German or English month name or abbreviation.
fn month(name: &str) -> Option<u8> {
    let prefix: String = name.to_lowercase().chars().take(3).collect();
    Some(match prefix.as_str() {
        "jan" | "jän" => 1,
        "feb" => 2,
        "mär" | "mae" | "mar" => 3,
        "apr" => 4,
        "mai" | "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "okt" | "oct" => 10,
        "nov" => 11,
        "dez" | "dec" => 12,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_compile() {
        assert!(DATE.is_some() && LD_DATE.is_some());
    }

    #[test]
    fn date_forms() {
        for (s, want) in [
            ("2020-10-06T09:30:00+02:00", Some("2020-10-06")),
            ("2020-10-06", Some("2020-10-06")),
            ("2020-10", Some("2020-10")),
            ("2020/1/21", Some("2020-01-21")),
            ("18.07.2019, 06:00 Uhr", Some("2019-07-18")),
            ("Stand: 6. Okt. 2020", Some("2020-10-06")),
            ("Tue, 21 Jan 2020 10:00:00 +0100", Some("2020-01-21")),
            ("Ausgabe März 2013", Some("2013-03")),
            ("06.12.17", Some("2017-12-06")),
            ("2020-13-01", None),
            ("gestern", None),
            ("", None),
        ] {
            assert_eq!(
                parse_date(s).map(|d| d.to_string()).as_deref(),
                want,
                "{s:?}"
            );
        }
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(
            strip_site_suffix("Neues Netz für Schulen | Kreisportal", None, false),
            "Neues Netz für Schulen"
        );
        assert_eq!(
            strip_site_suffix("Kreis Lippe - Gemeinsame IT", None, false),
            "Kreis Lippe - Gemeinsame IT"
        );
        assert_eq!(
            strip_site_suffix("Gemeinsame IT - Kreis Lippe", Some("Kreis Lippe"), false),
            "Gemeinsame IT"
        );
        assert_eq!(
            strip_site_suffix(
                "Neue Leitstelle für drei Kreise - Ministerium des Innern",
                None,
                true
            ),
            "Neue Leitstelle für drei Kreise"
        );
    }

    #[test]
    fn title_parts() {
        assert_eq!(
            title_segment("Echo Online :: Region :: Kreis und Stadt teilen ihre IT"),
            "Kreis und Stadt teilen ihre IT"
        );
        assert_eq!(
            title_segment("Drei Ämter, ein Server | Amtsbote | Nachrichten aus dem Amt"),
            "Drei Ämter, ein Server"
        );
        assert_eq!(
            title_segment("Gemeinsame IT - Kreis Lippe"),
            "Gemeinsame IT - Kreis Lippe"
        );
    }

    #[test]
    fn a_post_quoted_after_its_author_is_the_title() {
        assert_eq!(
            quoted_post("Stadt Jena: \"Unser Netz wächst …\""),
            Some("Unser Netz wächst")
        );
        assert_eq!(
            quoted_post("Landkreis Harz: „Neue Server für alle Ämter“"),
            Some("Neue Server für alle Ämter")
        );
        assert_eq!(quoted_post("Stadtrat: Neue Server für alle Ämter"), None);
        assert_eq!(quoted_post("Stadtrat: \"Neue\" Server"), None);
    }

    #[test]
    fn json_ld_prefers_articles() {
        let v: Value = serde_json::from_str(
            r#"{"@graph":[{"@type":"WebPage","datePublished":"2019-01-01"},{"@type":["NewsArticle"],"datePublished":"2020-02-02"}]}"#,
        )
        .unwrap();
        assert_eq!(find_date_published(&v, true), Some("2020-02-02"));
        assert_eq!(find_date_published(&v, false), Some("2019-01-01"));
    }
}
