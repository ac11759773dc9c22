//! Cue patterns of German news and press-release layout, compiled once.
//!
//! Each pattern describes a kind of page furniture by its form (a postcode line, a
//! phone number, a `(Foto: …)` credit, a share bar) or by the fixed words German
//! portals use for it ("Anzeige", "Weitere Meldungen", "Stichwörter:"). None names a
//! particular portal. The patterns are only asked about one line at a time; which
//! label a line finally gets is decided in the parent module, with its neighbours.

use regex::Regex;

use super::BlockLabel;

/// What one line says about itself, before its neighbours are looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// A bare URL.
    Link,
    /// The article's keyword line.
    Keywords,
    /// "Anzeige", "Werbung", "Jetzt … anmelden".
    Ad,
    /// A widget heading such as "Anbieter zum Thema".
    Widget,
    /// Photo credit or caption.
    Caption,
    /// Author line.
    Byline,
    /// Postcode, phone, e-mail, "Kontakt", "Logo": a contact box.
    Contact,
    /// Legal note, copyright, cookie banner.
    Legal,
    /// Menus, breadcrumbs, share bars, single navigation words; the banner of a
    /// search engine's cached copy ("Dies ist der Cache von Google von …"), whose
    /// date is the copy's, not the page's.
    Navigation,
    /// Heading that opens a list of other articles.
    TeaserHeading,
    /// Heading that opens reader comments.
    CommentHeading,
    /// Heading that opens an imprint or other legal section ("Impressum").
    LegalHeading,
    /// `[date] … mehr...`: a teaser of another article.
    TeaserItem,
    /// "Lesen Sie auch: …", "Veranstaltungstipp: …": a one-line pointer to another
    /// article or event, set between the paragraphs of the article.
    TeaserLine,
    /// Ids, page numbers, council-system header fields.
    Meta,
    /// A document-type label ("Pressemitteilung"), maybe with number or date.
    DocType,
    /// "Über die Firma", "Über uns": a company profile box follows.
    ProfileHeading,
    /// "Der Autor", "Zur Autorin": an author box follows.
    AuthorHeading,
    /// A month or issue line ("Ausgabe Januar 2010").
    Issue,
    /// The member of parliament who asked the question a paper answers
    /// ("Abgeordneter Jan Muster (SPD)", "auf die Kleine Anfrage der Abgeordneten
    /// Muster (CDU)").
    Asker,
}

impl Cue {
    /// The label a line with this cue gets.
    pub(crate) fn label(self) -> BlockLabel {
        match self {
            Cue::Link => BlockLabel::Link,
            Cue::Keywords => BlockLabel::Keywords,
            Cue::Ad | Cue::Widget => BlockLabel::Ad,
            Cue::Caption => BlockLabel::Caption,
            Cue::Byline | Cue::AuthorHeading => BlockLabel::Byline,
            Cue::Contact | Cue::ProfileHeading => BlockLabel::Contact,
            Cue::Legal => BlockLabel::Legal,
            Cue::Navigation => BlockLabel::Navigation,
            Cue::TeaserHeading | Cue::TeaserItem | Cue::TeaserLine => BlockLabel::Teaser,
            Cue::CommentHeading => BlockLabel::Comment,
            Cue::LegalHeading => BlockLabel::Legal,
            Cue::Meta => BlockLabel::Meta,
            Cue::DocType => BlockLabel::Other,
            Cue::Issue => BlockLabel::Dateline,
            Cue::Asker => BlockLabel::Letterhead,
        }
    }
}

/// The compiled cue patterns.
#[derive(Debug, Clone)]
pub(crate) struct Cues {
    url: Pattern,
    keywords: Pattern,
    imprint: Pattern,
    ad: Pattern,
    profile_head: Pattern,
    author_head: Pattern,
    promo: Pattern,
    widget: Pattern,
    caption_start: Pattern,
    caption_end: Pattern,
    byline: Pattern,
    postcode_line: Pattern,
    postcode_any: Pattern,
    street: Pattern,
    phone: Pattern,
    email: Pattern,
    contact_head: Pattern,
    legal_form: Pattern,
    legal_strong: Pattern,
    legal_weak: Words,
    nav_prefix: Pattern,
    teaser_head: Pattern,
    teaser_line: Pattern,
    comment_head: Pattern,
    teaser_item: Pattern,
    date_prefix: Pattern,
    id_line: Pattern,
    /// When an archive or a reader fetched or printed the page ("Abruf:
    /// 04.06.2026 11:52"): a date of the copy, not of the article.
    retrieval: Pattern,
    page_number: Pattern,
    /// A time of day alone ("+++ 16:48 Uhr +++"): the stamp of a ticker entry.
    time_mark: Pattern,
    council: Pattern,
    doc_type: Pattern,
    asker: Pattern,
    any_date: Pattern,
    issue: Pattern,
    issue_number: Pattern,
    legal_head: Pattern,
    section: Pattern,
    toc_entry: Pattern,
    closing: Pattern,
    archive_banner: Pattern,
    /// The article's own date stated with a word that says so ("Artikel vom
    /// 17.03.2022", "veröffentlicht am …").
    article_date: Pattern,
}

