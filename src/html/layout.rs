//! Labels every text node of a page from the structure around it.
//!
//! 1. Elements: `script`, `style`, `noscript`, `template`, `iframe`, `object` and
//!    `textarea` hold no blocks at all. `nav`, forms and their controls, `aside`,
//!    a `header` or `footer` outside an `<article>`, `figcaption`, `address`,
//!    `dialog`, `svg`, hidden elements and ARIA landmarks (`navigation`, `banner`,
//!    `contentinfo`, `complementary`, `search`) make everything inside them
//!    boilerplate; the outermost such element decides the label.
//! 2. Class, id and role words name page parts the same way ([`class_cue`]): menus,
//!    breadcrumbs, share bars, teasers and related links, comments, cookie banners,
//!    ads and newsletters, contact boxes, captions, author boxes; `kicker` and
//!    `date` words give content roles. Inside an `<article>` (or an element with a
//!    microdata article `itemtype`), `teaser` names the lead paragraph and
//!    `header` the article's head, so neither is boilerplate.
//! 3. The article: the `<article>`, `<main>` or microdata article around the first `<h1>` (the innermost
//!    with at least [`ROOT_MIN_WORDS`] words of text, else the outermost); without
//!    an `<h1>` in one, the one holding most of the page's text, or the parent of
//!    a series of three or more sibling articles none of which holds half their
//!    text (the posts of a thread). Text outside it is
//!    [`BlockLabel::Other`]; a page without either has no such limit.
//! 4. Roles inside the article: the first `<h1>` is the title, other headings are
//!    headings, `<li>` items are list, `<time>` is the dateline (also inside an
//!    author line), everything else body.
//! 5. Lines: text nodes with no block-level tag or `<br>` between them form a line,
//!    and the layout cues of text pages (`Foto: …`, `Weitere Meldungen`, a phone
//!    line, a menu of navigation words) are asked about each content line, with
//!    its references resolved. A teaser or comment heading labels the lines after
//!    it in its container up to the next paragraph of running text; a strong
//!    contact line pulls the short lines of its element into the contact box.

use super::dom::{is_heading, is_inline, Dom, Element, TextNode, MAX_DEPTH};
use crate::boilerplate::cues::{Cue, Cues};
use crate::boilerplate::BlockLabel;

/// Elements whose text is never a block.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
];

/// Words of text an `<article>` or `<main>` must hold to be taken as the article
/// when a smaller one holds the headline.
pub(super) const ROOT_MIN_WORDS: usize = 50;

/// What an element says about the text inside it.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Ctx {
    /// Text inside is not page text (scripts, styles).
    pub skip: bool,
    /// The boilerplate label of the outermost boilerplate element around.
    pub boiler: Option<BlockLabel>,
    /// The content role of the innermost element that gives one.
    pub role: Option<BlockLabel>,
    /// Inside an `<article>` (or `role=article`, `itemprop=articleBody`).
    pub article: bool,
    /// Inside a `<blockquote>`, whose `<footer>` names the quote's source.
    pub quote: bool,
}

/// The labels of a page.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    /// What each element says about its text, by element index.
    pub ctx: Vec<Ctx>,
    /// The article element, if the page marks one.
    pub root: Option<usize>,
    /// The label of each text node, by index; `None` for text that is no block.
    pub labels: Vec<Option<BlockLabel>>,
}

