//! One document through every stage, to one record.

use crate::boilerplate::{attach_quote_attributions, Block, BlockLabel, BoilerplateClassifier};
use crate::calendar::CalendarDate;
use crate::classify::CooperationClassifier;
use crate::decode::decode;
use crate::digest::DigestFocus;
use crate::entities;
use crate::extract::amount::AmountFinder;
use crate::extract::date::DateFinder;
use crate::extract::known_officials::KnownOfficials;
use crate::extract::official::{party_in_brackets, OfficialFinder};
use crate::extract::organisation::OrganisationFinder;
use crate::extract::published::{closes_dateline, find_published};
use crate::extract::table_amount::TableAmountFinder;
use crate::extract::title::find_title;
use crate::gazetteer::forms::FormKind;
use crate::gazetteer::matcher::{is_emphasis, Matcher};
use crate::gazetteer::resolve::resolve;
use crate::gazetteer::Gazetteer;
use crate::html::{analyse, looks_like_html, title_block_text};
use crate::normalize::{is_quoted_printable, quoted_printable_decoded, NormalizedText};
use crate::record::{AmountFact, Attribution, DateFact, Entity, EntityKind, Official, Record};
use crate::repair::{columns, mojibake, pages, rtf, Repaired};
use crate::segment::sentences;
use crate::source::Document;
use crate::span::{Quote, Span};

/// Builds a [`Pipeline`].
#[derive(Debug, Default)]
pub struct PipelineBuilder {
    gazetteer: Option<Gazetteer>,
}

impl PipelineBuilder {
    /// A builder with the bundled gazetteers.
    pub fn new() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Uses `gazetteer` instead of the bundled one.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> PipelineBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Compiles every pattern and automaton. Start-up is serial time that every run
    /// pays before its first document, so the stages that read the gazetteer and
    /// those that do not are built on two threads.
    pub fn build(self) -> Result<Pipeline, crate::Error> {
        let given = self.gazetteer;
        let (lists, fixed) = rayon::join(
            || -> Result<_, crate::Error> {
                let gazetteer = match given {
                    Some(g) => g,
                    None => Gazetteer::bundled()?,
                };
                let matcher = Matcher::new(gazetteer.entries())?;
                let officials = OfficialFinder::new(gazetteer.roles())?;
                let known = KnownOfficials::new(gazetteer.officials())?;
                Ok((gazetteer, matcher, officials, known))
            },
            || -> Result<_, crate::Error> {
                let cooperation =
                    CooperationClassifier::new().map_err(|e| crate::Error::Pattern {
                        stage: "classify",
                        reason: e.to_string(),
                    })?;
                Ok((
                    BoilerplateClassifier::new(),
                    cooperation,
                    DateFinder::new(),
                    AmountFinder::new(),
                    TableAmountFinder::new(),
                    DigestFocus::new(),
                ))
            },
        );
        let (gazetteer, matcher, officials, known) = lists?;
        let (layout, cooperation, dates, amounts, table_amounts, digest) = fixed?;
        Ok(Pipeline {
            matcher,
            officials,
            known,
            organisations: OrganisationFinder::new(),
            gazetteer,
            layout,
            dates,
            amounts,
            table_amounts,
            digest,
            cooperation,
        })
    }
}

/// Everything needed to turn a document into a record; built once, shared by all
/// workers (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Pipeline {
    gazetteer: Gazetteer,
    matcher: Matcher,
    officials: OfficialFinder,
    known: KnownOfficials,
    organisations: OrganisationFinder,
    layout: BoilerplateClassifier,
    dates: DateFinder,
    amounts: AmountFinder,
    table_amounts: TableAmountFinder,
    digest: DigestFocus,
    cooperation: CooperationClassifier,
}

impl Pipeline {
    /// The record of one document. Never fails: trouble becomes `error`.
    pub fn process(&self, doc: &Document) -> Record {
        let bytes = match &doc.content {
            Ok(b) => b,
            Err(e) => return Record::failed(doc.source.clone(), e.clone()),
        };
        match decode(bytes) {
            Ok(decoded) => {
                let mut record = self.extract_repaired(doc.source.clone(), &decoded.text);
                record.encoding = Some(decoded.encoding.name().to_owned());
                record
            }
            Err(e) => Record::failed(doc.source.clone(), e.to_string()),
        }
    }

    /// The record of a decoded text, read through the repairs its form needs
    /// (see [`crate::repair`]); every quote counts in `text`.
    pub fn extract_repaired(&self, source: String, text: &str) -> Record {
        // Each repair reads the text the one before it gave; the last two only
        // plain text (a page's markup has no page breaks or columns of its own).
        let stages: [(Repair, bool); 4] = [
            (rtf::read, false),
            (mojibake::read, false),
            (pages::read, true),
            (columns::read, true),
        ];
        let markup = looks_like_html(text);
        let mut repairs: Vec<Repaired> = Vec::new();
        for (read, plain_only) in stages {
            if plain_only && markup {
                continue;
            }
            let current = repairs.last().map_or(text, |r| r.text.as_str());
            if let Some(repaired) = read(current) {
                repairs.push(repaired);
            }
        }
        let read_text = repairs.last().map_or(text, |r| r.text.as_str());
        let mut record = self.extract(source, read_text);
        for (i, repaired) in repairs.iter().enumerate().rev() {
            let below = i
                .checked_sub(1)
                .map_or(text, |before| repairs[before].text.as_str());
            record.move_back(below, repaired);
        }
        if !repairs.is_empty() {
            let what: Vec<&str> = repairs.iter().map(|r| r.what.as_str()).collect();
            record.repair = Some(what.join("; "));
        }
        record
    }