/// True when `before`, the text in front of a date, holds nothing but its
/// weekday, punctuation and emphasis ("**Donnerstag, ").
pub(crate) fn at_most_a_weekday(before: &str) -> bool {
    let word = before.trim_matches(|c: char| !c.is_alphanumeric());
    word.is_empty() || WEEKDAYS.contains(&word)
}

/// German weekdays, written out and abbreviated.
const WEEKDAYS: &[&str] = &[
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonnabend",
    "Sonntag",
    "Mo",
    "Di",
    "Mi",
    "Do",
    "Fr",
    "Sa",
    "So",
];

/// Words a menu, share bar or footer line is made of.
const NAV_WORDS: &[&str] = &[
    "abbonement",
    "abmelden",
    "abo",
    "abonnement",
    "abonnieren",
    "aboverwaltung",
    "agb",
    "alle",
    "anmelden",
    "archiv",
    "artikel",
    "barrierefreiheit",
    "cookie-einstellungen",
    "datenschutz",
    "deutsch",
    "digitales",
    "drucken",
    "druckversion",
    "e-mail",
    "e-paper",
    "einstellungen",
    "email",
    "english",
    "epaper",
    "facebook",
    "faq",
    "feed",
    "gebärdensprache",
    "hauptmenü",
    "hilfe",
    "home",
    "impressum",
    "inhalt",
    "instagram",
    "kontakt",
    "kontrast",
    "kopieren",
    "kuendigen",
    "kündigen",
    "leichte",
    "link",
    "linkedin",
    "login",
    "mailen",
    "mastodon",
    "mediadaten",
    "mehr",
    "menu",
    "menü",
    "merken",
    "navigation",
    "newsletter",
    "oben",
    "panorama",
    "pdf",
    "pinterest",
    "politik",
    "regionales",
    "registrieren",
    "rss",
    "schließen",
    "schriftgröße",
    "seitenanfang",
    "sitemap",
    "sprache",
    "startseite",
    "suche",
    "suchen",
    "teilen",
    "telegram",
    "termine",
    "themen",
    "threema",
    "twitter",
    "verwaltung",
    "vorlesen",
    "weiter",
    "whatsapp",
    "wirtschaft",
    "x",
    "xing",
    "youtube",
    "zurück",
    "übersicht",
];

/// A horizontal rule drawn with characters ("=====", "-----", "* * *", or a
/// row of ten dots or more, ". . . . ."): it separates page parts and is never
/// text.
pub(crate) fn is_rule(line: &str) -> bool {
    // Most lines fail on their first character, before any count.
    let drawn = |marks: &str, least: usize| {
        line.chars().all(|c| c.is_whitespace() || marks.contains(c))
            && line.chars().filter(|c| !c.is_whitespace()).count() >= least
    };
    drawn("=-_*~#+·•–—", 3) || drawn(".", 10)
}

/// Characters a byline may have beyond a short line's twelve words ("Von Mara
/// Hohenstein und Till Grünwald · Erstellt: … · Aktualisiert: …").
const LONG_BYLINE: usize = 160;

/// Words that may sit between navigation words ("nach oben", "Link mailen").
const NAV_GLUE: &[&str] = &["&", "und", "nach", "zum", "zur", "zu", "-", "|", "/"];