/// Labels the text nodes of `dom`.
pub(super) fn layout(dom: &Dom, cues: &Cues) -> Layout {
    let mut ctx: Vec<Ctx> = Vec::with_capacity(dom.elements.len());
    for e in &dom.elements {
        let parent = e
            .parent
            .and_then(|p| ctx.get(p).copied())
            .unwrap_or_default();
        // Lotus Domino and ASP.NET wrap the whole page in one form: the body's
        // own form is the page, not a form to fill in.
        let page_form = e.name == "form"
            && e.parent
                .and_then(|p| dom.elements.get(p))
                .is_some_and(|p| p.name == "body");
        ctx.push(ctx_of(parent, e, page_form));
    }
    let node_ctx =
        |parent: Option<usize>| parent.and_then(|p| ctx.get(p).copied()).unwrap_or_default();
    let root = choose_root(dom, &ctx);
    let first_h1 = dom
        .elements
        .iter()
        .enumerate()
        .position(|(i, e)| e.name == "h1" && ctx[i].boiler.is_none() && !ctx[i].skip);
    let mut labels: Vec<Option<BlockLabel>> = dom
        .texts
        .iter()
        .map(|t| {
            let c = node_ctx(t.parent);
            if c.skip {
                return None;
            }
            let in_root = root.map_or(true, |r| dom.ancestors(t.parent).any(|(i, _)| i == r));
            let label = match (c.boiler, c.role) {
                (Some(BlockLabel::Byline), Some(BlockLabel::Dateline)) => BlockLabel::Dateline,
                (Some(b), _) => b,
                (None, Some(BlockLabel::Title)) => {
                    let h1 = dom.ancestors(t.parent).find(|(_, e)| e.name == "h1");
                    if h1.map(|(i, _)| i) == first_h1 {
                        BlockLabel::Title
                    } else if in_root {
                        BlockLabel::Heading
                    } else {
                        BlockLabel::Other
                    }
                }
                (None, _) if !in_root => BlockLabel::Other,
                (None, role) => role.unwrap_or(BlockLabel::Body),
            };
            Some(label)
        })
        .collect();
    apply_line_cues(dom, cues, &mut labels);
    keep_standfirst(dom, &mut labels);
    if first_h1.is_none() {
        promote_first_heading(dom, &mut labels);
        promote_bold_paragraph(dom, &mut labels);
    }
    Layout { ctx, root, labels }
}