    /// The record of an already decoded text, read as it stands.
    pub fn extract(&self, source: String, text: &str) -> Record {
        let entries = self.gazetteer.entries();
        let markup = looks_like_html(text);
        let cue_weight = |item: &str| {
            self.cooperation
                .cue_count(NormalizedText::new(item).as_str())
        };
        let focus = |blocks| self.digest.focus(text, blocks, cue_weight);
        let (mut blocks, title, published, view) = if markup {
            let page = analyse(text, &cue_weight);
            let blocks = focus(page.blocks.clone());
            // A digest's kept item has its own headline, not the page's.
            let focused = blocks
                .iter()
                .zip(&page.blocks)
                .any(|(a, b)| a.label != b.label);
            let mut title = focused
                .then(|| title_block_text(text, &blocks))
                .flatten()
                .or(page.title);
            let view = if page.json_text {
                NormalizedText::new_json(text)
            } else if is_quoted_printable(text) {
                // A page saved as MHTML: read as the browser showed it.
                title = title.map(|t| quoted_printable_decoded(&t));
                NormalizedText::new_quoted_printable_markup(text)
            } else {
                NormalizedText::new_markup(text)
            };
            (blocks, title, page.published, view)
        } else {
            let blocks = focus(self.layout.classify(text));
            let published = find_published(text, &blocks);
            let mut title = find_title(text, &blocks);
            let view = if is_quoted_printable(text) {
                // The headline reads as the mail's reader sees it, not as sent.
                title = title.map(|t| quoted_printable_decoded(&t));
                NormalizedText::new_quoted_printable(text)
            } else {
                NormalizedText::new(text)
            };
            (blocks, title, published, view)
        };
        attach_quote_attributions(text, &mut blocks);
        let paragraphs = joined_paragraphs(text, &blocks, markup);
        let content: Vec<Span> = paragraphs
            .iter()
            .filter(|b| b.label.is_content())
            .map(|b| b.span)
            .collect();
        let in_content = |span: Span| content.iter().any(|c| c.contains(span));

        let hits: Vec<_> = self
            .matcher
            .find_in(text, &view, &content)
            .into_iter()
            .filter(|h| in_content(h.span))
            .collect();
        let mut places = resolve(&hits, entries);
        let sentence_spans = content_sentences(text, &paragraphs);
        // Signature rows (names over roles) stand in lines the layout may not
        // count as running text, but never in boxes of other content.
        let signature_lines: Vec<Span> = if markup {
            Vec::new()
        } else {
            blocks
                .iter()
                .filter(|b| {
                    !matches!(
                        b.label,
                        BlockLabel::Teaser
                            | BlockLabel::Ad
                            | BlockLabel::Navigation
                            | BlockLabel::Legal
                            | BlockLabel::Contact
                            | BlockLabel::Caption
                            | BlockLabel::Comment
                            | BlockLabel::Link
                            | BlockLabel::Byline
                    )
                })
                .map(|b| b.span)
                .collect()
        };
        let mut officials = self.officials.find_with_signatures(
            text,
            &view,
            &sentence_spans,
            &signature_lines,
            &places,
            entries,
        );
        let mut body_names: Vec<String> = places
            .iter()
            .filter(|p| p.form != FormKind::Adjective)
            .map(|p| entries[p.entry].name.clone())
            .collect();
        body_names.sort();
        body_names.dedup();
        self.known.apply(
            text,
            &view,
            &sentence_spans,
            published,
            &body_names,
            &mut officials,
        );
        // A known official found only by a surname that is a place the text names
        // ("Hamburg") is the place, not the person.
        officials.retain(|o| {
            o.role_source == Some(Attribution::Text)
                || !o
                    .mentions
                    .iter()
                    .all(|m| places.iter().any(|p| p.span == m.span()))
        });
        // A surname or first name that is also a place name ("Britz", "Hagen")
        // names the person, also where the full name stands again outside the
        // sentences the officials were found in (a quote's attribution line).
        places.retain(|p| {
            !officials.iter().any(|o| {
                o.mentions.iter().any(|m| m.span().overlaps(p.span))
                    || text
                        .get(p.span.start..)
                        .is_some_and(|rest| o.name.contains(' ') && rest.starts_with(&o.name))
            })
        });
        places.retain(|p| p.form != FormKind::Adjective);
        // A name with a party in brackets ("der Abgeordneten Ebersbach (CDU)") is a
        // member's surname, not the town.
        places.retain(|p| !text.get(p.span.end..).is_some_and(party_in_brackets));
        let organisations: Vec<_> = content
            .iter()
            .flat_map(|&region| self.organisations.find(text, region))
            .collect();
        // "Bezirksamt Harburg" is the office of a district of Hamburg or Berlin,
        // which no municipality list holds; a bare "Harburg" beside it is that
        // district, not the town of the same name in Bavaria.
        let city_districts: Vec<&str> = organisations
            .iter()
            .filter_map(|o| o.name.strip_prefix("Bezirksamt "))
            .collect();
        places.retain(|p| {
            !p.span
                .slice(text)
                .is_some_and(|written| city_districts.contains(&written))
        });
        let doc = entities::collect(text, &places, entries, &organisations);
        let kinds: Vec<_> = doc.entities.iter().map(|e| e.kind).collect();
        // A kicker or dateline says where the news is from, not who acts; so
        // does a place opening the first paragraph as its dateline.
        let mut placing: Vec<Span> = paragraphs
            .iter()
            .filter(|b| matches!(b.label, BlockLabel::Kicker | BlockLabel::Dateline))
            .map(|b| b.span)
            .collect();
        placing.extend(inline_dateline(text, &paragraphs, &doc.mentions));
        placing.extend(headline_kicker(text, &paragraphs, &doc.mentions));
        let acting_mentions: Vec<(Span, usize)> = doc
            .mentions
            .iter()
            .filter(|(span, _)| !placing.iter().any(|p| p.contains(*span)))
            .copied()
            .collect();
        let headings: Vec<Span> = paragraphs
            .iter()
            .filter(|b| matches!(b.label, BlockLabel::Heading | BlockLabel::Title))
            .map(|b| b.span)
            .collect();
        let mut decision =
            self.cooperation
                .decide(&view, &sentence_spans, &headings, &acting_mentions, &kinds);
        let lands: Vec<&str> = decision
            .parties
            .iter()
            .map(|&p| &doc.entities[p])
            .filter(|e| e.kind == EntityKind::State)
            .map(|e| e.name.as_str())
            .collect();
        decision
            .parties
            .retain(|&p| !stands_for_its_land(&doc.entities[p], &lands));
        let districts: Vec<&str> = decision
            .parties
            .iter()
            .map(|&p| &doc.entities[p])
            .filter(|e| e.kind == EntityKind::District)
            .filter_map(|e| district_base_name(&e.name))
            .collect();
        decision
            .parties
            .retain(|&p| !stands_for_its_district(text, &doc.entities[p], &districts));

        let mut dates: Vec<DateFact> = Vec::new();
        for block in paragraphs.iter().filter(|b| b.label.bears_own_dates()) {
            for date in self.dates.find(text, block.span, published) {
                // A date the page repeats (dateline and closing line) is one date.
                if !dates.iter().any(|d| d.value == date.value) {
                    dates.push(date);
                }
            }
        }
        if let Some(day) = published {
            let value = day.to_string();
            if !dates.iter().any(|d| d.value == value) {
                if let Some(shown) = self.shown_date(text, &paragraphs, day) {
                    dates.insert(0, shown);
                }
            }
        }
        let mut amounts: Vec<_> = content
            .iter()
            .flat_map(|&span| self.amounts.find(text, span))
            .collect();
        let tabled = self.table_amounts.find(text, &content, &amounts);
        if !tabled.is_empty() {
            amounts.extend(tabled);
            amounts.sort_by_key(|a| a.quote.start);
        }
        keep_first_naming(&mut amounts);
        let mut officials = sorted_officials(officials);
        crate::extract::affiliation::complete_orgs(
            &mut officials,
            &doc.entities,
            &decision.parties,
            &sentence_spans,
        );
        Record {
            source,
            title,
            published: published.map(|d| d.to_string()),
            cooperation: decision.cooperation,
            kind: decision.kind,
            parties: decision
                .parties
                .iter()
                .map(|&e| doc.entities[e].name.clone())
                .collect(),
            entities: doc.entities,
            officials,
            dates,
            amounts,
            evidence: decision
                .evidence
                .iter()
                .filter_map(|&s| Quote::new(text, s))
                .collect(),
            encoding: None,
            repair: None,
            error: None,
        }
    }