impl Cues {
    /// Compiles every pattern; the patterns are fixed, so failure is a bug caught
    /// by the tests.
    pub fn new() -> Cues {
        Cues {
            archive_banner: re(
                r"(?i)^(?:dies\s+ist\s+der\s+cache\s+von\s+google|this\s+is\s+google's\s+cache\s+of|vollständige\s+version\s+nur-text-version|tipp:\s+um\s+deinen\s+suchbegriff)",
            ),
            article_date: re(
                r"(?i)\b(?:artikel|beitrag|meldung|bericht)\s+vom\s+\d|\b(?:veröffentlicht|erschienen)\s+(?:am\s+)?\d",
            ),
            section: re(
                r"(?i)^(?:(?:nicht)?amtlicher\s+teil|(?:nicht\s?)?öffentlicher\s+teil|amtliche\s+bekanntmachungen|inhaltsverzeichnis|inhalt)\s*:?$",
            ),
            toc_entry: re(r"(?i)(?:\.\s?){4,}\s*(?:seite|s\.)?\s*\d{1,4}$"),
            closing: re(
                r"^(?:\p{Lu}[\p{L}.()/\- ]{0,40}?,\s*(?:den\s+|im\s+)?(?:\d{1,2}\.\s?\d{1,2}\.\s?(?:19|20)?\d{2}|\d{1,2}\.\s*\p{L}{3,9}\.?\s+(?:19|20)\d{2})\s*)+$",
            ),
            issue: re(
                r"(?i)^(?:ausgabe|heft|stand|nr\.?)?\s*(?:\d{1,2}\s*/\s*)?(?:januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\s+(?:19|20)\d{2}$",
            ),
            issue_number: re(
                r"(?i)\b(?:nr\.|nummer|ausgabe|heft|jahrgang|jg\.)\s*\d{1,4}(?:\s*/\s*\d{2,4})?\b",
            ),
            legal_head: re(
                r"(?i)^(?:impressum|rechtliche\s+hinweise|rechtlicher\s+hinweis|haftungsausschluss|disclaimer)\s*:?$",
            ),
            url: re(r"^<?(?:https?://|www\.)\S+>?$"),
            imprint: re(
                r"(?i)^(?:herausgeber(?:in)?|verantwortlich\s+für\s+den\s+inhalt|v\.\s?i\.\s?s\.\s?d\.\s?p\.?)\s*:",
            ),
            keywords: re(
                r"(?i)^(?:stichw(?:ö|oe)rter|stichworte|schlagw(?:ö|oe)rter|schlagworte|schlüsselwörter|tags|keywords)\s*:",
            ),
            ad: re(
                r"(?i)^\W*(?:anzeige|werbung|advertisement|sponsored|gesponsert|advertorial|promotion)\W*$",
            ),
            profile_head: re(
                r"(?i)^(?:über\s+(?:uns|(?:die|den|das)\s+)?[\p{L}.@-]+(?:\s+[\p{L}.@&-]+){0,3}|unternehmensprofil|firmenprofil|zum\s+unternehmen|das\s+unternehmen)\s*:?$",
            ),
            author_head: re(
                r"(?i)^(?:der\s+autor|die\s+autorin|zum\s+autor|zur\s+autorin|über\s+den\s+autor|über\s+die\s+autorin|autoreninfo|autorenprofil)\s*:?$",
            ),
            promo: re(
                r"(?i)\bjetzt\b.*\b(?:anmelden|testen|informieren|sichern|bestellen|registrieren|herunterladen|downloaden|abonnieren|kaufen|buchen|entdecken)\b",
            ),
            widget: re(
                r"(?i)^(?:anbieter|firmen|unternehmen|produkte|whitepaper|webinare?|veranstaltungen|termine|downloads?)\s+(?:zum|zu\s+diesem)\s+(?:thema|artikel)\W*$",
            ),
            caption_start: re(
                r"(?i)^!\[|^[(\[]?\s*(?:fotos?|bild(?:er)?|bildquelle|bildnachweis|bildrechte|quelle|grafik|abbildung|titelbild|symbolbild|symbolfoto|illustration|fotograf(?:in)?)\s*:",
            ),
            caption_end: re(
                r"(?i)[(\[]\s*(?:fotos?|bild|bildquelle|quelle|grafik)\s*:[^)\]]*[)\]]$|[.!?]\s+(?:fotos?|bild|bildquelle)\s*:\s*[^.!?:]{2,60}$",
            ),
            byline: re(
                r"^\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4},?(?:\s+\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*[·|,–-]\s*Von\s+\p{Lu}|^(?:(?:Redakteur(?:in)?|Autor(?:in)?|Text|Verfasst\s+von|Geschrieben\s+von|Ein\s+Beitrag\s+von)\s*:?\s+\p{Lu}|Von\s+(?:unsere[mr]\s+(?:Redakteur|Korrespondent|Mitarbeiter|Reporter)(?:in)?\s+)?(?:(?:Dr\.|Prof\.)\s+)?\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){1,3}\s*(?:$|[|,;–-]|und\s))",
            ),
            postcode_line: re(r"^(?:D-\s?)?\d{5}\s+\p{Lu}"),
            postcode_any: re(r"\b\d{5}\s+\p{Lu}\p{Ll}"),
            street: re(
                r"(?i)(?:stra(?:ß|ss)e|str\.|weg|platz|allee|gasse|ring|damm|ufer|markt|chaussee)\s+\d{1,4}\s?[a-z]?\b",
            ),
            phone: re(
                r"(?i)(?:\b(?:tel|telefon|fon|fax|telefax|mobil|handy)\b\.?\s*:?\s*[+(]?\d)|\+\d{2}\s?[\d\s()/-]{6,}",
            ),
            email: re(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
            contact_head: re(
                r"(?i)^(?:kontakt|pressekontakt|medienkontakt|ansprechpartner(?::in|in|innen)?|ihr\s+ansprechpartner|rückfragen|pressestelle|kontaktdaten|firmenkontakt|v\.\s?i\.\s?s\.\s?d\.\s?p\.?|logo\b)",
            ),
            legal_form: re(
                r"(?:\bGmbH|\bAG|\bmbH|\bKG|\bSE|\be\.\s?V\.|\bUG|\bGbR|\bAöR|\bLtd\.?|\bInc\.?)(?:\s*&\s*Co\.?\s*KG)?$",
            ),
            legal_strong: re(
                r"(?i)alle\s+rechte\s+vorbehalten|all\s+rights\s+reserved|urheberrechtlich|datenbankwerk|vervielfältigung|nachdruck(?:,|\s+nur|\s+und)|nutzungsbedingungen|haftungsausschluss|datenschutzerklärung|datenschutzhinweis|impressum|belegexemplar|©|\(c\)\s*\d{4}|copyright|cookie-einstellungen|(?:verwendet|verwenden|nutzt|nutzen|setzt|setzen)\s+cookies",
            ),
            legal_weak: Words::new(LEGAL_WORDS),
            nav_prefix: re(
                r"(?i)^(?:artikel\s+teilen|seite\s+teilen|beitrag\s+teilen|teilen\s+(?:auf|per|mit)|diesen\s+artikel|jetzt\s+teilen|share\b|zum\s+inhalt|springe\s+zu|zur\s+navigation|sie\s+sind\s+hier|you\s+are\s+here|qr-code|drucken\b|seite\s+drucken|zurück\s+zu)",
            ),
            teaser_line: re(
                r"(?i)^(?:lesen\s+sie\s+(?:auch|mehr|hier)|auch\s+interessant|siehe\s+auch|mehr\s+zum\s+thema|zum\s+weiterlesen|\p{L}+tipps?(?:\s+der\s+redaktion)?)\s*:\s*\S",
            ),
            teaser_head: re(
                r"(?i)^(?:weitere\s+(?:meldungen|artikel|nachrichten|beiträge|themen|news|pressemitteilungen|mitteilungen|bekanntmachungen|ausschreibungen|veröffentlichungen|stellenanzeigen|informationen\s+zum\s+thema|stellenangebote|jobs)|weiterführende\s+links|weiterlesen\s+(?:im|auf|bei|in)\s+(?:\p{L}+\s+){0,2}\p{L}+\s*:?$|links\s+zum\s+thema|aktuelle\s+(?:meldungen|nachrichten|artikel|beiträge|news)|neueste\s+(?:meldungen|artikel|beiträge|nachrichten)|lesen\s+sie\s+(?:auch|mehr|hier)|das\s+könnte\s+sie\s+(?:auch\s+)?interessieren|(?:auch|ebenfalls)\s+interessant|mehr\s+(?:zum\s+thema|aus|zu|news|nachrichten|artikel)\b|zum\s+thema$|verwandte\s+(?:artikel|themen|meldungen|beiträge|mitteilungen|pressemitteilungen|nachrichten)|ähnliche\s+(?:artikel|meldungen|beiträge|themen)|passend\s+zum\s+thema|empfohlene\s+artikel|empfehlungen|meist\s?gelesen|top-?\s?(?:themen|artikel|meldungen|news)|beliebte\s+artikel|newsticker|alle\s+(?:meldungen|news|artikel)|(?:kurz\s+(?:notiert|gemeldet|berichtet)|in\s+kürze|kurzmeldungen|kurznachrichten|(?:meldungen|nachrichten|news)\s+in\s+kürze)\s*:?$|(?:termine|veranstaltungen|veranstaltungskalender|terminkalender|veranstaltungstipps)(?:\s+und\s+veranstaltungen|\s+im\s+überblick|\s+(?:in|im|aus|für)(?:\s+(?:der|die|den|dem))?\s+\p{L}+(?:-\p{L}+)?)?\s*:?$)",
            ),
            comment_head: re(
                r"(?i)^(?:leserkommentare|kommentare|\d+\s+kommentare?|kommentar\s+schreiben|schreiben\s+sie\s+einen\s+kommentar|diskutieren\s+sie\s+mit|ihre\s+meinung)\b",
            ),
            teaser_item: re(
                r"(?i)(?:\bmehr\s*(?:\.\.\.|…|»|>|›)?|\bweiterlesen\s*(?:\.\.\.|…|»|>|›)?|\bzum\s+artikel\s*(?:»|>|›)?)$",
            ),
            date_prefix: re(r"^\[\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\s*\]"),
            id_line: re(
                r"(?i)^[(\[]?\s*(?:story\s+)?(?:box-|artikel-|meldungs-|beitrags-)?id\s*:?\s*\d{3,}\s*[)\]]?$|^[-–]?\s*(?:drucksache|drs\.|vorlage|aktenzeichen|az\.|geschäftszeichen)\s*(?:nr\.\s*)?:?\s*[\d/.-]*\d\s*[-–]?$",
            ),
            retrieval: re(
                r"(?i)^(?:abruf|abgerufen|zugriff|druckdatum|gedruckt|heruntergeladen)\b[^0-9]{0,20}\d{1,2}\.\s?(?:\d{1,2}\.|\p{L}+\s)\s?\d{2,4}\b",
            ),
            page_number: re(
                r"(?i)^[-–]?\s*(?:seite|page|s\.)?\s*\d{1,4}\s*(?:(?:von|of|/)\s*\d{1,4})?\s*[-–]?$",
            ),
            time_mark: re(r"(?i)^[+*#•·–\-\s]*\d{1,2}[:.]\d{2}(?:\s*uhr)?[+*#•·–\-\s]*$"),
            council: re(
                r"(?i)^(?:betreff|beratungsfolge|vorlage(?:n)?(?:-?nr\.?|nummer)?|drucksache(?:n-?nr\.?)?|federführend(?:es\s+amt|e\s+dienststelle)?|beteiligt(?:e\s+ämter)?|sachbearbeit(?:er|erin|ung)|aktenzeichen|öffentlichkeitsstatus|status|gremium|sitzung(?:stermin)?|beratung|zuständigkeit|datum|verfasser(?:in)?|top|tagesordnungspunkt|anlagen?|az\.?|ds-nr\.?)\s*[:.]|(?i)^(?:vorlage|drucksache|beratungsfolge)\b",
            ),
            doc_type: re(
                r"(?i)^(?:presse(?:mitteilung|information|meldung|erklärung|notiz|info)|medien(?:information|mitteilung)|mitteilung\s+an\s+die\s+presse)\b|^(?:pm|pi|mi)\s+(?:nr\.\s*)?\d{1,4}(?:/\d{2,4})?$|^(?:öffentliche\s+|amtliche\s+)?bekanntmachung(?:en)?\s*:?$|^(?:kleine|große|mündliche)\s+anfrage(?:\s+zur\s+(?:schriftlichen|mündlichen)\s+beantwortung\b.*|\s+und\s+antwort)?$",
            ),
            asker: re(
                r"(?i)^(?:(?:auf\s+die\s+)?(?:kleine|große|mündliche)\s+anfrage\b.*\s)?(?:de[rs]\s+)?abgeordnete[nr]?\s+[^()]+\([^()]+\)$",
            ),
            any_date: re(
                r"\b\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b|\b\d{1,2}\.\s*(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)\p{L}*\.?\s+\d{4}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{2}/\d{2}/(?:19|20)\d{2}\b",
            ),
        }
    }

    /// What `line` (trimmed, non-empty, `words` long, `prose` or not) says about
    /// itself, most specific first.
    pub fn cue(&self, line: &str, words: usize, prose: bool) -> Option<Cue> {
        let chars = line.chars().count();
        if self.url.is_match(line) {
            return Some(Cue::Link);
        }
        if is_rule(line) {
            return Some(Cue::Meta);
        }
        if self.archive_banner.is_match(line) {
            return Some(Cue::Navigation);
        }
        if self.keywords.is_match(line) {
            return Some(Cue::Keywords);
        }
        if self.imprint.is_match(line) {
            return Some(Cue::Contact);
        }
        if chars <= 160
            && (self.id_line.is_match(line)
                || self.retrieval.is_match(line)
                || self.page_number.is_match(line)
                || (line.len() <= 32 && self.time_mark.is_match(line))
                || self.section.is_match(line)
                || self.toc_entry.is_match(line))
        {
            return Some(Cue::Meta);
        }
        if self.date_prefix.is_match(line) && self.teaser_item.is_match(line) {
            return Some(Cue::TeaserItem);
        }
        if chars <= 250 && self.teaser_line.is_match(line) {
            return Some(Cue::TeaserLine);
        }
        if self.legal_score(line) >= 4 {
            return Some(Cue::Legal);
        }
        if words <= 12 && !prose {
            if let Some(cue) = self.short_line_cue(line, chars) {
                return Some(cue);
            }
        }
        // Two authors with the times of writing and updating make a byline
        // longer than a short line.
        if !prose && chars <= LONG_BYLINE && self.byline.is_match(line) {
            return Some(Cue::Byline);
        }
        if !prose && self.is_menu(line) {
            return Some(Cue::Navigation);
        }
        if chars <= 300 && (self.caption_start.is_match(line) || self.caption_end.is_match(line)) {
            return Some(Cue::Caption);
        }
        if !prose && chars <= 200 && self.is_contact(line) {
            return Some(Cue::Contact);
        }
        if !prose && self.council.is_match(line) {
            return Some(Cue::Meta);
        }
        None
    }

    /// Cues only a short line can carry.
    fn short_line_cue(&self, line: &str, chars: usize) -> Option<Cue> {
        if self.ad.is_match(line) || (chars <= 100 && self.promo.is_match(line)) {
            return Some(Cue::Ad);
        }
        if self.widget.is_match(line) {
            return Some(Cue::Widget);
        }
        if self.author_head.is_match(line) {
            return Some(Cue::AuthorHeading);
        }
        if self.profile_head.is_match(line) {
            return Some(Cue::ProfileHeading);
        }
        if self.comment_head.is_match(line) {
            return Some(Cue::CommentHeading);
        }
        if self.teaser_head.is_match(line) && !has_text_after_colon(line) {
            return Some(Cue::TeaserHeading);
        }
        if chars <= 120 && self.byline.is_match(line) {
            return Some(Cue::Byline);
        }
        if self.issue.is_match(line)
            || (self.issue_number.is_match(line) && self.has_date(line) && !line.ends_with('.'))
        {
            return Some(Cue::Issue);
        }
        if self.legal_head.is_match(line) {
            return Some(Cue::LegalHeading);
        }
        // "Medieninformation 71/2026 · 20.04.2026 · Staatskanzlei" joins its
        // fields like a menu, but heads the page.
        if self.doc_type.is_match(line) || is_letter_spaced(line) {
            return Some(Cue::DocType);
        }
        if self.asker.is_match(line) {
            return Some(Cue::Asker);
        }
        if self.nav_prefix.is_match(line) || self.is_menu(line) || only_nav_words(line) {
            return Some(Cue::Navigation);
        }
        if self.contact_head.is_match(line) {
            return Some(Cue::Contact);
        }
        None
    }

    /// A menu or breadcrumb line ([`is_menu`]), unless it dates the article:
    /// "Region · Mosbach · Artikel vom 17.03.2022" is a kicker set like a
    /// breadcrumb.
    fn is_menu(&self, line: &str) -> bool {
        is_menu(line) && !self.article_date.is_match(line)
    }

    /// Points for legal wording: 4 for a phrase only legal notes use, 1 for each
    /// distinct word legal notes often use (an article about data protection says
    /// "Datenschutz" often, but rarely also "Haftung", "Urheber" and "Genehmigung").
    pub fn legal_score(&self, line: &str) -> usize {
        if line.len() < 12 {
            return 0;
        }
        let strong = if self.legal_strong.is_match(line) {
            4
        } else {
            0
        };
        strong + self.legal_weak.count_distinct(line, 4)
    }

    /// A line of an address or contact box: postcode line, postcode with a street,
    /// link or company, phone, e-mail.
    pub fn is_contact(&self, line: &str) -> bool {
        let postcode_alone = self.postcode_line.is_match(line)
            && line.chars().count() <= 60
            && !line
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with("Euro") || w.starts_with("EUR"));
        postcode_alone
            || (self.postcode_any.is_match(line)
                && (self.street.is_match(line)
                    || line.contains("http")
                    || line.contains("www.")
                    || self.legal_form.is_match(line)))
            || self.phone.is_match(line)
            || (line.chars().count() <= 120 && self.email.is_match(line))
    }

