//! Tests of the whole HTML stage: table-driven pages (`testdata/cases/html.toml`),
//! the HTML fixtures against their gold, the references against the tokenizer's
//! decoding, and robustness on arbitrary and mutated input.

use std::collections::BTreeMap;
use std::path::PathBuf;

use proptest::prelude::*;
use serde::Deserialize;

use super::dom::Dom;
use super::*;
use crate::boilerplate::BlockLabel;
use crate::testcases::{run_cases, NamedCase};

/// The invariants every page's blocks keep: in order, apart, sliceable, and free
/// of markup.
fn check_blocks(text: &str, blocks: &[Block]) -> Result<(), String> {
    for pair in blocks.windows(2) {
        if pair[0].span.end > pair[1].span.start {
            return Err(format!("blocks overlap or are out of order: {pair:?}"));
        }
    }
    for b in blocks {
        let raw = b
            .span
            .slice(text)
            .ok_or(format!("span {:?} does not slice the page", b.span))?;
        if raw.is_empty() || raw.trim() != raw {
            return Err(format!("block {raw:?} is empty or untrimmed"));
        }
        let bytes = raw.as_bytes();
        let tag = bytes.iter().enumerate().any(|(i, &c)| {
            c == b'<'
                && bytes
                    .get(i + 1)
                    .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, b'/' | b'!' | b'?'))
        });
        if tag {
            return Err(format!("block {raw:?} holds markup"));
        }
    }
    Ok(())
}

/// Collapses ASCII white space (a no-break space is kept, as the page wrote it).
fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Decoded, white-space-collapsed text of each block, with its label.
fn decoded_blocks(text: &str, page: &HtmlPage) -> Vec<(String, BlockLabel)> {
    page.blocks
        .iter()
        .map(|b| {
            let raw = b.span.slice(text).unwrap_or("");
            (collapse(&decode_references(raw)), b.label)
        })
        .collect()
}

/// A page with what the stage must find in it.
#[derive(Deserialize)]
struct Case {
    name: String,
    html: String,
    /// Expected title (absent: none).
    title: Option<String>,
    /// Expected publication date (absent: none).
    published: Option<String>,
    /// Decoded block text to its label (as `BlockLabel`'s name).
    #[serde(default)]
    labels: BTreeMap<String, String>,
    /// Text that must stand in some content block (decoded).
    #[serde(default)]
    content: Vec<String>,
    /// Text that must stand in no content block (decoded).
    #[serde(default)]
    not_content: Vec<String>,
    /// Raw bytes some content block must hold exactly so.
    #[serde(default)]
    raw: Vec<String>,
    /// Whether the page is sniffed as HTML (default: yes).
    #[serde(default = "yes")]
    sniffed: bool,
}

fn yes() -> bool {
    true
}

impl NamedCase for Case {
    fn name(&self) -> &str {
        &self.name
    }
}