/// A standfirst that the content system marks as the article's "teaser"
/// (Contao's and TYPO3's news views), right under the headline, without a link
/// and with running text below it, is the article's own text: a teaser of
/// another article links to it.
fn keep_standfirst(dom: &Dom, labels: &mut [Option<BlockLabel>]) {
    let next_text = |labels: &[Option<BlockLabel>], from: usize| {
        (from..dom.texts.len())
            .find(|&i| labels[i].is_some() && !dom.texts[i].value.trim().is_empty())
    };
    let Some(title) = labels.iter().rposition(|l| *l == Some(BlockLabel::Title)) else {
        return;
    };
    let Some(first) = next_text(labels, title + 1) else {
        return;
    };
    if labels[first] != Some(BlockLabel::Teaser) {
        return;
    }
    let teaser_class = |e: &Element| {
        e.attr("class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("teaser"))
    };
    let Some((holder, _)) = dom
        .ancestors(dom.texts[first].parent)
        .find(|(_, e)| teaser_class(e))
    else {
        return;
    };
    let inside = |i: usize| dom.ancestors(dom.texts[i].parent).any(|(a, _)| a == holder);
    let members: Vec<usize> = (first..dom.texts.len())
        .take_while(|&i| inside(i))
        .collect();
    let linked = members.iter().any(|&i| {
        dom.ancestors(dom.texts[i].parent)
            .take_while(|(a, _)| *a != holder)
            .any(|(_, e)| e.name == "a")
    });
    let below = members.last().and_then(|&last| next_text(labels, last + 1));
    if linked || below.map(|i| labels[i]) != Some(Some(BlockLabel::Body)) {
        return;
    }
    for i in members {
        if labels[i] == Some(BlockLabel::Teaser) {
            labels[i] = Some(BlockLabel::Body);
        }
    }
}

/// How many of the first paragraphs may hold a headline set in bold.
const BOLD_HEADLINE_PARAGRAPHS: usize = 3;

/// On a page with no headline element whose `<title>` is a file's name, as word
/// processors export a press release, the first of its opening paragraphs set
/// wholly in bold or styled as the document's title (`class="title"`, as Google
/// Docs exports it), of two to 25 words, is the headline.
fn promote_bold_paragraph(dom: &Dom, labels: &mut [Option<BlockLabel>]) {
    let untitled = super::meta::head_title(dom).map_or(true, |t| super::meta::is_file_name(&t));
    if labels.contains(&Some(BlockLabel::Title)) || !untitled {
        return;
    }
    let paragraph_of = |t: &TextNode| {
        dom.ancestors(t.parent)
            .find(|(_, e)| matches!(e.name.as_str(), "p" | "div"))
            .map(|(i, _)| i)
    };
    let mut paragraphs: Vec<usize> = Vec::new();
    for (label, text) in labels.iter().zip(&dom.texts) {
        if *label != Some(BlockLabel::Body) || text.span.is_empty() {
            continue;
        }
        match paragraph_of(text) {
            Some(p) if !paragraphs.contains(&p) => paragraphs.push(p),
            _ => {}
        }
        if paragraphs.len() >= BOLD_HEADLINE_PARAGRAPHS {
            break;
        }
    }
    let bold = |t: &TextNode, p: usize| {
        dom.ancestors(t.parent)
            .take_while(|(i, _)| *i != p)
            .any(|(_, e)| matches!(e.name.as_str(), "b" | "strong"))
    };
    for p in paragraphs {
        let members: Vec<usize> = (0..dom.texts.len())
            .filter(|&i| {
                labels[i].is_some()
                    && !dom.texts[i].span.is_empty()
                    && paragraph_of(&dom.texts[i]) == Some(p)
            })
            .collect();
        let words: usize = members
            .iter()
            .map(|&i| dom.texts[i].value.split_whitespace().count())
            .sum();
        let styled_title = dom.elements[p].attr("class").is_some_and(|classes| {
            classes
                .split_whitespace()
                .any(|c| c.eq_ignore_ascii_case("title"))
        });
        let emphasised = styled_title || members.iter().all(|&i| bold(&dom.texts[i], p));
        if emphasised && (2..=25).contains(&words) {
            for i in members {
                labels[i] = Some(BlockLabel::Title);
            }
            return;
        }
    }
}

/// On a page without `<h1>`, an article heading above all running text is the
/// headline (city portals set it as `<h2>` under the site's logo).
fn promote_first_heading(dom: &Dom, labels: &mut [Option<BlockLabel>]) {
    let Some(first) = labels.iter().zip(&dom.texts).position(|(l, t)| {
        matches!(l, Some(BlockLabel::Heading | BlockLabel::Body)) && !t.span.is_empty()
    }) else {
        return;
    };
    if labels[first] != Some(BlockLabel::Heading) {
        return;
    }
    let Some((heading, _)) = dom
        .ancestors(dom.texts[first].parent)
        .find(|(_, e)| is_heading(&e.name))
    else {
        return;
    };
    for (label, text) in labels.iter_mut().zip(&dom.texts) {
        if *label == Some(BlockLabel::Heading)
            && dom.ancestors(text.parent).any(|(i, _)| i == heading)
        {
            *label = Some(BlockLabel::Title);
        }
    }
}

/// The context of element `e` inside `parent`; `page_form` when `e` is a form
/// that wraps the page.
fn ctx_of(parent: Ctx, e: &Element, page_form: bool) -> Ctx {
    let mut c = parent;
    let name = e.name.as_str();
    if SKIPPED.contains(&name) {
        c.skip = true;
        return c;
    }
    let role_attr = e.attr("role").unwrap_or("").to_ascii_lowercase();
    let itemprop = e.attr("itemprop").unwrap_or("").to_ascii_lowercase();
    if name == "article"
        || role_attr == "article"
        || itemprop == "articlebody"
        || is_article_item(e)
    {
        c.article = true;
    }
    if name == "blockquote" {
        c.quote = true;
    }
    let mut boiler = if (name == "footer" && c.quote) || page_form {
        None
    } else {
        tag_boilerplate(name, &role_attr, c.article)
    };
    if boiler.is_none() && is_hidden(e) {
        boiler = Some(BlockLabel::Other);
    }
    if itemprop == "author" {
        boiler = boiler.or(Some(BlockLabel::Byline));
    }
    if is_comment_item(e, &itemprop) {
        boiler = boiler.or(Some(BlockLabel::Comment));
    }
    let mut role = match name {
        "h1" => Some(BlockLabel::Title),
        _ if is_heading(name) => Some(BlockLabel::Heading),
        "li" | "dd" | "dt" => Some(BlockLabel::List),
        "time" => Some(BlockLabel::Dateline),
        _ => None,
    };
    if itemprop == "datepublished" {
        role = Some(BlockLabel::Dateline);
    }
    match class_cue(e, c.article) {
        // The page's main element is what the page is about, whatever a word of
        // its class says ("job-ad": a job advertisement).
        Some(ClassCue::Boiler(_)) if name == "main" || role_attr == "main" => {}
        Some(ClassCue::Boiler(b)) => boiler = boiler.or(Some(b)),
        Some(ClassCue::Role(r)) => role = role.or(Some(r)),
        None => {}
    }
    // The outermost boilerplate element decides, unless it only said "not the
    // article" and an inner one says what the text is (a menu in the site header).
    c.boiler = match (c.boiler, boiler) {
        (Some(BlockLabel::Other), Some(inner)) => Some(inner),
        (outer, inner) => outer.or(inner),
    };
    if role.is_some() {
        c.role = role;
    }
    c
}

/// Boilerplate named by the tag or its ARIA role.
fn tag_boilerplate(name: &str, role: &str, in_article: bool) -> Option<BlockLabel> {
    let by_tag = match name {
        "head" | "title" => Some(BlockLabel::Meta),
        "nav" | "menu" | "form" | "button" | "select" | "option" | "label" | "input"
        | "fieldset" | "legend" => Some(BlockLabel::Navigation),
        "aside" => Some(BlockLabel::Teaser),
        "footer" if in_article => Some(BlockLabel::Other),
        "footer" => Some(BlockLabel::Legal),
        "header" if !in_article => Some(BlockLabel::Other),
        "figcaption" => Some(BlockLabel::Caption),
        "address" => Some(BlockLabel::Contact),
        "dialog" => Some(BlockLabel::Legal),
        "svg" | "math" => Some(BlockLabel::Other),
        _ => None,
    };
    by_tag.or(match role {
        "navigation" | "menu" | "menubar" | "search" | "tablist" => Some(BlockLabel::Navigation),
        "banner" if !in_article => Some(BlockLabel::Other),
        "contentinfo" => Some(BlockLabel::Legal),
        "complementary" => Some(BlockLabel::Teaser),
        "dialog" | "alertdialog" => Some(BlockLabel::Legal),
        _ => None,
    })
}

/// `hidden`, `aria-hidden="true"`, or an inline style that hides the element.
fn is_hidden(e: &Element) -> bool {
    let style: String = e
        .attr("style")
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    e.attr("hidden").is_some()
        || e.attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || style.contains("display:none")
        || style.contains("visibility:hidden")
}

/// What a class or id word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ClassCue {
    /// Everything inside is boilerplate of this kind.
    Boiler(BlockLabel),
    /// Text inside has this content role.
    Role(BlockLabel),
}