    /// A contact line strong enough to pull short neighbours into its box.
    pub fn is_strong_contact(&self, line: &str) -> bool {
        self.is_contact(line) || self.contact_head.is_match(line)
    }

    /// Holds a postcode, phone number or e-mail address.
    pub fn is_address(&self, line: &str) -> bool {
        self.postcode_any.is_match(line)
            || self.postcode_line.is_match(line)
            || self.phone.is_match(line)
            || self.email.is_match(line)
    }

    /// A line naming a company: it ends with a legal form.
    pub fn has_legal_form(&self, line: &str) -> bool {
        self.legal_form.is_match(line)
    }

    /// A `[date]` teaser prefix.
    pub fn has_date_prefix(&self, line: &str) -> bool {
        self.date_prefix.is_match(line)
    }

    /// Holds a date with a day.
    pub fn has_date(&self, line: &str) -> bool {
        self.any_date.is_match(line)
    }

    /// Opens with a date with a day, maybe after its weekday and emphasis
    /// ("**Donnerstag, 19. März 2026** · zusammengestellt von …").
    pub fn opens_with_date(&self, line: &str) -> bool {
        self.any_date
            .find(line)
            .is_some_and(|m| at_most_a_weekday(&line[..m.start()]))
    }

    /// A page number ("Seite 2 von 4").
    pub fn is_page_number(&self, line: &str) -> bool {
        self.page_number.is_match(line)
    }