    /// The page's own date `day` where the page shows it: in the lines above its
    /// first paragraph or in a dateline or byline, which the layout may count as
    /// furniture ("22.01.2026 – 10:14" above an HTML article). A machine stamp
    /// ("2025-04-01T16:45:00" in a feed) is metadata, not text.
    fn shown_date(&self, text: &str, paragraphs: &[Block], day: CalendarDate) -> Option<DateFact> {
        let value = day.to_string();
        let first_body = paragraphs
            .iter()
            .position(|b| b.label == BlockLabel::Body)
            .unwrap_or(paragraphs.len());
        paragraphs
            .iter()
            .enumerate()
            .filter(|&(i, b)| {
                i < first_body || matches!(b.label, BlockLabel::Dateline | BlockLabel::Byline)
            })
            .flat_map(|(_, b)| self.dates.find(text, b.span, Some(day)))
            .find(|d| {
                let after = text.as_bytes().get(d.quote.end..).unwrap_or_default();
                let stamp =
                    after.first() == Some(&b'T') && after.get(1).is_some_and(u8::is_ascii_digit);
                d.value == value && !stamp
            })
    }
}

/// A repair of [`crate::repair`]: the text as meant, if the form needs one.
type Repair = fn(&str) -> Option<Repaired>;

/// Keeps each sum once, quoted where the page first names it: "3,45 Millionen
/// Euro" in the lead and "die 3,45 Mio. Euro" further down are one amount.
fn keep_first_naming(amounts: &mut Vec<AmountFact>) {
    let mut named: Vec<(f64, String)> = Vec::new();
    amounts.retain(|a| {
        let again = named
            .iter()
            .any(|(value, currency)| *value == a.value && *currency == a.currency);
        if !again {
            named.push((a.value, a.currency.clone()));
        }
        !again
    });
}

/// The capitals of the territorial Länder (the city-states are one entity).
const CAPITALS: &[(&str, &str)] = &[
    ("Baden-Württemberg", "Stuttgart"),
    ("Bayern", "München"),
    ("Brandenburg", "Potsdam"),
    ("Hessen", "Wiesbaden"),
    ("Mecklenburg-Vorpommern", "Schwerin"),
    ("Niedersachsen", "Hannover"),
    ("Nordrhein-Westfalen", "Düsseldorf"),
    ("Rheinland-Pfalz", "Mainz"),
    ("Saarland", "Saarbrücken"),
    ("Sachsen", "Dresden"),
    ("Sachsen-Anhalt", "Magdeburg"),
    ("Schleswig-Holstein", "Kiel"),
    ("Thüringen", "Erfurt"),
];

/// True when `party` is the capital of one of the `lands` among the parties, in a
/// cooperation of two Länder or more: "Schwerin und Potsdam sichern ihre
/// Rechenzentren ab" names the governments, not the cities.
fn stands_for_its_land(party: &Entity, lands: &[&str]) -> bool {
    lands.len() >= 2
        && party.kind == EntityKind::Municipality
        && CAPITALS
            .iter()
            .any(|(land, city)| *city == party.name && lands.contains(land))
}

/// The name a district shares with its seat: "Greiz" of "Landkreis Greiz".
fn district_base_name(name: &str) -> Option<&str> {
    name.strip_prefix("Landkreis ")
        .or_else(|| name.strip_prefix("Kreis "))
}

/// Words before or after a town's name that make the town itself the actor
/// ("Stadt Greiz", "Bürgermeister von Greiz", "Greiz' Stadtrat").
const TOWN_WORDS: &[&str] = &[
    "Stadt",
    "Gemeinde",
    "Kreisstadt",
    "Hansestadt",
    "Bürgermeister",
    "Bürgermeisterin",
    "Oberbürgermeister",
    "Oberbürgermeisterin",
    "Stadtrat",
    "Stadtverwaltung",
    "Gemeinderat",
    "Rathaus",
];

/// True when `party` is a town whose district of the same name is among the
/// parties (`districts`, by their shared names) and the page never names the town
/// as a body of its own: "Gera und Greiz bauen ein Rechenzentrum" over "die
/// Stadt Gera und der Landkreis Greiz" shortens the district, and "im Landratsamt
/// in Greiz" names its seat.
fn stands_for_its_district(text: &str, party: &Entity, districts: &[&str]) -> bool {
    if party.kind != EntityKind::Municipality || !districts.contains(&party.name.as_str()) {
        return false;
    }
    let named_as_town = party.mentions.iter().any(|m| {
        let before = text.get(..m.start).unwrap_or("");
        let after = text.get(m.end..).unwrap_or("");
        let word_before = before
            .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let preposition_before = before
            .trim_end()
            .strip_suffix(" von")
            .map(|rest| rest.rsplit(char::is_whitespace).next().unwrap_or(""));
        let word_after = after
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        m.text.split_whitespace().count() > 1
            || TOWN_WORDS.contains(&word_before)
            || preposition_before.is_some_and(|w| TOWN_WORDS.contains(&w))
            || TOWN_WORDS.contains(&word_after)
    });
    !named_as_town
}

/// The mention that opens one of the article's first body paragraphs as its
/// dateline ("Cochem. Der Landkreis …"), if one does; emphasis or a tag before it
/// is no word. A standfirst set as body text may stand above the paragraph the
/// dateline opens, and a stray word set as body ("DAK+", a logo's text) is no
/// paragraph.
fn inline_dateline(text: &str, paragraphs: &[Block], mentions: &[(Span, usize)]) -> Option<Span> {
    paragraphs
        .iter()
        .filter(|b| {
            b.label == BlockLabel::Body
                && b.span
                    .slice(text)
                    .is_some_and(|t| t.split_whitespace().count() >= DATELINE_PARAGRAPH_WORDS)
        })
        .take(DATELINE_PARAGRAPHS)
        .find_map(|paragraph| {
            let span = paragraph.span;
            let (mention, _) = mentions.iter().find(|(m, _)| span.contains(*m))?;
            let before = text.get(span.start..mention.start)?;
            // Places a slash joins share the dateline ("Kreis Recklinghausen/Kamp-Lintfort.").
            let mut dateline = *mention;
            while let Some((next, _)) = mentions.iter().find(|(m, _)| {
                m.start > dateline.end
                    && span.contains(*m)
                    && text
                        .get(dateline.end..m.start)
                        .is_some_and(|gap| gap.trim() == "/")
            }) {
                dateline = dateline.cover(*next);
            }
            let rest = text.get(dateline.end..span.end)?;
            (only_inline_markup(before.trim_matches(is_emphasis)) && closes_dateline(rest))
                .then_some(dateline)
        })
}

/// The fewest words of a paragraph an inline dateline may open.
const DATELINE_PARAGRAPH_WORDS: usize = 5;

/// How many of the first body paragraphs may open with the dateline.
const DATELINE_PARAGRAPHS: usize = 2;