fn check_case(case: &Case) -> Result<(), String> {
    let text = case.html.as_str();
    let page = analyse(text, &|_| 0);
    check_blocks(text, &page.blocks)?;
    let mut errors = Vec::new();
    if page.title != case.title {
        errors.push(format!("title {:?}, want {:?}", page.title, case.title));
    }
    let published = page.published.map(|d| d.to_string());
    if published != case.published {
        errors.push(format!(
            "published {published:?}, want {:?}",
            case.published
        ));
    }
    if looks_like_html(text) != case.sniffed {
        errors.push(format!("sniffed {}, want {}", !case.sniffed, case.sniffed));
    }
    let blocks = decoded_blocks(text, &page);
    for (want_text, want_label) in &case.labels {
        match blocks.iter().find(|(t, _)| t == want_text) {
            Some((_, got)) if format!("{got:?}") == *want_label => {}
            Some((_, got)) => errors.push(format!("{want_text:?} is {got:?}, want {want_label}")),
            None => errors.push(format!("no block {want_text:?}")),
        }
    }
    let content: Vec<&str> = blocks
        .iter()
        .filter(|(_, l)| l.is_content())
        .map(|(t, _)| t.as_str())
        .collect();
    for want in &case.content {
        if !content.iter().any(|t| t.contains(want.as_str())) {
            errors.push(format!("{want:?} not in content"));
        }
    }
    for unwanted in &case.not_content {
        if content.iter().any(|t| t.contains(unwanted.as_str())) {
            errors.push(format!("{unwanted:?} in content"));
        }
    }
    for raw in &case.raw {
        let found = page.blocks.iter().any(|b| {
            b.label.is_content() && b.span.slice(text).is_some_and(|s| s.contains(raw.as_str()))
        });
        if !found {
            errors.push(format!("raw {raw:?} not in a content block"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

#[test]
fn html_cases() {
    run_cases(
        "html.toml",
        include_str!("../../testdata/cases/html.toml"),
        check_case,
    );
}

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/articles")
}

fn fixtures(ext: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(fixture_dir())
        .expect("testdata/articles")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| {
            let bytes = std::fs::read(&p).expect("fixture");
            let text = crate::decode::decode(&bytes).expect("decodes").text;
            let name = p.file_name().unwrap_or_default().to_string_lossy().into();
            (name, text)
        })
        .collect();
    out.sort();
    out
}

/// The gold fields this test reads.
#[derive(Deserialize)]
struct Gold {
    file: String,
    title: Vec<String>,
    published: Option<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    dates: Vec<GoldText>,
    #[serde(default)]
    amounts: Vec<GoldText>,
    #[serde(default)]
    officials: Vec<GoldName>,
}

#[derive(Deserialize)]
struct GoldText {
    text: String,
}

#[derive(Deserialize)]
struct GoldName {
    name: String,
}

#[test]
fn html_fixtures_match_gold() {
    let gold: Vec<Gold> = include_str!("../../testdata/gold.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("gold line"))
        .collect();
    let pages = fixtures("html");
    assert!(pages.len() >= 4, "the HTML fixtures are missing");
    let mut errors = Vec::new();
    for (file, text) in &pages {
        let g = gold
            .iter()
            .find(|g| &g.file == file)
            .expect("every fixture has gold");
        assert!(looks_like_html(text), "{file}: not sniffed as HTML");
        let page = analyse(text, &|_| 0);
        if let Err(e) = check_blocks(text, &page.blocks) {
            errors.push(format!("{file}: {e}"));
        }
        if !page.title.as_ref().is_some_and(|t| g.title.contains(t)) {
            errors.push(format!(
                "{file}: title {:?}, want one of {:?}",
                page.title, g.title
            ));
        }
        let published = page.published.map(|d| d.to_string());
        if published != g.published {
            errors.push(format!(
                "{file}: published {published:?}, want {:?}",
                g.published
            ));
        }
        let content: Vec<String> = decoded_blocks(text, &page)
            .into_iter()
            .filter(|(_, l)| l.is_content())
            .map(|(t, _)| t)
            .collect();
        let is_iso =
            |s: &str| s.bytes().all(|b| b.is_ascii_digit() || b == b'-') && s.contains('-');
        for absent in g.absent.iter().filter(|a| !is_iso(a)) {
            if content.iter().any(|c| c.contains(absent.as_str())) {
                errors.push(format!("{file}: boilerplate {absent:?} in content"));
            }
        }
        let wanted = g
            .dates
            .iter()
            .chain(&g.amounts)
            .map(|d| d.text.as_str())
            .chain(g.officials.iter().map(|o| o.name.as_str()));
        for want in wanted {
            if !content.iter().any(|c| c.contains(want)) {
                errors.push(format!("{file}: {want:?} not in content"));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn text_fixtures_are_not_html() {
    let pages = fixtures("txt");
    assert!(!pages.is_empty());
    for (file, text) in &pages {
        assert!(!looks_like_html(text), "{file} sniffed as HTML");
    }
}

/// Every text node's raw bytes, references resolved by [`decode_references`], read
/// the same as the tokenizer's own decoding.
#[test]
fn references_decode_like_the_tokenizer() {
    for (file, text) in fixtures("html") {
        let dom = Dom::parse(&text);
        for t in &dom.texts {
            let raw = t.span.slice(&text).unwrap_or("");
            assert_eq!(
                collapse(&decode_references(raw)),
                collapse(&t.value),
                "{file}: {raw:?}"
            );
        }
    }
    let page =
        "<p>&bdquo;K&ouml;ln&ldquo; &#150; &#x2013; &euro; 5&nbsp;Mio. &amp; &shy; &copy2020</p>";
    let dom = Dom::parse(page);
    let raw = dom.texts[0].span.slice(page).unwrap_or("");
    assert_eq!(decode_references(raw), dom.texts[0].value.trim());
}

/// Markup edits that break pages the way the web does.
/// Pieces of JSON strings: escapes whole and broken, and escaped markup.
const JSON_SHARDS: &[&str] = &[
    "\\u00fc",
    "\\ud83d\\ude00",
    "\\ud83d",
    "\\udc00",
    "\\u12",
    "\\n",
    "\\\"",
    "\\/",
    "\\\\",
    "\\x",
    "<p>",
    "<\\/p>",
    "<strong>",
    "<\\/strong>",
];

/// Pieces of feeds: item fields, CDATA wrappers and escaped markup.
const FEED_SHARDS: &[&str] = &[
    "<item>",
    "</item>",
    "<entry>",
    "<title>",
    "</title>",
    "<description>",
    "</description>",
    "<content:encoded>",
    "</content:encoded>",
    "<content type=\"html\">",
    "</content>",
    "<pubDate>",
    "</pubDate>",
    "<![CDATA[",
    "]]>",
    "&lt;p&gt;",
    "&lt;/p&gt;",
    "&lt;strong&gt;",
    "&amp;",
    "<p>",
    "</p>",
];

const SHARDS: &[&str] = &[
    "<",
    ">",
    "&",
    "\"",
    "'",
    "<!--",
    "-->",
    "</p>",
    "<p>",
    "</div>",
    "<script>",
    "</script>",
    "<nav>",
    "&#",
    "&#x",
    "&auml",
    "<![CDATA[",
    "\u{0}",
    "\r",
    "ü",
    "<h1>",
    "</article>",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let page = analyse(&text, &|_| 0);
        prop_assert!(check_blocks(&text, &page.blocks).is_ok());
        let _ = looks_like_html(&text);
    }

    #[test]
    fn tag_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(SHARDS).prop_map(str::to_owned),
            "[a-zA-Zäöü &;#0-9<>/=\"' ]{0,12}",
        ],
        0..60,
    )) {
        let text: String = parts.concat();
        let page = analyse(&text, &|_| 0);
        prop_assert!(check_blocks(&text, &page.blocks).is_ok(), "{:?}", check_blocks(&text, &page.blocks));
        for at in 0..text.len() {
            if let Some((_, len)) = char_reference_at(&text, at) {
                prop_assert!(text.is_char_boundary(at + len));
            }
        }
    }

    #[test]
    fn feed_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(FEED_SHARDS).prop_map(str::to_owned),
            "[a-zA-Zäöü &;#0-9<>/=\"' ]{0,12}",
        ],
        0..60,
    )) {
        let text = format!("<rss><channel><item>{}", parts.concat());
        let page = analyse(&text, &|_| 0);
        prop_assert!(check_blocks(&text, &page.blocks).is_ok(), "{:?}", check_blocks(&text, &page.blocks));
    }

    #[test]
    fn json_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            proptest::sample::select(JSON_SHARDS).prop_map(str::to_owned),
            "[a-zA-Zäöü &;#0-9<>/=' ]{0,12}",
        ],
        0..40,
    )) {
        let body = parts.concat();
        let text = format!("{{\"title\":\"{body}\",\"content\":{{\"rendered\":\"{body}\"}}}}");
        let page = analyse(&text, &|_| 0);
        prop_assert!(check_blocks(&text, &page.blocks).is_ok(), "{:?}", check_blocks(&text, &page.blocks));
        let view = crate::normalize::NormalizedText::new_json(&text);
        prop_assert!(view.as_str().len() <= 4 * text.len() + 4);
    }

    #[test]
    fn mutated_fixtures_never_panic(
        which in 0usize..4,
        edits in proptest::collection::vec((any::<proptest::sample::Index>(), proptest::sample::select(SHARDS), any::<bool>()), 1..20),
        cut in any::<proptest::sample::Index>(),
    ) {
        let pages = fixtures("html");
        let mut text = pages[which % pages.len()].1.clone();
        for (at, shard, delete) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            if delete {
                let mut j = (i + 8).min(text.len());
                while !text.is_char_boundary(j) {
                    j -= 1;
                }
                text.replace_range(i..j, "");
            } else {
                text.insert_str(i, shard);
            }
        }
        let mut end = cut.index(text.len() + 1).max(text.len() / 2);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        let page = analyse(&text, &|_| 0);
        prop_assert!(check_blocks(&text, &page.blocks).is_ok(), "{:?}", check_blocks(&text, &page.blocks));
    }
}