    /// A table-of-contents entry: dot leaders and a page number.
    pub fn is_toc_entry(&self, line: &str) -> bool {
        self.toc_entry.is_match(line)
    }

    /// The place and date of signing that close a notice or letter ("Arnstadt,
    /// 11.03.2019"), maybe two side by side; nothing else on the line.
    pub fn is_closing(&self, line: &str) -> bool {
        line.chars().count() <= 120 && self.closing.is_match(line)
    }
}

/// A compiled pattern. The patterns are constants, so compiling cannot fail on any
/// input; should an edit break one, it matches nothing instead of panicking, and
/// `every_pattern_compiles` fails.
#[derive(Debug, Clone)]
pub(crate) struct Pattern(Option<Regex>);

impl Pattern {
    fn is_match(&self, text: &str) -> bool {
        self.0.as_ref().is_some_and(|r| r.is_match(text))
    }

    fn find<'t>(&self, text: &'t str) -> Option<regex::Match<'t>> {
        self.0.as_ref()?.find(text)
    }
}

fn re(pattern: &str) -> Pattern {
    Pattern(crate::pattern::compile(pattern).ok())
}

/// Words legal notes use often; a line with several different ones reads as one.
/// "rechte" and "cookie" count only as whole words (plural "cookies" included).
const LEGAL_WORDS: &[&str] = &[
    "urheber",
    "haftung",
    "haftet",
    "datenschutz",
    "genehmigung",
    "verantwortlich",
    "herausgeber",
    "gewähr",
    "rechte",
    "einverstanden",
    "weiterverwendung",
    "speicherung",
    "cookie",
    "zustimmung",
];