/// The mention that opens the headline as its kicker, set apart by a colon
/// ("Schwerin: Kommunale IT-Dienstleister fusionieren"), like a kicker line of
/// its own.
fn headline_kicker(text: &str, paragraphs: &[Block], mentions: &[(Span, usize)]) -> Option<Span> {
    let title = paragraphs
        .iter()
        .find(|b| b.label == BlockLabel::Title)?
        .span;
    let (mention, _) = mentions.iter().find(|(m, _)| title.contains(*m))?;
    let before = text.get(title.start..mention.start)?;
    let rest = text.get(mention.end..title.end)?;
    (only_inline_markup(before.trim_matches(is_emphasis)) && rest.starts_with(": "))
        .then_some(*mention)
}

/// Blocks with consecutive lines of running text (body or list) joined into one
/// where only a single line break separates them (hard-wrapped text such as PDF
/// extracts splits names, words and sentences across lines) or, on an HTML page,
/// only inline markup ("Bürgermeister <b>Max Muster</b>"); on a text page, a
/// headline joined with the subtitle lines it runs on into.
fn joined_paragraphs(text: &str, blocks: &[Block], markup: bool) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut headline_end = None;
    for (i, block) in blocks.iter().enumerate() {
        // A headline wrapped over lines is one block, so that a name split over
        // its lines ("dem Landkreis" over "Harz und …") is found.
        if headline_end.is_some_and(|end| i <= end) {
            if let Some(title) = out.last_mut() {
                title.span = title.span.cover(block.span);
            }
            continue;
        }
        if block.label == BlockLabel::Title && !markup {
            headline_end = Some(crate::extract::title::headline_end(text, blocks, i));
        }
        if let Some(last) = out.last_mut() {
            let gap = &text[last.span.end..block.span.start];
            let running = matches!(block.label, BlockLabel::Body | BlockLabel::List);
            let joins = if markup {
                only_inline_markup(gap)
            } else {
                gap.trim().is_empty() && line_breaks(gap) == 1
            };
            // A list item goes on in the indented lines below it ("1. Die Stadt
            // tritt dem IT-Verbund Schleswig-Hol-" over "   stein bei").
            let indented_continuation = last.label == BlockLabel::List
                && block.label == BlockLabel::Body
                && gap
                    .rsplit('\n')
                    .next()
                    .is_some_and(|indent| !indent.is_empty());
            if running && (last.label == block.label || indented_continuation) && joins {
                last.span = last.span.cover(block.span);
                continue;
            }
        }
        out.push(*block);
    }
    out
}

fn line_breaks(gap: &str) -> usize {
    gap.matches('\n').count() + gap.matches('\r').count() - gap.matches("\r\n").count()
}

/// Tags that style text within a line; any other tag ends a paragraph.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "cite", "em", "i", "mark", "q", "small", "span", "strong", "sub", "sup",
    "time", "u",
];

/// True when `gap` holds nothing but white space and inline tags, written as
/// markup or, in a feed's escaped HTML, as `&lt;strong&gt;`.
fn only_inline_markup(gap: &str) -> bool {
    let mut rest = gap.trim_start();
    while !rest.is_empty() {
        let (tag, close) = if let Some(tag) = rest.strip_prefix('<') {
            (tag, ">")
        } else if let Some(tag) = rest.strip_prefix("&lt;") {
            (tag, "&gt;")
        } else {
            return false;
        };
        let Some(end) = tag.find(close) else {
            return false;
        };
        // A JSON string escapes the slash of an end tag (`<\/strong>`).
        let name: String = tag[..end]
            .trim_start_matches(['\\', '/'])
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if !INLINE_TAGS.contains(&name.as_str()) {
            return false;
        }
        rest = tag[end + close.len()..].trim_start();
    }
    true
}

/// Sentences of the content blocks; kicker and headline read as one sentence, as
/// the kicker often names who the headline is about.
fn content_sentences(text: &str, blocks: &[Block]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut headline: Option<Span> = None;
    for block in blocks.iter().filter(|b| b.label.is_content()) {
        match block.label {
            BlockLabel::Kicker | BlockLabel::Title => {
                headline = Some(headline.map_or(block.span, |h| h.cover(block.span)));
            }
            _ => {
                out.extend(headline.take());
                out.extend(sentences(text, block.span));
            }
        }
    }
    out.extend(headline);
    out.sort();
    out
}