/// The first class or id word of `e` that names a page part.
fn class_cue(e: &Element, in_article: bool) -> Option<ClassCue> {
    // The root elements' classes name the page template ("single-post
    // right-sidebar", "has-cookie-banner"), not a part of the page.
    if matches!(e.name.as_str(), "html" | "body") {
        return None;
    }
    let classes = e.attr("class").unwrap_or("").to_lowercase();
    // A post's container lists its metadata as classes ("hentry category-kreis
    // author-redaktion"): an author's name, not an author box.
    let post = e.name == "article"
        || classes
            .split_whitespace()
            .any(|c| c == "hentry" || c == "h-entry");
    let metadata = |class: &str| {
        // "status-publish" is metadata, a BEM modifier "status--reply" is not.
        post && POST_METADATA.iter().any(|m| {
            class
                .strip_prefix(m)
                .is_some_and(|slug| slug.starts_with(|ch: char| ch.is_alphanumeric()))
        })
    };
    let id = e.attr("id").unwrap_or("").to_lowercase();
    // A UI toolkit's classes ("ui-widget ui-widget-content" of jQuery UI and
    // PrimeFaces) style any component, the article's panel too.
    let words: Vec<&str> = classes
        .split_whitespace()
        .filter(|c| !metadata(c) && !c.starts_with("ui-"))
        .chain(std::iter::once(id.as_str()))
        .flat_map(|name| name.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    // "paywall-teaser" is the subscription offer; "paywall-teil" and
    // "paywalled-content" hold the article's own text behind it.
    let behind_paywall = words.iter().any(|w| w.starts_with("paywall"))
        && words.iter().any(|w| PAYWALLED_TEXT.contains(w));
    // A heading classed as its box's header ("card-header") heads that box; it
    // is not the page's header.
    let heading = is_heading(&e.name);
    words
        .iter()
        .filter(|w| !(behind_paywall && w.starts_with("paywall")))
        .filter(|w| !(heading && w.ends_with("header")))
        .find_map(|w| word_cue(w, in_article))
}

/// Prefixes of the classes a blog engine gives a post's container for its
/// metadata (WordPress, Squarespace and others: `category-…`, `author-…`).
const POST_METADATA: &[&str] = &[
    "category-",
    "tag-",
    "author-",
    "format-",
    "status-",
    "type-",
    "post-type-",
];

/// Class words that, beside "paywall", name the article's own text: behind the
/// paywall, or faded out above its offer ("paywall-fade").
const PAYWALLED_TEXT: &[&str] = &[
    "teil", "content", "inhalt", "text", "body", "artikel", "article", "rest", "fade", "faded",
    "blur", "preview",
];

/// What one class or id word says. Short words must match whole; longer stems may
/// also start or end a compound word (`mainnav`, `sharebar`, `site-footer`).
fn word_cue(w: &str, in_article: bool) -> Option<ClassCue> {
    use BlockLabel as L;
    use ClassCue::{Boiler, Role};
    let has = |stem: &str| w.starts_with(stem) || w.ends_with(stem);
    let any = |stems: &[&str]| stems.iter().any(|s| has(s));
    let exact = |words: &[&str]| words.contains(&w);
    if w.starts_with("nav")
        || w.ends_with("nav")
        || w.contains("menu")
        || any(&[
            "breadcrumb",
            "pagination",
            "skiplink",
            "toolbar",
            "share",
            "sharing",
            "social",
            "bookmark",
            "login",
        ])
        || exact(&["pager", "print", "search", "suche", "tabs"])
    {
        return Some(Boiler(L::Navigation));
    }
    if any(&["footer", "fusszeile"]) {
        return Some(Boiler(if in_article { L::Other } else { L::Legal }));
    }
    if any(&["header", "masthead"]) || exact(&["topbar"]) {
        return (!in_article).then_some(Boiler(L::Other));
    }
    if any(&["teaser"]) && !in_article {
        return Some(Boiler(L::Teaser));
    }
    if any(&[
        "related",
        "recommend",
        "empfehlung",
        "sidebar",
        "latest",
        "popular",
        "mostread",
        "meistgelesen",
        "trending",
        "newsticker",
        "carousel",
        "slider",
        "widget",
    ]) || exact(&["more", "weitere"])
    {
        return Some(Boiler(L::Teaser));
    }
    // A ticker box beside the article lists other news; inside the article
    // ("Ticker_entries" of a live ticker) it is the article's own.
    // The side columns of a table layout ("linkespalte").
    if exact(&[
        "linkespalte",
        "rechtespalte",
        "randspalte",
        "seitenspalte",
        "nebenspalte",
    ]) {
        return Some(Boiler(L::Teaser));
    }
    if exact(&["ticker"]) && !in_article {
        return Some(Boiler(L::Teaser));
    }
    if any(&["comment", "kommentar", "disqus", "reply", "replies"]) {
        return Some(Boiler(L::Comment));
    }
    if any(&[
        "cookie",
        "consent",
        "privacy",
        "copyright",
        "impressum",
        "disclaimer",
    ]) || exact(&["cmp", "gdpr", "dsgvo", "legal"])
    {
        return Some(Boiler(L::Legal));
    }
    if any(&[
        "advert",
        "banner",
        "newsletter",
        "anzeige",
        "werbung",
        "sponsor",
        "paywall",
        "outbrain",
        "taboola",
        "sitenotice",
        "announcement",
    ]) || exact(&["ad", "ads", "adslot", "promo"])
    {
        return Some(Boiler(L::Ad));
    }
    if any(&["contact", "kontakt", "address", "adresse"]) || exact(&["vcard"]) {
        return Some(Boiler(L::Contact));
    }
    if any(&["caption", "bildnachweis", "bildunterschrift"]) || exact(&["credit", "credits"]) {
        return Some(Boiler(L::Caption));
    }
    if any(&["byline", "author", "autoren"]) || exact(&["autor", "autorin"]) {
        return Some(Boiler(L::Byline));
    }
    // Word's HTML export marks its title paragraphs by class.
    if exact(&["msotitle"]) {
        return Some(Role(L::Title));
    }
    if exact(&["msosubtitle"]) {
        return Some(Role(L::Subtitle));
    }
    if any(&[
        "kicker",
        "dachzeile",
        "overline",
        "topline",
        "roofline",
        "spitzmarke",
    ]) || exact(&["eyebrow"])
    {
        return Some(Role(L::Kicker));
    }
    if any(&["dateline", "pubdate", "publishdate"])
        || exact(&["date", "datum", "published", "datetime"])
    {
        return Some(Role(L::Dateline));
    }
    None
}

/// Whether `e` is an `<article>`, `<main>` or marked as one.
fn is_root_candidate(e: &Element) -> bool {
    let role = e.attr("role").unwrap_or("");
    let itemprop = e.attr("itemprop").unwrap_or("");
    matches!(e.name.as_str(), "article" | "main")
        || role.eq_ignore_ascii_case("main")
        || role.eq_ignore_ascii_case("article")
        || itemprop.eq_ignore_ascii_case("articlebody")
        || is_article_item(e)
}

/// Whether `e` is marked up as an article in microdata (`itemtype` ending in
/// `/Article`, `/NewsArticle`, `/BlogPosting` …): content systems put it on a
/// plain `<div>` where others write `<article>`.
fn is_article_item(e: &Element) -> bool {
    item_type(e).is_some_and(|t| t.ends_with("Article") || t == "BlogPosting")
}

/// True when `e` holds a reader's comment as schema.org marks one
/// (`itemprop="comment"`, `itemtype=".../Comment"`): forum replies and comment
/// threads whose classes say nothing.
fn is_comment_item(e: &Element, itemprop: &str) -> bool {
    itemprop == "comment" || item_type(e).is_some_and(|t| t == "Comment" || t == "UserComments")
}

/// The schema.org type `e` declares: the last part of its `itemtype`.
fn item_type(e: &Element) -> Option<&str> {
    e.attr("itemtype")
        .and_then(|t| t.trim().trim_end_matches('/').rsplit('/').next())
}

/// The element holding the article, if the page marks one (see the module docs).
fn choose_root(dom: &Dom, ctx: &[Ctx]) -> Option<usize> {
    let usable = |i: usize| ctx.get(i).is_some_and(|c| c.boiler.is_none() && !c.skip);
    let candidate = |i: usize, e: &Element| usable(i) && is_root_candidate(e);
    let mut words = vec![0usize; dom.elements.len()];
    for t in &dom.texts {
        if !t.parent.is_some_and(usable) {
            continue;
        }
        let n = t.value.split_whitespace().count();
        for (i, e) in dom.ancestors(t.parent).take(MAX_DEPTH) {
            if candidate(i, e) {
                words[i] += n;
            }
        }
    }
    let h1 = dom
        .elements
        .iter()
        .enumerate()
        .position(|(i, e)| e.name == "h1" && usable(i));
    let around_h1: Vec<usize> = dom
        .ancestors(h1)
        .filter(|&(i, e)| candidate(i, e))
        .map(|(i, _)| i)
        .collect();
    if let Some(&outermost) = around_h1.last() {
        return around_h1
            .iter()
            .copied()
            .find(|&i| words[i] >= ROOT_MIN_WORDS)
            .or(Some(outermost));
    }
    // Without a headline inside one: the one holding most text, if that is at
    // least half the page's text or ROOT_MIN_WORDS words.
    let total: usize = dom
        .texts
        .iter()
        .filter(|t| t.parent.is_some_and(usable))
        .map(|t| t.value.split_whitespace().count())
        .sum();
    let most = words.iter().copied().max().unwrap_or(0);
    if most == 0 || (most < ROOT_MIN_WORDS && most * 2 < total) {
        return None;
    }
    // The innermost of those holding nearly all of it: the fewest words above 80%.
    let best = (0..words.len())
        .filter(|&i| words[i] * 5 >= most * 4)
        .min_by_key(|&i| words[i])?;
    Some(series_around(dom, &words, best).unwrap_or(best))
}

/// The parent of `best` when it is one of a series of sibling articles none of
/// which holds half their text: the posts of a thread or a live blog are one
/// article told in parts. `words` counts the text of every candidate element.
fn series_around(dom: &Dom, words: &[usize], best: usize) -> Option<usize> {
    let parent = dom.elements.get(best)?.parent?;
    let siblings: Vec<usize> = (0..words.len())
        .filter(|&i| words[i] > 0 && dom.elements[i].parent == Some(parent))
        .collect();
    let total: usize = siblings.iter().map(|&i| words[i]).sum();
    (siblings.len() >= 3 && words[best] * 2 < total).then_some(parent)
}

/// Labels a line's layout cues may change: plain content.
fn cue_target(label: Option<BlockLabel>) -> bool {
    matches!(
        label,
        Some(BlockLabel::Body | BlockLabel::List | BlockLabel::Heading | BlockLabel::Kicker)
    )
}

/// One line: text nodes of one run.
struct Line {
    /// Indices of its text nodes.
    nodes: std::ops::Range<usize>,
    /// Its text, references resolved, white space collapsed.
    text: String,
    words: usize,
    prose: bool,
    /// The nearest block-level element around it.
    block: Option<usize>,
}

/// Whether every text node of `line` stands inside a link.
fn is_link_line(dom: &Dom, line: &Line) -> bool {
    dom.texts[line.nodes.clone()]
        .iter()
        .all(|t| dom.ancestors(t.parent).any(|(_, e)| e.name == "a"))
}

/// Whether `line` is a list item that opens with a link.
fn opens_with_link_item(dom: &Dom, line: &Line) -> bool {
    let Some(item) = line.block.filter(|&b| dom.elements[b].name == "li") else {
        return false;
    };
    dom.ancestors(dom.texts[line.nodes.start].parent)
        .take_while(|&(a, _)| a != item)
        .any(|(_, e)| e.name == "a")
}

fn lines(dom: &Dom) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in 1..=dom.texts.len() {
        if end < dom.texts.len() && dom.texts[end].run == dom.texts[start].run {
            continue;
        }
        let joined: String = dom.texts[start..end]
            .iter()
            .map(|t| t.value.as_str())
            .collect();
        let text = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        let words = text.split_whitespace().count();
        let last = text.trim_end_matches([')', ']']).chars().next_back();
        let sentence_end = matches!(last, Some('.' | '!' | '?' | '…' | '“' | '"' | '«' | '»'));
        let block = dom
            .ancestors(dom.texts[start].parent)
            .find(|(_, e)| !is_inline(&e.name))
            .map(|(i, _)| i);
        out.push(Line {
            nodes: start..end,
            text,
            words,
            prose: (words >= 12 && sentence_end) || words >= 25,
            block,
        });
        start = end;
    }
    out
}