/// A set of word stems found in one pass, case-insensitively for ASCII letters;
/// cheaper than an alternation of the same words, which the regex engine cannot
/// run as a DFA on non-ASCII text.
#[derive(Debug, Clone)]
pub(crate) struct Words {
    automaton: Option<aho_corasick::AhoCorasick>,
}

impl Words {
    fn new(words: &[&str]) -> Words {
        let automaton = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(words)
            .ok();
        Words { automaton }
    }

    /// Distinct words found, up to `max`. "rechte" and "cookie" must end their
    /// word (a plural `s` allowed for "cookie").
    fn count_distinct(&self, text: &str, max: usize) -> usize {
        let Some(ac) = &self.automaton else { return 0 };
        let mut seen: Vec<usize> = Vec::new();
        for m in ac.find_iter(text) {
            let id = m.pattern().as_usize();
            let rest = &text[m.end()..];
            let whole_word = match LEGAL_WORDS.get(id) {
                Some(&"rechte") => !rest.starts_with(char::is_alphanumeric),
                Some(&"cookie") => !rest
                    .trim_start_matches(['s', 'S'])
                    .starts_with(char::is_alphanumeric),
                _ => true,
            };
            if whole_word && !seen.contains(&id) {
                seen.push(id);
                if seen.len() == max {
                    break;
                }
            }
        }
        seen.len()
    }
}