/// Officials in order of their first mention.
fn sorted_officials(mut officials: Vec<Official>) -> Vec<Official> {
    officials.sort_by_key(|o| o.mentions.first().map(|m| m.start));
    officials
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    /// The record of `text` by the bundled pipeline, built once for all tests.
    static PIPELINE: std::sync::LazyLock<Pipeline> =
        std::sync::LazyLock::new(|| PipelineBuilder::new().build().unwrap());

    fn extract(text: &str) -> Record {
        PIPELINE.extract("t".into(), text)
    }

    /// A press release about two towns, written as meant.
    const TWO_TOWNS: &str = "Gütersloh und Rheda-Wiedenbrück teilen sich ein Rechenzentrum\n\n\
        Gütersloh, 4. März 2025 – Die Stadt Gütersloh und die Stadt Rheda-Wiedenbrück \
        betreiben künftig gemeinsam ein Rechenzentrum. Bürgermeisterin Jördis Köhler \
        nannte Kosten von 250.000 Euro.\n";

    /// Checks that the record of the garbled `bytes` finds what the text as meant
    /// holds, quoting the garbled text as `decode` gives it.
    fn assert_read_as_meant(bytes: Vec<u8>) {
        let decoded = decode(&bytes).unwrap().text;
        let record = PIPELINE.process(&Document::new("t".into(), bytes));
        assert_eq!(
            record.title.as_deref(),
            Some("Gütersloh und Rheda-Wiedenbrück teilen sich ein Rechenzentrum")
        );
        assert_eq!(record.published.as_deref(), Some("2025-03-04"));
        assert!(record.repair.is_some());
        let names: Vec<&str> = record.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Rheda-Wiedenbrück"), "{names:?}");
        assert!(record.cooperation);
        let mayor = &record.officials[0];
        assert_eq!(mayor.name, "Jördis Köhler");
        assert_eq!(mayor.mentions[0].text, "JÃ¶rdis KÃ¶hler");
        assert_eq!(record.amounts[0].value, 250_000.0);
        for quote in record.quotes() {
            assert_eq!(&decoded[quote.start..quote.end], quote.text);
        }
    }

    #[test]
    fn a_printed_page_in_two_columns_is_read_column_by_column() {
        let page = "\
12                      Lokales                          Dienstag, 14. Oktober 2025
_____________________________________________________________________________________

              Ein Rechenzentrum für zwei Kreise
     Der Landkreis Leer und der Landkreis Wittmund legen ihre Server zusammen

Leer. Der Landkreis Leer und der Land-          ihrer Verwaltung. Landrätin Dorothea
kreis Wittmund betreiben ihre Server            Feldkamp aus Wittmund sprach von
künftig in einem gemeinsamen Rechen-            einem guten Tag für die Region. Die
zentrum. Das haben beide Kreistage am           Kosten von 2,4 Mio. Euro teilen sich
Montag beschlossen. Landrat Malte               die Kreise nach ihrer Einwohnerzahl.
Brüning aus Leer unterschrieb den               Der Betrieb soll im Frühjahr
Vertrag im Kreishaus und nannte den             beginnen, der alte Serverraum in
Schritt einen Gewinn an Sicherheit für          Wittmund dient dann als Reserve.
die Bürgerinnen und Bürger und an
Zuverlässigkeit bei der Arbeit
";
        let record = PIPELINE.process(&Document::new("t".into(), page.as_bytes().to_vec()));
        assert_eq!(
            record.title.as_deref(),
            Some("Ein Rechenzentrum für zwei Kreise")
        );
        assert_eq!(record.published.as_deref(), Some("2025-10-14"));
        // Both names are broken over two lines of their column.
        let officials: Vec<(&str, Option<&str>)> = record
            .officials
            .iter()
            .map(|o| (o.name.as_str(), o.role.as_deref()))
            .collect();
        assert!(
            officials.contains(&("Malte Brüning", Some("Landrat"))),
            "{officials:?}"
        );
        assert!(
            officials.contains(&("Dorothea Feldkamp", Some("Landrätin"))),
            "{officials:?}"
        );
        assert_eq!(record.amounts[0].value, 2_400_000.0);
        assert!(record.parties.contains(&"Landkreis Wittmund".to_owned()));
        for quote in record.quotes() {
            assert_eq!(&page[quote.start..quote.end], quote.text);
        }
    }

    #[test]
    fn the_page_date_shown_above_the_article_is_one_of_its_dates() {
        let page = r#"<html><head><meta property="article:published_time" content="2025-06-03T09:30:00+02:00"></head><body>
<div class="story-top"><a href="/firma/1">Kommunale Dienste GmbH</a><p class="story-date">03.06.2025 – 09:30</p></div>
<article><h1>Jena und Gera teilen sich ein Rechenzentrum</h1>
<p>Die Städte Jena und Gera betreiben ihre Server ab dem 1. Januar 2026 in einem gemeinsamen Rechenzentrum, teilten beide Verwaltungen mit.</p></article>
</body></html>"#;
        let record = extract(page);
        assert_eq!(record.published.as_deref(), Some("2025-06-03"));
        let dates: Vec<(&str, &str)> = record
            .dates
            .iter()
            .map(|d| (d.value.as_str(), d.quote.text.as_str()))
            .collect();
        assert_eq!(
            dates,
            [
                ("2025-06-03", "03.06.2025"),
                ("2026-01-01", "1. Januar 2026")
            ]
        );
    }

    #[test]
    fn a_name_split_at_a_pdf_page_break_is_found_whole() {
        let page = "Landkreis Birkenfelde\nPressestelle\n\nKreis und Rheinau teilen sich ein Rechenzentrum\n\nDer Landkreis Leer und die Stadt Emden betreiben ihre Server künftig gemeinsam, sagte\nBürgermeisterin Anna Lenz-\n\nLandkreis Birkenfelde · Am Markt 1\nSeite 1 von 2\n\u{c}Landkreis Birkenfelde\nPressestelle\n\nHorn am Montag. Der Vertrag gilt ab Mai.\n\nLandkreis Birkenfelde · Am Markt 1\nSeite 2 von 2\n";
        let record = PIPELINE.process(&Document::new("t".into(), page.as_bytes().to_vec()));
        let mayor = record
            .officials
            .iter()
            .find(|o| o.name == "Anna Lenz-Horn")
            .expect("the name is joined over the page break");
        assert_eq!(mayor.role.as_deref(), Some("Bürgermeisterin"));
        for quote in record.quotes() {
            assert_eq!(&page[quote.start..quote.end], quote.text);
        }
    }

    #[test]
    fn a_sum_named_twice_is_one_amount_quoted_where_first_named() {
        let record = extract("Jena und Gera teilen sich ein Rechenzentrum\n\nDie Städte Jena und Gera bauen für 3,45 Millionen Euro ein Rechenzentrum. Das Land gibt 500.000 Euro dazu. Von den 3,45 Mio. Euro trägt Jena die Hälfte.\n");
        let amounts: Vec<(f64, &str)> = record
            .amounts
            .iter()
            .map(|a| (a.value, a.quote.text.as_str()))
            .collect();
        assert_eq!(
            amounts,
            [
                (3_450_000.0, "3,45 Millionen Euro"),
                (500_000.0, "500.000 Euro")
            ]
        );
    }

    #[test]
    fn double_encoded_utf8_is_read_as_meant_and_quoted_as_decoded() {
        let (garbled, _, _) = encoding_rs::WINDOWS_1252.decode(TWO_TOWNS.as_bytes());
        assert_read_as_meant(garbled.into_owned().into_bytes());
    }

    #[test]
    fn utf8_with_one_stray_latin1_byte_is_read_as_meant() {
        // The stray byte makes the file Windows-1252, so its UTF-8 umlauts decode
        // as pairs of characters.
        let mut bytes = TWO_TOWNS.as_bytes().to_vec();
        bytes.extend_from_slice(b"Gr\xfc\xdfe\n");
        assert_read_as_meant(bytes);
    }

    #[test]
    fn a_list_item_wrapped_over_indented_lines_names_its_provider_whole() {
        let text = "Beschluss\n\n1. Die Stadt Husum tritt dem IT-Verbund Schleswig-Hol-\n   stein bei und zahlt dafür eine Umlage.\n2. Die Verwaltung wird beauftragt,\nden Vertrag zu zeichnen.\n";
        let record = extract(text);
        let itvsh = record
            .entities
            .iter()
            .find(|e| e.name == "IT-Verbund Schleswig-Holstein")
            .expect("the provider is found across the line break");
        assert_eq!(
            itvsh.mentions[0].text,
            "IT-Verbund Schleswig-Hol-\n   stein"
        );
        // No entity is cut at the line end.
        assert!(record.entities.iter().all(|e| !e.name.ends_with("-Hol")));
    }

    #[test]
    fn a_json_article_is_read_through_its_escapes_and_quoted_as_written() {
        let text = r#"{"id":9,"date":"2024-03-05T10:00:00","title":{"rendered":"M\u00fcnster und Greven teilen ein Rechenzentrum"},"content":{"rendered":"<p>Die Stadt M\u00fcnster und die Stadt Greven betreiben ab Juni ein gemeinsames Rechenzentrum. Die Kosten von 1,2 Millionen Euro teilen sich <strong>beide St\u00e4dte<\/strong> je zur H\u00e4lfte.<\/p>"}}"#;
        let record = extract(text);
        assert_eq!(
            record.title.as_deref(),
            Some("Münster und Greven teilen ein Rechenzentrum")
        );
        assert_eq!(record.published.as_deref(), Some("2024-03-05"));
        let muenster = record
            .entities
            .iter()
            .find(|e| e.name == "Münster")
            .expect("Münster is found through its escape");
        for m in &muenster.mentions {
            assert_eq!(&text[m.start..m.end], m.text);
        }
        assert!(muenster
            .mentions
            .iter()
            .any(|m| m.text.contains(r"M\u00fcnster")));
        assert!(
            record.parties.contains(&"Greven".to_owned()),
            "{:?}",
            record.parties
        );
        assert_eq!(record.amounts.len(), 1);
    }

    #[test]
    fn an_escaped_dateline_in_a_feed_places_the_news_and_is_no_party() {
        let text = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Ticker</title><entry><title>Kreis Steinfurt wird Mitträger der citeq</title><published>2025-05-06T08:00:00Z</published><content type=\"html\">&lt;p&gt;&lt;strong&gt;Greven.&lt;/strong&gt; Der Kreis Steinfurt wird Mitträger der citeq. Das hat der Kreistag am Montag beschlossen.&lt;/p&gt;</content></entry></feed>";
        let record = extract(text);
        assert_eq!(
            record.kind,
            Some(crate::record::CooperationKind::Membership)
        );
        assert!(
            !record.parties.contains(&"Greven".to_owned()),
            "{:?}",
            record.parties
        );
        assert!(record.parties.contains(&"Kreis Steinfurt".to_owned()));
    }

    #[test]
    fn a_decomposed_page_gives_composed_names_that_quote_its_own_bytes() {
        let text = "Gu\u{308}tersloh und Rheda-Wiedenbru\u{308}ck teilen sich ein Rechenzentrum\n\n\
            Die Stadt Gu\u{308}tersloh und die Stadt Rheda-Wiedenbru\u{308}ck arbeiten künftig beim Betrieb \
            ihrer Server zusammen. Bu\u{308}rgermeisterin Jo\u{308}rdis Ko\u{308}hler unterschrieb am 3. Ma\u{308}rz 2025.\n";
        let record = extract(text);
        assert_eq!(
            record.title.as_deref(),
            Some("Gütersloh und Rheda-Wiedenbrück teilen sich ein Rechenzentrum")
        );
        let names: Vec<&str> = record.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Gütersloh"), "{names:?}");
        assert!(names.contains(&"Rheda-Wiedenbrück"), "{names:?}");
        let official = record.officials.first().expect("the mayor is found");
        assert_eq!(official.name, "Jördis Köhler");
        for m in record.entities.iter().flat_map(|e| &e.mentions) {
            assert_eq!(&text[m.start..m.end], m.text);
        }
        assert_eq!(official.mentions[0].text, "Jo\u{308}rdis Ko\u{308}hler");
        let dates: Vec<&str> = record.dates.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(dates, ["2025-03-03"]);
    }

    #[test]
    fn a_headline_calling_a_plan_off_speaks_for_the_article() {
        let text = "Aus für gemeinsame Leitstelle von Lingen und Meppen\n\n\
            Die Stadt Lingen und die Stadt Meppen hatten 2023 vereinbart, ihre Server gemeinsam zu betreiben. \
            Nun hat der Rat in Meppen anders entschieden. Lingen modernisiert seinen Serverraum allein.\n";
        let record = extract(text);
        assert!(!record.cooperation);
        assert!(record.parties.is_empty(), "{:?}", record.parties);
        // The same article under a plain headline reports the agreement.
        let text = text.replace("Aus für gemeinsame Leitstelle", "Gemeinsame Leitstelle");
        assert!(extract(&text).cooperation);
    }

    #[test]
    fn a_quoted_printable_mail_reads_its_headline_and_roles_decoded() {
        let text = "From: Stadt Lingen <presse@lingen.example>\nSubject: Gemeinsame IT\n\
            MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n\
            Content-Transfer-Encoding: quoted-printable\n\n\
            Lingen und Meppen teilen sich die Server-R=C3=A4ume\n\n\
            Die Stadt Lingen und die Stadt Meppen arbeiten ab Juli beim Betrieb ihrer =\n\
            Server zusammen. \"Das spart Geld\", sagte B=C3=BCrgermeisterin Mia Albers.\n";
        let record = extract(text);
        assert_eq!(
            record.title.as_deref(),
            Some("Lingen und Meppen teilen sich die Server-Räume")
        );
        let official = record.officials.first().expect("the mayor is found");
        assert_eq!(official.name, "Mia Albers");
        assert_eq!(official.role.as_deref(), Some("Bürgermeisterin"));
        let m = &official.mentions[0];
        assert_eq!(&text[m.start..m.end], m.text);
        assert!(record.cooperation);
    }

    #[test]
    fn a_page_saved_as_mhtml_reads_decoded() {
        let text = "From: <Saved by Blink>\nSubject: Gemeinsame IT\nMIME-Version: 1.0\n\
            Content-Type: multipart/related; boundary=\"--b--\"\n\n----b--\n\
            Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n\
            <html><head><title>Lingen und Meppen teilen sich die Server-R=C3=A4ume</title>=\n\
            </head><body><article><h1>Lingen und Meppen teilen sich die Server-R=C3=A4ume</h1>\n\
            <p>Die Stadt Lingen und die Stadt Meppen betreiben ihre Server k=C3=BCnftig =\n\
            gemeinsam. &quot;Das spart Geld&quot;, sagte B=C3=BCrgermeisterin Mia Albers.</p>\n\
            </article></body></html>\n----b----\n";
        let record = extract(text);
        assert_eq!(
            record.title.as_deref(),
            Some("Lingen und Meppen teilen sich die Server-Räume")
        );
        let official = record.officials.first().expect("the mayor is found");
        assert_eq!(official.role.as_deref(), Some("Bürgermeisterin"));
        let m = &official.mentions[0];
        assert_eq!(&text[m.start..m.end], m.text);
        assert!(record.cooperation);
    }

    #[test]
    fn the_sender_in_a_mail_signature_is_no_official() {
        let text = "From: Stadt Lingen <presse@lingen.example>\nSubject: Gemeinsame IT\n\n\
            Lingen und Meppen teilen sich die IT\n\n\
            Die Stadt Lingen und die Stadt Meppen arbeiten ab Juli beim Betrieb ihrer Server zusammen.\n\
            Das haben beide Räte beschlossen.\n\n--\nMia Albers\nPressesprecherin\nStadt Lingen\n";
        let record = extract(text);
        assert!(record.cooperation);
        assert!(record.officials.is_empty(), "{:?}", record.officials);
    }

    #[test]
    fn a_feed_item_about_a_cooperation_is_the_article_whatever_its_place() {
        let text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Rathaus aktuell</title>\
            <item><title>Freibad öffnet am Samstag</title><pubDate>Fri, 06 Jun 2025 08:00:00 +0200</pubDate>\
            <description>Das Freibad in Bünde öffnet. Die Stadt zahlt 80.000 Euro für neue Duschen.</description></item>\
            <item><title>Herford und Bünde teilen sich ein Rechenzentrum</title><pubDate>Thu, 05 Jun 2025 10:00:00 +0200</pubDate>\
            <description>&lt;p&gt;Die Stadt Herford und die Stadt Bünde arbeiten künftig beim Betrieb ihrer Server zusammen. \
            Beide Städte schließen dazu eine öffentlich-rechtliche Vereinbarung.&lt;/p&gt;</description></item>\
            </channel></rss>";
        let record = extract(text);
        assert_eq!(
            record.title.as_deref(),
            Some("Herford und Bünde teilen sich ein Rechenzentrum")
        );
        assert_eq!(record.published.as_deref(), Some("2025-06-05"));
        assert!(record.cooperation);
        assert!(record.amounts.is_empty(), "{:?}", record.amounts);
        // A feed whose items report no cooperation keeps its first item.
        let text = text
            .replace("teilen sich ein Rechenzentrum", "feiern ein Fest")
            .replace(
                "arbeiten künftig beim Betrieb ihrer Server zusammen",
                "pflanzen Bäume",
            )
            .replace(
                "schließen dazu eine öffentlich-rechtliche Vereinbarung",
                "laden ein",
            );
        assert_eq!(
            extract(&text).title.as_deref(),
            Some("Freibad öffnet am Samstag")
        );
        // Nor does a later item that only examines one.
        let examined = text
            .replace("feiern ein Fest", "prüfen ein gemeinsames Rechenzentrum")
            .replace("pflanzen Bäume", "lassen eine Studie erstellen");
        assert_eq!(
            extract(&examined).title.as_deref(),
            Some("Freibad öffnet am Samstag")
        );
    }

    #[test]
    fn a_json_list_of_posts_is_read_like_a_feed() {
        let text = r#"{"name": "Stadt Bünde", "messages": [
 {"id": 1, "type": "service", "text": ""},
 {"id": 2, "date": "2025-06-06T08:00:00", "text": ["Das Freibad öffnet am Samstag. Die Stadt zahlt 80.000 Euro für neue Duschen."]},
 {"id": 3, "date": "2025-06-05T10:00:00", "text": [
  {"type": "bold", "text": "Herford und Bünde teilen sich ein Rechenzentrum"},
  "\n\nDie Stadt Herford und die Stadt Bünde arbeiten k\u00fcnftig beim Betrieb ihrer Server zusammen. Das sagte B\u00fcrgermeisterin ",
  {"type": "bold", "text": "Jana Oberkamp"},
  " am Donnerstag."]}
]}"#;
        let record = extract(text);
        assert_eq!(
            record.title.as_deref(),
            Some("Herford und Bünde teilen sich ein Rechenzentrum")
        );
        assert_eq!(record.published.as_deref(), Some("2025-06-05"));
        assert_eq!(record.parties, ["Herford", "Bünde"]);
        assert!(record.amounts.is_empty(), "{:?}", record.amounts);
        let mention = &record.entities[0].mentions[0];
        assert_eq!(&text[mention.start..mention.end], "Herford");
    }

    #[test]
    fn a_district_handing_its_desks_to_a_firm_is_a_party_below_a_subtitle_ending_in_a_venue() {
        let text = "Service-Desk der Kreisverwaltung geht an Bechtle\n            Fachverfahren bleiben im Kreishaus\n\n            Der Kreis Nordfriesland überträgt die Betreuung seiner Arbeitsplätze einem externen Dienstleister.             Den Zuschlag hat die Bechtle AG erhalten.\n";
        let record = extract(text);
        assert!(record.cooperation);
        assert_eq!(record.parties, ["Kreis Nordfriesland", "Bechtle AG"]);
    }

    #[test]
    fn a_ticker_time_mark_is_no_headline_and_a_headline_kicker_no_party() {
        let text = "Dienstag, 7. Mai 2024\n\n+++ 09:12 Uhr +++\n\nGreven: Kreis Steinfurt und citeq arbeiten zusammen\n\nDer Kreis Steinfurt und die citeq arbeiten ab Juli beim Betrieb der Fachverfahren zusammen. Das hat der Kreistag am Montag beschlossen.\n";
        let record = extract(text);
        assert_eq!(
            record.title.as_deref(),
            Some("Greven: Kreis Steinfurt und citeq arbeiten zusammen")
        );
        assert!(
            !record.parties.contains(&"Greven".to_owned()),
            "{:?}",
            record.parties
        );
        assert!(record.parties.contains(&"Kreis Steinfurt".to_owned()));
    }

    #[test]
    fn the_district_office_stands_for_the_district_that_outsources() {
        let text = "Neuer Betreiber für die Kreis-IT\n\nAb Mai betreut ein Systemhaus die Server des Landratsamts Freising. Den Zuschlag erhielt nach einer Ausschreibung die Bechtle AG.\n\nDer Landkreis Freising spart so jährlich 90.000 Euro. Die Server bleiben in Freising, sagte der Kämmerer. Auch die Stadt Freising prüft einen Wechsel.\n";
        let record = extract(text);
        let district = record
            .entities
            .iter()
            .find(|e| e.name == "Landkreis Freising")
            .expect("the district");
        assert!(district
            .mentions
            .iter()
            .any(|m| m.text == "Landratsamts Freising"));
        assert_eq!(record.parties, ["Bechtle AG", "Landkreis Freising"]);
    }

    #[test]
    fn a_first_name_that_is_a_town_names_the_person_in_an_attribution_line() {
        let text = "Kreis und Stadt teilen sich die Server\n\nDer Landkreis Oder-Spree und die Stadt Beeskow betreiben ab Mai ein gemeinsames Rechenzentrum. Das unterzeichnete Landrat Hagen Lindow am Montag.\n\n„Allein hätten wir das nicht geschafft.“\n\nHagen Lindow, Landrat\n";
        let record = extract(text);
        assert!(
            record.officials.iter().any(|o| o.name == "Hagen Lindow"),
            "{:?}",
            record.officials
        );
        assert!(
            record.entities.iter().all(|e| e.name != "Hagen"),
            "the town Hagen is not named: {:?}",
            record.entities
        );
    }

    #[test]
    fn a_surname_with_a_party_in_brackets_is_no_town() {
        let text = "Fragen zum Rechenzentrum\n\nDer Abgeordnete Waltershausen (SPD) will wissen, warum Erfurt und Gotha ihr Rechenzentrum gemeinsam betreiben.\n";
        let record = extract(text);
        let names: Vec<&str> = record.entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Erfurt", "Gotha"]);
        assert_eq!(record.parties, ["Erfurt", "Gotha"]);
    }

    #[test]
    fn an_amt_and_a_verbandsgemeinde_are_places_apart_from_their_seats() {
        let text = "Ämter teilen sich den Service-Desk\n\nDas Amt Crivitz und die Verbandsgemeinde Adenau betreiben künftig einen gemeinsamen Service-Desk. Er sitzt im Rathaus der Stadt Crivitz.\n";
        let record = extract(text);
        let ids: Vec<(&str, Option<&str>)> = record
            .entities
            .iter()
            .map(|e| (e.name.as_str(), e.id.as_deref()))
            .collect();
        assert_eq!(
            ids,
            [
                ("Amt Crivitz", Some("ars:130765668")),
                ("Verbandsgemeinde Adenau", Some("ars:071315001")),
                ("Crivitz", Some("ags:13076025")),
            ]
        );
        assert_eq!(record.parties, ["Amt Crivitz", "Verbandsgemeinde Adenau"]);
        // The plural opening a list names the first Amt, not its seat.
        let text = "Service-Desk\n\nDie Ämter Crivitz und Sternberger Seenlandschaft teilen sich einen Service-Desk.\n";
        let record = extract(text);
        assert_eq!(record.entities[0].id.as_deref(), Some("ars:130765668"));
    }

    #[test]
    fn a_bare_name_beside_a_city_district_office_is_that_district() {
        let text = "Neue Sporthalle für Harburg\n\nDas Bezirksamt Harburg lässt bis 2028 eine Sporthalle bauen. In Harburg fehlen seit Jahren Hallenzeiten.\n";
        let names: Vec<String> = extract(text).entities.into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Bezirksamt Harburg"]);
    }

    #[test]
    fn capitals_standing_for_their_laender_are_no_parties() {
        let text = "Kiel und Hannover teilen sich ein Ausweichrechenzentrum\n\nSchleswig-Holstein und Niedersachsen haben eine Verwaltungsvereinbarung über ein gemeinsames Ausweichrechenzentrum unterzeichnet.\n";
        let record = extract(text);
        assert_eq!(record.parties, ["Schleswig-Holstein", "Niedersachsen"]);
        // Two towns that are no capitals of the Länder named stay parties.
        let text = "Kiel und Lübeck teilen sich ein Rechenzentrum\n\nDie Städte Kiel und Lübeck haben eine Vereinbarung über ein gemeinsames Rechenzentrum unterzeichnet.\n";
        let record = extract(text);
        assert_eq!(record.parties, ["Kiel", "Lübeck"]);
    }

    #[test]
    fn a_town_shortening_its_district_of_the_same_name_is_no_party() {
        let text = "Gotha und Eisenach teilen sich ein Rechenzentrum\n\nDie Stadt Eisenach und der Landkreis Gotha betreiben ihre Server ab 2028 gemeinsam. Der Kreistag in Gotha hat der Vereinbarung am Montag zugestimmt.\n";
        assert_eq!(extract(text).parties, ["Eisenach", "Landkreis Gotha"]);
        // Named as a town of its own, the seat is a partner beside its district.
        let text = "Gotha und Eisenach teilen sich ein Rechenzentrum\n\nDie Stadt Gotha, die Stadt Eisenach und der Landkreis Gotha betreiben ihre Server ab 2028 gemeinsam.\n";
        assert_eq!(
            extract(text).parties,
            ["Gotha", "Eisenach", "Landkreis Gotha"]
        );
    }

    #[test]
    fn a_place_opening_the_first_paragraph_as_its_dateline_is_no_party() {
        for opening in ["Cochem.", "<b>Cochem.</b>", "**Cochem.**", "Cochem (wb) –"] {
            let text = format!("Kreis vergibt seine IT\n\n{opening} Der Landkreis Cochem-Zell lässt seine Informationstechnik künftig von der Bechtle AG betreiben. Der Kreistag stimmte dem Vertrag zu.\n");
            let record = extract(&text);
            assert_eq!(
                record.parties,
                ["Landkreis Cochem-Zell", "Bechtle AG"],
                "{opening}"
            );
        }
        // A town that opens the paragraph as the subject of its sentence acts.
        let text = "Gemeinsame IT\n\nCochem und Zell betreiben ihre Server künftig gemeinsam.\n";
        let record = extract(text);
        assert_eq!(record.parties, ["Cochem", "Zell (Mosel)"]);
        // A standfirst set as body text may stand above the paragraph the
        // dateline opens.
        let html = "<html><body><h1>Kreis vergibt seine IT</h1>\
            <p>Der Kreistag stimmt einem Vertrag über fünf Jahre zu.</p>\
            <p><strong>Cochem.</strong> Der Landkreis Cochem-Zell lässt seine Informationstechnik künftig von der Bechtle AG betreiben.</p>\
            </body></html>";
        assert_eq!(
            extract(html).parties,
            ["Landkreis Cochem-Zell", "Bechtle AG"]
        );
        // Places a slash joins share the dateline.
        let html = "<html><body><h1>Kreis vergibt seine IT</h1>\
            <p><b>Cochem/Mayen.</b> Der Landkreis Cochem-Zell lässt seine Informationstechnik künftig von der Bechtle AG betreiben.</p>\
            </body></html>";
        assert_eq!(
            extract(html).parties,
            ["Landkreis Cochem-Zell", "Bechtle AG"]
        );
    }

    #[test]
    fn a_shared_acronym_means_the_provider_the_text_names_in_full() {
        let record = extract("Datenzentrale geht im Rechenzentrum Niederrhein auf\n\nDie Gemeinsame kommunale Datenzentrale Recklinghausen soll 2029 im Kommunalen Rechenzentrum Niederrhein aufgehen. Die GKD hat 260 Beschäftigte.\n");
        let gkd = record
            .entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.text == "GKD"))
            .expect("the acronym is named");
        assert_eq!(gkd.name, "GKD Recklinghausen");
    }

    #[test]
    fn a_news_blog_page_is_about_its_cooperation_entry() {
        let entry = |time: &str, head: &str, body: &str| {
            format!("<div class=\"entry\"><time>{time}</time><h2>{head}</h2><p>{body}</p></div>\n")
        };
        let text = [
            "<!DOCTYPE html><html><head><title>Newsblog Region: Alle Meldungen vom Montag</title></head><body>\n<h1>Newsblog Region: Alle Meldungen vom Montag</h1>\n".to_owned(),
            entry("20:10 Uhr", "Feuer in Scheune", "In Gotha brannte am Abend eine Scheune, der Schaden liegt bei 80.000 Euro."),
            entry("16:45 Uhr", "Zwei Städte teilen ihre IT", "Die Städte Arnstadt und Ilmenau legen ihre IT zusammen und betreiben künftig ein gemeinsames Rechenzentrum."),
            entry("11:05 Uhr", "Straße gesperrt", "Die Hauptstraße in Sömmerda bleibt bis Freitag gesperrt."),
            "</body></html>\n".to_owned(),
        ]
        .concat();
        let record = extract(&text);
        assert_eq!(record.title.as_deref(), Some("Zwei Städte teilen ihre IT"));
        let names: Vec<&str> = record.entities.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Ilmenau"), "{names:?}");
        assert!(
            !names.contains(&"Gotha") && !names.contains(&"Sömmerda"),
            "{names:?}"
        );
        assert!(record.amounts.is_empty());
    }

    #[test]
    fn the_speaker_named_below_a_quote_is_an_official() {
        let text = "Stadt Plauen lagert IT aus\n\nDie Stadt Plauen übergibt den Betrieb ihrer Server an einen Dienstleister, der Vertrag läuft fünf Jahre.\n\n„Wir geben den Betrieb ab, nicht die Verantwortung.“\n\nKarla Wendt, Oberbürgermeisterin der Stadt Plauen\n\nDie Umstellung beginnt im Herbst.\n";
        let record = extract(text);
        let found: Vec<(&str, &str)> = record
            .officials
            .iter()
            .map(|o| (o.name.as_str(), o.role.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(found, [("Karla Wendt", "Oberbürgermeisterin")]);
    }

    #[test]
    fn inline_markup_joins_paragraphs_and_block_markup_does_not() {
        assert!(only_inline_markup(" <b> "));
        assert!(only_inline_markup("</strong> <a href=\"x\">"));
        assert!(!only_inline_markup("</p><p>"));
        assert!(!only_inline_markup("x"));
    }

    #[test]
    fn pipeline_is_shareable_across_threads() {
        assert_send_sync::<Pipeline>();
    }
}