/// Step 5 of the module docs.
fn apply_line_cues(dom: &Dom, cues: &Cues, labels: &mut [Option<BlockLabel>]) {
    let lines = lines(dom);
    let set = |labels: &mut [Option<BlockLabel>], line: &Line, label: BlockLabel| {
        for l in &mut labels[line.nodes.clone()] {
            if cue_target(*l) {
                *l = Some(label);
            }
        }
    };
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        i += 1;
        if !labels[line.nodes.clone()].iter().any(|l| cue_target(*l)) || line.text.is_empty() {
            continue;
        }
        let Some(cue) = cues.cue(&line.text, line.words, line.prose) else {
            continue;
        };
        let label = Cue::label(cue);
        set(labels, line, label);
        match cue {
            Cue::TeaserHeading | Cue::CommentHeading => {
                // The heading's container: the element around its block; for a
                // heading in a table row, the table, whose later rows hold the
                // items (pages laid out with tables).
                let container = line
                    .block
                    .and_then(|b| dom.elements.get(b))
                    .and_then(|b| b.parent)
                    .map(|c| match dom.elements.get(c) {
                        Some(row) if row.name == "tr" => dom
                            .ancestors(Some(c))
                            .find(|(_, a)| a.name == "table")
                            .map_or(c, |(t, _)| t),
                        _ => c,
                    });
                while let Some(next) = lines.get(i) {
                    let inside = container.map_or(true, |c| {
                        dom.ancestors(dom.texts[next.nodes.start].parent)
                            .any(|(a, _)| a == c)
                    });
                    // A listed link with its summary ("<li><a>Headline</a> –
                    // Bürgermeisterin … wirbt für …</li>") is an item however long,
                    // and so is the summary right under a linked headline.
                    let item = opens_with_link_item(dom, next)
                        || lines.get(i - 1).is_some_and(|l| is_link_line(dom, l));
                    if !inside || (next.prose && !item) {
                        break;
                    }
                    set(labels, next, label);
                    // A date under the heading dates a teaser, not the page.
                    for l in &mut labels[next.nodes.clone()] {
                        if *l == Some(BlockLabel::Dateline) {
                            *l = Some(label);
                        }
                    }
                    i += 1;
                }
            }
            Cue::ProfileHeading => {
                // The profile ("Über T-Systems" over a paragraph about the
                // company) runs to the next heading or cued line.
                while let Some(next) = lines.get(i) {
                    let heading = next
                        .block
                        .and_then(|b| dom.elements.get(b))
                        .is_some_and(|e| is_heading(&e.name));
                    if heading || cues.cue(&next.text, next.words, next.prose).is_some() {
                        break;
                    }
                    set(labels, next, label);
                    i += 1;
                }
            }
            Cue::Contact if cues.is_strong_contact(&line.text) => {
                for other in lines.iter().filter(|o| o.block == line.block) {
                    if other.words <= 6 && !other.prose {
                        set(labels, other, BlockLabel::Contact);
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue(class: &str, in_article: bool) -> Option<ClassCue> {
        let e = Element {
            name: "div".into(),
            attrs: vec![("class".into(), class.into())],
            parent: None,
        };
        class_cue(&e, in_article)
    }

    #[test]
    fn class_words() {
        use BlockLabel as L;
        assert_eq!(
            cue("main-nav", false),
            Some(ClassCue::Boiler(L::Navigation))
        );
        assert_eq!(cue("topnav", false), Some(ClassCue::Boiler(L::Navigation)));
        assert_eq!(cue("SiteFooter", false), Some(ClassCue::Boiler(L::Legal)));
        assert_eq!(cue("teaser-list", false), Some(ClassCue::Boiler(L::Teaser)));
        assert_eq!(cue("teaser", true), None, "a lead paragraph");
        assert_eq!(cue("article-header", true), None);
        assert_eq!(cue("ad-slot", false), Some(ClassCue::Boiler(L::Ad)));
        assert_eq!(cue("pm-date", true), Some(ClassCue::Role(L::Dateline)));
        assert_eq!(cue("headline lead", true), None, "no 'ad' inside 'lead'");
        assert_eq!(cue("update", false), None);
    }
}