/// "A n t w o r t", "B e s c h l u s s": a word set in spaced letters, the way
/// printed papers name their type above the real heading.
fn is_letter_spaced(line: &str) -> bool {
    let letters: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    letters.len() >= 4
        && letters
            .iter()
            .all(|w| w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
}

/// A row of a Markdown or text table ("| Baubeginn | Juni 2025 |", "|---|---|"):
/// its bars separate cells, not menu items.
pub(crate) fn is_table_row(line: &str) -> bool {
    line.len() > 2 && line.starts_with('|') && line.ends_with('|')
}

/// "Lesen Sie auch: Kreis plant …" is a one-line teaser, not a section heading.
fn has_text_after_colon(line: &str) -> bool {
    line.split_once(':')
        .is_some_and(|(_, rest)| rest.split_whitespace().count() >= 2)
}

/// A menu or breadcrumb: two or more separators between short items, or three or
/// more items set apart by runs of spaces.
fn is_menu(line: &str) -> bool {
    if is_table_row(line) {
        return false;
    }
    let body = line.trim_start_matches(['•', '·', '-', '*', ' ']);
    let seps = body
        .chars()
        .filter(|c| matches!(c, '|' | '>' | '»' | '›' | '·' | '•'))
        .count();
    let words = body.split_whitespace().count();
    if seps >= 2 && words <= 4 * (seps + 1) {
        return true;
    }
    // A breadcrumb: one arrow between items of a few words ("Startseite > Region").
    if body.contains(['>', '»', '›'])
        && body
            .split(['>', '»', '›'])
            .all(|c| (1..=3).contains(&c.split_whitespace().count()))
    {
        return true;
    }
    // A path of sections set apart by a spaced slash ("Region / Kreis Plön"):
    // names only, as a headline of a few words would hold a verb or article. A
    // kicker of places ends in a colon ("Rhein-Sieg-Kreis / Bonn:").
    if body.contains(" / ")
        && !body.ends_with(':')
        && body.split(" / ").all(|c| {
            (1..=3).contains(&c.split_whitespace().count())
                && c.split_whitespace()
                    .all(|w| w.starts_with(|ch: char| ch.is_uppercase() || ch.is_ascii_digit()))
        })
    {
        return true;
    }
    let Some(items) = spaced_cells(body) else {
        return false;
    };
    // A row of a table set with spaces ("Sontra   43   13,4 %   71.200 €") has
    // figures in its cells; menu items are words.
    items.len() >= 3
        && !items.iter().any(|s| is_figure(s))
        && items
            .iter()
            .all(|s| s.split_whitespace().count() <= 3 && !s.ends_with('.'))
}

/// A cell holding a figure: "43", "13,4 %", "71.200 €", "186,4".
fn is_figure(cell: &str) -> bool {
    cell.starts_with(|c: char| c.is_ascii_digit())
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || " .,%€-–".contains(c))
}

/// A row of a table set with spaces: two or more cells apart by runs of spaces
/// or tabs, one of them a figure ("Lizenzen Fachverfahren     72,3     73,0").
pub(crate) fn is_spaced_table_row(line: &str) -> bool {
    spaced_cells(line).is_some_and(|cells| cells.len() >= 2 && cells.iter().any(|c| is_figure(c)))
}

/// The items of a line set apart by two or more spaces or a tab, or `None` for
/// the common line of prose with single spaces, which has no items to split.
fn spaced_cells(line: &str) -> Option<Vec<&str>> {
    if !(line.contains("  ") || line.contains('\t')) {
        return None;
    }
    Some(
        line.split("  ")
            .flat_map(|s| s.split('\t'))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect(),
    )
}

/// Every word is a navigation word ("Suchen...", "Abonnement kündigen").
fn only_nav_words(line: &str) -> bool {
    let mut any = false;
    for word in line.split_whitespace() {
        let w = word
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '&' && c != '|')
            .to_lowercase();
        if w.is_empty() || NAV_GLUE.contains(&w.as_str()) {
            continue;
        }
        if !NAV_WORDS.contains(&w.as_str()) {
            return false;
        }
        any = true;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        let c = Cues::new();
        let dbg = format!("{c:?}");
        assert!(
            !dbg.contains("Pattern(None)"),
            "a cue pattern does not compile"
        );
        assert!(c.url.is_match("https://www.kreis-lippe.de/"));
        assert!(c
            .imprint
            .is_match("Herausgeber: Landkreis Musterland, Der Landrat"));
        assert!(c.postcode_line.is_match("32756 Detmold"));
        assert!(c.phone.is_match("Telefon: 05231 62-0"));
        assert!(c.council.is_match("Beratungsfolge:"));
        assert!(c.byline.is_match("Von Erika Beispiel | 04.06.2020"));
        assert!(c
            .byline
            .is_match("04.06.2020, 07:30 Uhr · Von Erika Beispiel"));
        assert!(c.teaser_head.is_match("Das könnte Sie auch interessieren"));
        assert!(c.teaser_head.is_match("Weiterlesen im Blog:"));
        assert!(!c
            .teaser_head
            .is_match("Weiterlesen im Blog lohnt sich immer"));
        assert!(c
            .teaser_head
            .is_match("Weitere Bekanntmachungen aus der Region"));
        assert!(c
            .teaser_line
            .is_match("Lesetipp: Wie Jena sein Rechenzentrum erneuert"));
        assert!(!c.teaser_line.is_match("Tipp: Anträge gehen auch online."));
        assert!(is_letter_spaced("B e s c h l u s s"));
        assert!(!is_menu("| Baubeginn | Juni 2025 |"));
        assert!(is_menu("Home | Lokales | Sport | Kontakt"));
        assert!(!is_letter_spaced("A und B"));
        assert!(c.legal_strong.is_match("Alle Rechte vorbehalten."));
        assert!(c.any_date.is_match("am 3. Mai 2019"));
        assert!(c.any_date.is_match("Veröffentlichungsdatum: 27/08/2025"));
        assert!(c
            .caption_end
            .is_match("Der Landrat im Gespräch (Foto: Kreis Lippe)"));
        assert!(c
            .caption_end
            .is_match("Nach der Unterschrift im Rathaus. Foto: Stadt Lahr"));
        assert!(c.id_line.is_match("(ID:12345678)"));
        assert!(c.id_line.is_match("– Drucksache 7/2231 –"));
        assert!(c.id_line.is_match("Vorlage Nr. 2024/117"));
        assert!(c.legal_form.is_match("Muster Data GmbH"));
        assert!(c.section.is_match("Nichtamtlicher Teil"));
        assert!(!c.section.is_match("Amtlicher Teil der Sitzung vom Montag"));
        assert!(c
            .toc_entry
            .is_match("3. Satzung über Gebühren ........ Seite 12"));
        assert!(!c.toc_entry.is_match("Die Stadt zahlt 12 Euro."));
        assert!(c.is_closing("Neustadt an der Aisch, 04.05.2021"));
        assert!(c.is_closing("Altdorf, den 3. Mai 2021        Neudorf, 03.05.2021"));
        assert!(!c.is_closing("Altdorf, 3. Mai 2021. Die Gemeinde hat beschlossen."));
        assert!(!c.is_closing("am 04.05.2021"));
        assert!(c
            .teaser_item
            .is_match("Der Kreis führt ein neues Verfahren ein. mehr..."));
    }

    #[test]
    fn menus_and_nav_words() {
        assert!(is_menu("Startseite > Region > Detmold"));
        assert!(is_menu("Startseite » Presse"));
        assert!(is_menu("Impressum | Datenschutz | AGB"));
        assert!(is_menu("Drucken    PDF    Weiterempfehlen"));
        assert!(!is_menu("Stadt Bonn | Kreis kooperiert"));
        assert!(is_menu("Region / Kreis Rendsburg-Eckernförde"));
        assert!(!is_menu("Main-Kinzig-Kreis / Hanau:"));
        assert!(!is_menu("Bonn / Kreis kooperiert"));
        assert!(!is_menu("Ein- und Ausgaben / Haushalt"));
        assert!(only_nav_words("Suchen..."));
        assert!(only_nav_words("Nach oben"));
        assert!(!only_nav_words("Neue Wege in der Verwaltung"));
    }
}
