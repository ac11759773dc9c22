//! Cooperation or not, its kind, and its parties.
//!
//! The decision rests on cue words in the article's own sentences, read on the
//! normalised view (so "Zusammen-\narbeit" and "l&auml;sst" count): words of working
//! together ("Kooperation", "Zusammenarbeit", "Vereinbarung", "gemeinsam",
//! "arbeiten … zusammen"), of merging ("Fusion", "verschmelzen", "schließen sich
//! zusammen"), of joining ("Beitritt", "tritt … bei", "wird Mitglied", "wird
//! Mitträger", "wird Gesellschafter"), and of handing work over ("auslagern",
//! "überträgt … an", "lässt … betreiben").
//!
//! The parties are the places and organisations named in the first sentences that
//! carry a cue (the headline with its kicker counts as one): press texts name who
//! cooperates up front and mention others (examples, competitors, earlier projects)
//! further down. Not parties: places named as locations (after "in", "am Rand
//! von", in a dateline, as a company's seat, inside a club's name), a sponsor once
//! two partners are known, an authority approving what others agreed. A sentence
//! that turns its cue down ("lehnt den Beitritt ab") counts for nothing; once
//! parties are known, one that only weighs a cooperation or tells of an
//! arrangement that has long stood ("seit Jahren", "bislang") adds none. On a page
//! whose headline reports a purchase, an award ("Zuschlag") names a supplier. Providers named as operators
//! of the joint service ("Betreiber wird …") join the parties; when the cue
//! sentences name one body only, the page's own town or the one local body named
//! as acting is its partner.
//!
//! The kind follows from cues and parties: a merger or membership cue decides when
//! it is the strongest special cue (cues in the headline weigh most); an
//! outsourcing cue with a provider or company among the parties, or a company
//! among them, means outsourcing; two or more Länder make it interstate, two or
//! more municipalities or districts without a Land intermunicipal; a Land with
//! its municipalities is of another kind. The cue spans are returned as
//! evidence, for a reader to check.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::normalize::NormalizedText;
use crate::record::{CooperationKind, EntityKind};
use crate::span::Span;

/// How many cue sentences with named parties are read for the parties.
const PARTY_SENTENCES: usize = 3;

/// Whether, how and between whom the article reports a cooperation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decision {
    /// The article reports a cooperation.
    pub cooperation: bool,
    /// Its kind, when it does.
    pub kind: Option<CooperationKind>,
    /// Entry indices of the parties, in order of first mention.
    pub parties: Vec<usize>,
    /// The cue words the decision rests on.
    pub evidence: Vec<Span>,
}

/// What a cue says about the cooperation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Cooperation,
    Merger,
    Membership,
    Outsourcing,
}

/// Word stems that are cues wherever they stand in a word ("Kooperationsvertrag",
/// "Verwaltungsvereinbarung"), lower case as in the normalised view.
const STEMS: &[(&str, Cue)] = &[
    ("ausgelagert", Cue::Outsourcing),
    ("auslager", Cue::Outsourcing),
    ("beauftragung", Cue::Outsourcing),
    ("beigetreten", Cue::Membership),
    ("beitritt", Cue::Membership),
    ("beizutreten", Cue::Membership),
    ("betriebsführung", Cue::Outsourcing),
    // Bodies that "bündeln ihre IT" pool it; one that "bündelt" its own IT
    // only reorganises it.
    ("bündeln", Cue::Cooperation),
    ("dienstleistungsvertrag", Cue::Outsourcing),
    ("einstieg", Cue::Membership),
    ("füreinander", Cue::Cooperation),
    ("aufgegangen", Cue::Merger),
    ("aufgehen", Cue::Merger),
    ("fusion", Cue::Merger),
    ("gegenseitig", Cue::Cooperation),
    ("gemeinsam", Cue::Cooperation),
    ("gemeinschaftsprojekt", Cue::Cooperation),
    ("interkommunal", Cue::Cooperation),
    ("kooperation", Cue::Cooperation),
    ("kooperier", Cue::Cooperation),
    ("länderübergreifend", Cue::Cooperation),
    ("mitgliedschaft", Cue::Membership),
    ("outsourc", Cue::Outsourcing),
    ("partnerschaft", Cue::Cooperation),
    ("privatisier", Cue::Outsourcing),
    ("vereinbarung", Cue::Cooperation),
    ("verschmelz", Cue::Merger),
    ("verschmolzen", Cue::Merger),
    ("wechselseitig", Cue::Cooperation),
    ("zusammenarbeit", Cue::Cooperation),
    ("zusammengelegt", Cue::Merger),
    ("zusammengeschlossen", Cue::Merger),
    ("zusammenleg", Cue::Merger),
    ("zusammenzulegen", Cue::Merger),
    ("zusammenschluss", Cue::Merger),
    ("zusammenzuarbeiten", Cue::Cooperation),
    ("zuschlag", Cue::Outsourcing),
];

/// Cues whose words stand apart (separable verbs, verb and particle), checked on
/// a normalised sentence. Compiled with ASCII word boundaries ([`crate::pattern`]);
/// a word starting with an umlaut is found after a non-word character instead,
/// which [`CooperationClassifier::cues`] leaves out of the match.
const PHRASES: &[(&str, Cue)] = &[
    (
        r"\barbeite[nt]?\b[^;:]{0,120}?\bzusammen\b",
        Cue::Cooperation,
    ),
    (r"\bleg(?:en|t)\b[^;:]{0,80}?\bzusammen\b", Cue::Cooperation),
    (r"\bunter\s+einem\s+dach\b", Cue::Cooperation),
    // "Bensheim und Heppenheim teilen sich ein Rechenzentrum", "wollen sich
    // einen Datenschutzbeauftragten teilen".
    (
        r"\bteil(?:en|t)\s+sich\b|\bsich\b[^;:]{0,80}?\bteilen\b",
        Cue::Cooperation,
    ),
    (
        r"\bschließ(?:en|t)\s+sich\b[^;:]{0,80}?\bzusammen\b",
        Cue::Merger,
    ),
    (
        r"\bgeh(?:en|t)\b[^;:]{0,80}?\b(?:zusammen|auf)\b",
        Cue::Merger,
    ),
    (r"\btr(?:itt|eten)\b[^;:]{0,120}?\bbei\b", Cue::Membership),
    (
        r"\b(?:wird|werden|wurde|ist)\s+(?:\w+\s+){0,2}(?:mitglied|(?:mit)?träger(?:in)?|(?:mit)?gesellschafter(?:in)?)\b",
        Cue::Membership,
    ),
    (r"\bsich\b[^;:]{0,80}?\banschließen\b", Cue::Membership),
    (
        r"(?:^|\W)(?:überträgt|übertragen|übergibt|übergeben|vergibt|vergeben|verlagert|verlagern)\b[^;:]{0,160}?\b(?:an|zu|zur|zum)\b",
        Cue::Outsourcing,
    ),
    (
        r"\bl(?:ässt|assen)\b[^;:]{0,160}?\b(?:betreiben|betreuen|warten|hosten)\b",
        Cue::Outsourcing,
    ),
    // The taker in the dative: "überträgt die Betreuung einem externen
    // Dienstleister".
    (
        r"(?:^|\W)(?:überträgt|übertragen|übergibt|übergeben|vergibt|vergeben)\b[^;:]{0,160}?\b(?:einem|einer|dem|der)\s+(?:\w+\s+){0,2}?(?:dienstleister|anbieter|unternehmen|firma|partner)\b",
        Cue::Outsourcing,
    ),
    (r"\bgibt\b[^;:]{0,120}?\bab\b", Cue::Outsourcing),
    // "gibt den Betrieb aus der Hand"; "beschlossen, die Server der AKDB zu
    // übertragen" (the taker in the dative, with no "an").
    (
        r"\bgib(?:t|en)\b[^;:]{0,120}?\baus\s+der\s+hand\b|\bzu\s+(?:übertragen|übergeben)\b",
        Cue::Outsourcing,
    ),
    (
        r"\b(?:hat|haben|hatte|hatten|wurde|wurden|wird|werden)\b[^;:]{0,160}?\bbeauftragt\b",
        Cue::Outsourcing,
    ),
    (r"\blager(?:n|t)\b[^;:]{0,120}?\baus\b", Cue::Outsourcing),
    // "gibt den Betrieb seiner IT in private Hände".
    (r"\bin\s+private\s+hände\b", Cue::Outsourcing),
    // "stimmte einem Vertrag mit dem IT-Dienstleister Materna zu": the kind
    // follows from who the partner is.
    (
        r"\b(?:vertrag|vertrages|vertrags|verträge|verträgen)\s+mit\s+(?:dem|der|den|einem|einer)\b",
        Cue::Cooperation,
    ),
    (
        r"betrieb\b[^;:]{0,60}?\sübern(?:immt|ehmen)\b",
        Cue::Outsourcing,
    ),
    (
        r"\b(?:an|auf)\b[^;:]{0,160}?\szu\s+(?:übertragen|übergeben|vergeben|verlagern)\b",
        Cue::Outsourcing,
    ),
    (
        r"\bsteig(?:t|en)\b[^;:]{0,80}?\bein\b|\bwird\s+(?:mit)?gesellschafter",
        Cue::Membership,
    ),
    (
        r"(?:^|\W)übernimmt\b[^;:]{0,80}?\b(?:betrieb|betreuung|it)\b",
        Cue::Outsourcing,
    ),
    // "Vom Herbst an betreibt die HZD die städtischen Server", "betreibt
    // künftig": a service run for others from now on, not one described; and
    // "Die Server ziehen ins Landesrechenzentrum". Both say that bodies work
    // together, not in which form.
    (
        r"\b(?:künftig|zukünftig)\b[^;:]{0,80}?\bbetreib(?:t|en)\b|\bbetreib(?:t|en)\b[^;:]{0,80}?\b(?:künftig|zukünftig)\b|\ban\s+betreib(?:t|en)\b",
        Cue::Cooperation,
    ),
    (
        r"\bzieh(?:t|en)\b[^;:]{0,80}?\bins?\b[^;:]{0,40}?rechenzentrum",
        Cue::Cooperation,
    ),
    // "Die KDO kümmert sich bald um die Server vom Landkreis" (plain language).
    (
        r"\bkümmer(?:t|n)\s+sich\b[^;:]{0,80}?\bum\b[^;:]{0,60}?\b(?:server|rechenzentrum|it|technik|computer)",
        Cue::Outsourcing,
    ),
];

/// Sentences that name who runs the joint service ("Betreiber wird …", "Den
/// Betrieb übernehmen …", "Die Leitung übernimmt …", "… übernimmt den
/// Rechenzentrumsbetrieb", "… bringt ihr Rechenzentrum als Partner ein",
/// "Betreiben sollen es …", "Danach betreibt …", "Betrieben wird es vom …").
/// The IT providers they name act for the parties and are parties
/// too; one that only hosts the service ("Betrieben werden die Dienste im
/// Rechenzentrum des DVZ") is not named as its agent.
const OPERATOR: &str = r"^betreiben\b|^(?:danach\s+|dann\s+|künftig\s+)?betreibt\b|^betrieben\s+(?:wird|werden)\b[^;:]{0,80}?\b(?:vom|von\s+(?:der|dem|den))\b|\bbetreiber(?:in)?\b|\b(?:betrieb|leitung|federführung)\b[^;:]{0,60}?\sübern(?:ehmen|immt)\b|(?:^|\W)übern(?:ehmen|immt)\b[^;:]{0,40}?(?:\b|\w+)(?:betrieb|leitung|federführung)\b|\bals\s+(?:partner|betreiber|dienstleister)\b|\b(?:wird|werden)\b[^;:]{0,120}?\bbetrieben\b";

/// Sentences in which a body pays for the cooperation of others.
const FUNDING: &str = r"(?:^|\W)(?:fördert|fördern|förderte|gefördert|bezuschusst|bezuschussen)\b|\b(?:zuschuss|zuschüsse|fördermittel|förderprogramm|finanziert|fonds\b)|(?:^|\W)unterstütz(?:t|en|te|ten)\b[^.;]{0,80}?\bmit\s+(?:rund\s+|über\s+|bis\s+zu\s+)?\d";

/// Sentences in which an authority approves or supervises what others agreed.
const SUPERVISION: &str = r"genehmig|aufsicht|\bzustimm|\bzugestimmt";

/// Sentences that only weigh a cooperation or report interest in one ("prüfen,
/// ob … zusammenarbeiten könnte", "Ob sich … anschließen, ist offen", "haben
/// Interesse signalisiert"). Once the article has named its parties, bodies in
/// such sentences are no parties.
const PROSPECT: &str = r"\bob\b[^.;]{0,160}?\b(?:könnte|könnten|würde|würden|wäre|wären)\b|\bob\b[^.;]{0,160}?,\s*(?:ist|sei|bleibt)\s+(?:noch\s+)?(?:offen|unklar|ungewiss|nicht\s+entschieden)\b|\b(?:ist|bleibt)\s+(?:noch\s+)?(?:offen|unklar|ungewiss),\s*ob\b|\binteresse\b[^.;]{0,160}?\b(?:signalisiert|bekundet|angemeldet|gezeigt)\b|\b(?:signalisiert|bekundet|signalisieren|bekunden)\b[^.;]{0,60}?\binteresse\b";

/// Sentences that report a cooperation only being examined ("prüfen eine
/// gemeinsame IT", "die Prüfung einer Zusammenarbeit", "eine Studie soll
/// klären", "loten aus", "erwägen", "stand zur Debatte"). An
/// article whose every cue sentence says so reports no cooperation yet.
const EXAMINATION: &str = r"(?:^|\W)(?:prüf(?:en|t|te|ten)|geprüft|prüfung\s+(?:einer|eines|der|des)|untersuch(?:en|t|te|ten)|erwäg(?:en|t|te|ten)|sondier\w*)\b|\bsoll(?:en)?\s+klären\b|\blot(?:en|et|eten)\b[^.;]{0,80}?\baus\b|\bdenk(?:en|t)\b[^.;]{0,80}?\bnach\b|\b(?:steht|stehen|stand|standen)\s+zur\s+(?:debatte|diskussion)\b";

/// Sentences that report a decision put off or only proposed ("vertagt die
/// Entscheidung", "Die Verwaltung hatte vorgeschlagen, …"), or a plan given up
/// ("hatte gemeinsam ausschreiben wollen"). Like an examination,
/// an article whose every cue sentence says so (or asks) reports no cooperation yet.
const DEFERRAL: &str = r"\bhatten?\b[^.;]{0,160}?\bwollen\b|\bvertag(?:t|te|ten|en|ung)\b|\b(?:verschoben|verschiebt|verschieben)\b|\bvorgeschlagen\b|\bschläg(?:t|en)\b[^.;]{0,80}?\bvor\b|\bangeregt\b|\breg(?:t|en|te|ten)\b[^.;]{0,80}?\ban\b";

/// Sentences that turn a cooperation down or call it off.
const REJECTION: &str = r"\b(?:lehnt|lehnen|lehnte|lehnten)\b[^.;]{0,120}?\bab\b|\babgelehnt\b|\bablehnung\b|\bvom\s+tisch\b|\bgescheitert\b|\bscheitert\b|\bnicht\s+(?:beitreten|beizutreten|zusammenarbeiten|kooperieren|fusionieren)\b|\bkein(?:en|e)?\s+(?:beitritt|fusion|kooperation|zusammenschluss)\b|\bverzichtet\b[^.;]{0,60}?\bauf\b|\bkein(?:e|en|em|er|es)?\s+gemeinsam\w*|\b(?:zu\s+den\s+akten|ad\s+acta|auf\s+eis)\s+gelegt\b|\bleg(?:t|en|te|ten)\b[^.;]{0,80}?\bauf\s+eis\b|\bfür\s+beendet\s+erklärt\b|\b(?:kommt|kommen)\s+nicht\s*(?:[.;]|$)|\bnicht\s+weiter\s*verfolgt\b|(?:^|\bdas\s+)aus\s+für\b|\bwird\s+nicht\s+(?:gebaut|umgesetzt|verwirklicht|realisiert)\b|\b(?:kommt|kommen|kam|kamen)\s+nicht\s+zustande\b|\bnicht\s+zustande\s+gekommen\b|\babstand\s+(?:genommen|nehmen)\b|\b(?:wird|werde)\s+es\b[^.;]{0,40}?\bnicht\s+geben\b|\b(?:steht|stehe|stehen)\s+nicht\s+zur\s+(?:debatte|diskussion)\b|\bkomm(?:t|en)\b[^.;]{0,40}?\bnicht\s+in\s*frage\b|\b(?:ist|sei|sind|seien)\s+nicht\s+(?:geplant|vorgesehen)\b|\bausstieg\b|\b(?:projekt|vorhaben)\b[^.;]{0,40}?\b(?:zu\s+beenden|beendet|zu\s+stoppen|gestoppt)\b|\b(?:fällt|fallen|fiel|fielen)\b[^.;]{0,40}?\bdurch\s*(?:[.;]|$)";

/// Sentences that tell of an arrangement that has long stood ("arbeitet seit
/// Jahren mit … zusammen", "bislang über einen Vertrag mit …", "dem Verband
/// gehören bereits … an", "ist schon Mitglied", "ist dort Mitglied", "ist
/// Trägerin der KDO", "…, der mit der Stadt Träger der Anstalt ist"): background
/// to the news, so once the article has named its parties they add none.
const STANDING: &str = r"\bseit\s+(?:(?:vielen|einigen|mehreren|\d+)\s+)?jahr(?:en|zehnten)\b|\bseit\s+(?:langem|längerem|\d{4})\b|\b(?:bisher|bislang|schon\s+lange)\b|\bgehör(?:t|en)\b[^.;]{0,160}?\bbereits\b|\bbereits\b[^.;]{0,160}?\bgehör(?:t|en)\b|\b(?:ist|sind)\s+(?:bereits|schon|dort|da)\s+mitglied|\b(?:ist|sind)\s+(?:\w+\s+){0,2}?(?:mit)?träger(?:in|innen)?\b|\b(?:mit)?träger(?:in|innen)?\b[^.;,]{0,60}?\s(?:ist|sind)\s*(?:[,.;]|$)";

/// Headlines that report buying things ("bestellt 1.800 Laptops", "stattet die
/// Schulen mit Tablets aus"). On such a page an award ("Den Zuschlag erhielt
/// die Bechtle AG") names a supplier, not a body that takes work over.
const PURCHASE: &str = r"(?:^|\W)(?:kauf(?:t|en)|gekauft|bestell(?:t|en)|beschaff(?:t|en)|erwirbt|erwerben)\b|\b(?:schaff(?:t|en)|statte[nt]?|tausch(?:t|en))\b[^;:]{0,80}?\b(?:an|aus)\b";

/// Words of the cues that award a contract: on a page about a purchase they name
/// a supplier.
const AWARD_WORDS: &[&str] = &["zuschlag", "beauftrag", "vergibt", "vergeben"];

/// Sentences that name the body a merger creates ("Sie soll IT-Dienstleistungszentrum
/// Mitteldeutschland heißen", "firmiert künftig als …", "unter dem Namen …").
const MERGER_PRODUCT: &str = r"\bheißen\b|\bheißt\b|\bfirmier|\bunter\s+dem\s+namen\b";

/// Words of which every [`OPERATOR`] phrase holds one.
const OPERATOR_WORDS: &[&str] = &[
    "betreib",
    "betrieb",
    "leitung",
    "federführung",
    "partner",
    "dienstleister",
];

/// How many content sentences are searched for operators of a cooperation.
const OPERATOR_SENTENCES: usize = 20;

/// Decides cooperation, kind and parties. Built once; holds the cue patterns.
#[derive(Debug, Clone)]
pub struct CooperationClassifier {
    stems: AhoCorasick,
    phrases: Vec<(Cue, Regex)>,
    operator: Regex,
    merger_product: Regex,
    funding: Regex,
    rejection: Regex,
    /// [`PROSPECT`], [`EXAMINATION`] and [`DEFERRAL`] in one pattern: one scan a
    /// sentence.
    weighing: Regex,
    supervision: Regex,
    purchase: Regex,
    standing: Regex,
}

impl CooperationClassifier {
    /// The classifier with the default cues.
    pub fn new() -> Result<CooperationClassifier, regex::Error> {
        let stems = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(STEMS.iter().map(|(s, _)| s))
            .map_err(|e| regex::Error::Syntax(e.to_string()))?;
        let phrases = PHRASES
            .iter()
            .map(|(p, cue)| crate::pattern::compile(p).map(|r| (*cue, r)))
            .collect::<Result<_, _>>()?;
        Ok(CooperationClassifier {
            stems,
            phrases,
            operator: crate::pattern::compile(OPERATOR)?,
            merger_product: crate::pattern::compile(MERGER_PRODUCT)?,
            funding: crate::pattern::compile(FUNDING)?,
            rejection: crate::pattern::compile(REJECTION)?,
            weighing: crate::pattern::compile(&format!("{PROSPECT}|{EXAMINATION}|{DEFERRAL}"))?,
            supervision: crate::pattern::compile(SUPERVISION)?,
            purchase: crate::pattern::compile(PURCHASE)?,
            standing: crate::pattern::compile(STANDING)?,
        })
    }

    /// Decides on one article. `sentences` are its content sentences in order,
    /// the first being the headline when it has one, `headings` the spans of its
    /// headline and section headings, `view` its normalised view, `mentions` its entity
    /// mentions as (span, entity index) in text order, and `kinds` the kind of
    /// each entity. Parties come back as entity indices.
    pub fn decide(
        &self,
        view: &NormalizedText,
        sentences: &[Span],
        headings: &[Span],
        mentions: &[(Span, usize)],
        kinds: &[EntityKind],
    ) -> Decision {
        let norm = view.as_str();
        let mut weights = [0u32; 4];
        let mut evidence = Vec::new();
        let mut parties: Vec<usize> = Vec::new();
        let mut party_sentences = 0;
        // Cue sentences that report more than a cooperation being weighed.
        let mut firm_sentences = 0;
        // A heading that turns a cooperation down ("Kein gemeinsames
        // Rechenzentrum", or a headline "Aus für …") speaks for the section below
        // it, up to the next heading: the plan its sentences report was dropped.
        let mut heading: Option<Span> = None;
        let mut section_rejected = false;
        let mut first_cue_words: Option<&str> = None;
        // The headline (or, without one, the first heading) tells a purchase.
        let purchase = headings.first().is_some_and(|headline| {
            let (start, end) = view.normalized_range(*headline);
            self.purchase.is_match(&norm[start..end])
        });
        for (n, sentence) in sentences.iter().enumerate() {
            if party_sentences >= PARTY_SENTENCES {
                break;
            }
            let (start, end) = view.normalized_range(*sentence);
            let words = &norm[start..end];
            if let Some(&h) = headings.iter().find(|h| h.contains(*sentence)) {
                if heading != Some(h) {
                    heading = Some(h);
                    section_rejected = false;
                }
                section_rejected |= self.rejection.is_match(words);
            } else if section_rejected {
                continue;
            }
            // Parties first: most sentences name none, and then their cues
            // do not matter.
            let mut named: Vec<usize> = acting(view, *sentence, mentions)
                .into_iter()
                .filter(|&e| is_party_kind(kinds[e]))
                .collect();
            if named.is_empty() {
                continue;
            }
            let mut found = self.cues(words, start);
            if purchase {
                found.retain(|(_, (s, e))| !AWARD_WORDS.iter().any(|w| norm[*s..*e].contains(w)));
            }
            // "Der Stadtrat lehnt den Beitritt ab": a cue that is turned down
            // reports no cooperation.
            if found.is_empty() || self.rejection.is_match(words) {
                continue;
            }
            // A question weighs; so does a cue whose clause ends in a question
            // mark before a dash ("Gemeinsames Rechenzentrum? – Anfrage der …").
            let asked = found.iter().all(|(_, (_, cue_end))| {
                norm[*cue_end..end]
                    .find(['.', '!', '?'])
                    .map_or(words.trim_end().ends_with('?'), |i| {
                        norm[*cue_end + i..].starts_with('?')
                    })
            });
            let weighed = self.weighing.is_match(words) || asked;
            if party_sentences > 0 && (weighed || self.standing.is_match(words)) {
                continue;
            }
            firm_sentences += usize::from(!weighed);
            // An authority that approves or supervises is no partner, nor is a
            // place named by its office ("Landratsamt Passau").
            if self.supervision.is_match(words) {
                named.retain(|&e| {
                    kinds[e] != EntityKind::Authority
                        && !named_by_office(view, *sentence, mentions, e)
                });
                if named.is_empty() {
                    continue;
                }
            }
            // The headline weighs most, then the first cue sentence.
            let weight = match (n, party_sentences) {
                (0, _) => 3,
                (_, 0) => 2,
                _ => 1,
            };
            party_sentences += 1;
            first_cue_words.get_or_insert(words);
            for (cue, (s, e)) in found {
                weights[cue as usize] += weight;
                evidence.extend(view.original_span(s, e));
            }
            // Once two parties are known, a body that funds their work is
            // a sponsor, not a partner ("Das Land fördert die Zusammenarbeit").
            if parties.len() >= 2 && self.funding.is_match(words) {
                continue;
            }
            for e in named {
                if !parties.contains(&e) {
                    parties.push(e);
                }
            }
        }
        if parties.len() == 1 && weights[Cue::Outsourcing as usize] > 0 {
            parties.extend(sole_contractor(
                parties[0], view, sentences, mentions, kinds,
            ));
        }
        if parties.len() == 1 {
            let home = home_party(parties[0], mentions, kinds).or_else(|| {
                let organ = first_cue_words.and_then(deciding_organ);
                only_local_actor(parties[0], view, sentences, mentions, kinds, organ)
            });
            parties.extend(home);
        }
        if parties.len() < 2 || firm_sentences == 0 {
            return Decision::default();
        }
        let kind = kind_of(&weights, &parties, kinds);
        // Providers that run the joint service, or that a merger creates, take part.
        for sentence in sentences.iter().take(OPERATOR_SENTENCES) {
            let (start, end) = view.normalized_range(*sentence);
            let words = &norm[start..end];
            // Every operator phrase holds one of these words: a cheap test first.
            let may_operate = OPERATOR_WORDS.iter().any(|w| words.contains(w));
            let operates = may_operate && self.operator.is_match(words);
            let product = kind == CooperationKind::Merger && self.merger_product.is_match(words);
            if !operates && !product {
                continue;
            }
            for e in acting(view, *sentence, mentions) {
                if kinds[e] == EntityKind::Provider && !parties.contains(&e) {
                    parties.push(e);
                }
            }
        }
        evidence.sort();
        evidence.dedup();
        Decision {
            cooperation: true,
            kind: Some(kind),
            parties,
            evidence,
        }
    }

    /// How many cooperation cues `view` (a normalised text) holds outside
    /// sentences that only weigh, ask about or turn down a cooperation: a cheap
    /// measure of how much a part of a page reports one.
    pub fn cue_count(&self, view: &str) -> usize {
        view.split_inclusive(['.', '!', '?'])
            .filter(|sentence| {
                !sentence.trim_end().ends_with('?')
                    && !self.weighing.is_match(sentence)
                    && !self.rejection.is_match(sentence)
            })
            .map(|sentence| self.cues(sentence, 0).len())
            .sum()
    }

    /// The cues in one normalised sentence, with their normalised ranges.
    fn cues(&self, sentence: &str, offset: usize) -> Vec<(Cue, (usize, usize))> {
        let mut found: Vec<(Cue, (usize, usize))> = self
            .stems
            .find_iter(sentence)
            .filter(|m| !describes(&sentence[..m.start()]))
            .map(|m| {
                (
                    STEMS[m.pattern().as_usize()].1,
                    (offset + m.start(), offset + m.end()),
                )
            })
            .collect();
        // "Das Land ist einer ihrer Träger" tells who owns a provider, not who
        // joins it now.
        let standing = |m: &regex::Match<'_>| ONE_OF.iter().any(|w| m.as_str().contains(w));
        for (cue, re) in &self.phrases {
            found.extend(re.find_iter(sentence).filter(|m| !standing(m)).map(|m| {
                let lead = m.len()
                    - m.as_str()
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .len();
                (*cue, (offset + m.start() + lead, offset + m.end()))
            }));
        }
        found
    }
}

/// Words that make a membership one among several standing ones ("einer ihrer
/// Träger", "eines der Mitglieder").
const ONE_OF: &[&str] = &[
    " einer ihrer ",
    " einer seiner ",
    " eines der ",
    " einer der ",
];

/// True when a cue word follows a copula and article ("eGo-Saar ist der
/// gemeinsame Zweckverband der Kommunen"): the sentence says what a body is, not
/// that bodies are teaming up now.
fn describes(before_cue: &str) -> bool {
    let mut words = before_cue.split_whitespace().rev();
    let (Some(article), Some(verb)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(verb, "ist" | "sind" | "war" | "waren")
        && matches!(article, "der" | "die" | "das" | "ein" | "eine")
}

/// True when `entry` is named in `sentence` right after the name of an office
/// ("Landratsamt Passau", "Regierungspräsidium Kassel").
fn named_by_office(
    view: &NormalizedText,
    sentence: Span,
    mentions: &[(Span, usize)],
    entry: usize,
) -> bool {
    let norm = view.as_str();
    mentions
        .iter()
        .filter(|(span, e)| *e == entry && sentence.contains(*span))
        .any(|(span, _)| {
            let (start, end) = view.normalized_range(*span);
            // The office may open the mention itself ("Landratsamt Passau").
            let own = norm[start..end].split_whitespace().next().unwrap_or("");
            let word = norm[..start].split_whitespace().next_back().unwrap_or("");
            own.starts_with("landratsamt")
                || (word.len() > 3 && word.ends_with("amt"))
                || matches!(
                    word,
                    "regierungspräsidium" | "bezirksregierung" | "regierung"
                )
        })
}

/// Words that make the place after them a location ("in Saarbrücken", "aus
/// Osnabrück", "nach Magdeburg", "am Standort Senftenberg"), not a party.
const LOCATIVES: &[&str] = &[
    "am", "aus", "bei", "im", "in", "nach", "nahe", "sitz", "standort",
];

/// Stems of the bearings ("nördlich", "südöstlich", "westlich") that, with "von"
/// after them, make the place a landmark.
const COMPASS: &[&str] = &["nord", "nörd", "süd", "ost", "öst", "west"];

/// Nouns of a spot near a place that, with "von" after them, make the place a
/// landmark ("am Rand von Landstuhl").
const NEARBY: &[&str] = &[
    "rand",
    "stadtrand",
    "ortsrand",
    "nähe",
    "umgebung",
    "umland",
];

/// Buildings that, with a locative before them, make the body named after them
/// the place of an event ("im Rathaus der Stadt Crivitz unterzeichnet").
const VENUES: &[&str] = &[
    "rathaus",
    "kreishaus",
    "amtsgebäude",
    "verwaltungsgebäude",
    "ratssaal",
    "sitzungssaal",
    "bürgerhaus",
    "stadthalle",
    "landratsamt",
];

/// True when `head` (the normalised text before a place) ends with a locative,
/// or with a locative, a venue and a genitive article ("im Rathaus der").
fn locative_before(head: &str) -> bool {
    let mut words = head.rsplit([' ', '(', '"']);
    let word = words.next().unwrap_or_default();
    if LOCATIVES.contains(&word) {
        return true;
    }
    // "südöstlich von Berlin", "westlich der Stadt": a bearing from the place.
    let bearing = |w: &str| w.ends_with("lich") && COMPASS.iter().any(|c| w.starts_with(c));
    // "am Rand von Landstuhl", "in der Nähe von Trier": a spot by the place.
    let landmark = |w: &str| bearing(w) || NEARBY.contains(&w);
    if matches!(word, "von" | "vom" | "der" | "des") && words.clone().next().is_some_and(landmark) {
        return true;
    }
    // "im Grenzort Perl", "am Tagungsort Merzig": a place word after a locative.
    if word.ends_with("ort") && words.clone().next().is_some_and(|w| LOCATIVES.contains(&w)) {
        return true;
    }
    // The body's own prefix word may stand between ("der Stadt Crivitz").
    let article = if crate::gazetteer::forms::prefix_kind(word).is_some() {
        words.next().unwrap_or_default()
    } else {
        word
    };
    matches!(article, "der" | "des")
        && words.next().is_some_and(|venue| VENUES.contains(&venue))
        && words.next().is_some_and(|w| LOCATIVES.contains(&w))
}

/// Entries named in `sentence` other than as a location; a place joined by "und"
/// or a comma to a location is a location too ("aus Stuttgart und München").
fn acting(view: &NormalizedText, sentence: Span, mentions: &[(Span, usize)]) -> Vec<usize> {
    let norm = view.as_str();
    let mut out = Vec::new();
    let mut previous_locative_end: Option<usize> = None;
    let in_sentence: Vec<(Span, usize)> = mentions
        .iter()
        .copied()
        .filter(|(span, _)| sentence.contains(*span))
        .collect();
    let dateline_end = dateline_end(view, sentence, &in_sentence);
    // What stands before a mention is read within its sentence: the end of a
    // headline above ("… bleiben im Kreishaus") is no locative for the first
    // body sentence ("Der Kreis Dithmarschen überträgt …").
    let (sentence_start, sentence_end) = view.normalized_range(sentence);
    let mut previous_end: Option<usize> = None;
    for &(span, entry) in &in_sentence {
        let (start, end) = view.normalized_range(span);
        let seat = previous_end.is_some_and(|prev| is_seat(norm, prev, start, end));
        previous_end = Some(end);
        let before = norm.get(sentence_start..start).unwrap_or_default();
        let after = norm.get(end..sentence_end).unwrap_or_default();
        if end <= dateline_end || seat || in_club_name(before) || tells_the_past(before, after) {
            continue;
        }
        let head = before.trim_end();
        let joined = previous_locative_end.is_some_and(|prev| {
            let between = norm.get(prev..start).unwrap_or_default().trim();
            matches!(between, "und" | "," | "sowie" | "oder")
        });
        if locative_before(head) || joined {
            previous_locative_end = Some(end);
        } else {
            previous_locative_end = None;
            out.push(entry);
        }
    }
    out
}

/// Relative pronouns, lower case as in the normalised view.
const RELATIVE_PRONOUNS: &[&str] = &[
    "das", "die", "der", "dem", "den", "denen", "deren", "dessen",
];

/// Finite verbs that close a relative clause about something done before
/// ("…, das Schwerin und der Landkreis 2013 errichtet hatten").
const PAST_AUXILIARIES: &[&str] = &[
    "hatte", "hatten", "hat", "haben", "war", "waren", "wurde", "wurden", "worden",
];

/// True when a mention with `before` and `after` it in its normalised sentence
/// stands in a relative clause that tells what was done before: the bodies named
/// there are the history of what the sentence is about, not who acts now.
fn tells_the_past(before: &str, after: &str) -> bool {
    let Some(comma) = before.rfind(',') else {
        return false;
    };
    let mut words = before[comma + 1..].split_whitespace();
    let opens_relative = match words.next() {
        Some(w) if RELATIVE_PRONOUNS.contains(&w) => true,
        // "…, mit dem Jena seit 2010 zusammengearbeitet hatte"
        Some("mit" | "von" | "für" | "bei" | "an") => {
            words.next().is_some_and(|w| RELATIVE_PRONOUNS.contains(&w))
        }
        _ => false,
    };
    if !opens_relative {
        return false;
    }
    // The verb ends the clause, or the first of two joined by "und".
    let clause_end = after.find([',', '.', ';', '!', '?']).unwrap_or(after.len());
    let clause: Vec<&str> = after[..clause_end].split_whitespace().collect();
    clause.iter().enumerate().any(|(i, w)| {
        PAST_AUXILIARIES.contains(w)
            && clause
                .get(i + 1)
                .map_or(true, |next| matches!(*next, "und" | "oder" | "sowie"))
    })
}

/// Legal forms that end a company's name in the normalised view.
const LEGAL_FORM_ENDS: &[&str] = &["gmbh", "mbh", "ag", "se", "aör", "eg", "e.v.", "kg"];

/// True when the place at `start..end` is the seat of the company named just
/// before it, set off by commas ("die regio iT gesellschaft mbh, Aachen, ...").
fn is_seat(norm: &str, previous_end: usize, start: usize, end: usize) -> bool {
    let legal_form = |w: &str| LEGAL_FORM_ENDS.contains(&w);
    let Some(between) = norm
        .get(previous_end..start)
        .and_then(|b| b.strip_suffix(", "))
    else {
        return false;
    };
    // The legal form inside the mention before, or right after it.
    let company = if between.is_empty() {
        norm[..previous_end]
            .rsplit(' ')
            .next()
            .is_some_and(legal_form)
    } else {
        legal_form(between.trim())
    };
    company && norm[end..].trim_start().starts_with([',', ')'])
}

/// Where a dateline of places opening the sentence ends ("Dortmund/Bremerhaven –
/// Der Magistrat ..."), in the normalised view; the sentence start when there is
/// none. The places of a dateline say where the news comes from.
fn dateline_end(view: &NormalizedText, sentence: Span, mentions: &[(Span, usize)]) -> usize {
    let norm = view.as_str();
    let (start, end) = view.normalized_range(sentence);
    let Some(dash) = norm[start..end].find(" - ").map(|d| start + d) else {
        return start;
    };
    // Between the places only separators: nothing else may stand before the dash.
    let separators =
        |from: usize, to: usize| norm[from..to].chars().all(|c| matches!(c, ' ' | '/' | ','));
    let mut at = start;
    for &(span, _) in mentions {
        let (s, e) = view.normalized_range(span);
        if e > dash {
            break;
        }
        if !separators(at, s) {
            return start;
        }
        at = e;
    }
    if at > start && separators(at, dash) {
        dash
    } else {
        start
    }
}

/// Words of a town's and of a district's own bodies and belongings: the council
/// that decides, or "unsere städtische IT", says whose work is handed over.
const TOWN_ORGANS: &[&str] = &[
    "stadtrat",
    "stadtvertretung",
    "stadtverordnet",
    "gemeinderat",
    "gemeindevertretung",
    "städtisch",
    "rathaus",
];
const DISTRICT_ORGANS: &[&str] = &["kreistag", "kreisverwaltung", "landratsamt"];

/// The kind of local body whose organ a cue sentence names (normalised words),
/// when it names only one kind.
fn deciding_organ(words: &str) -> Option<EntityKind> {
    let town = TOWN_ORGANS.iter().any(|w| words.contains(w));
    let district = DISTRICT_ORGANS.iter().any(|w| words.contains(w));
    match (town, district) {
        (true, false) => Some(EntityKind::Municipality),
        (false, true) => Some(EntityKind::District),
        _ => None,
    }
}

/// The one municipality or district other than `partner` that any content
/// sentence names as acting, not as a location ("dass Markt Schwaben seine Server
/// nicht mehr selbst betreibt", beside "im Landkreis Ebersberg", "in München"):
/// when a page has a provider or company take on work and names a single local
/// body, that body hands the work over. Of several, the one of the `organ` kind
/// whose council decided, if it is the only one of that kind.
fn only_local_actor(
    partner: usize,
    view: &NormalizedText,
    sentences: &[Span],
    mentions: &[(Span, usize)],
    kinds: &[EntityKind],
    organ: Option<EntityKind>,
) -> Option<usize> {
    if !matches!(
        kinds.get(partner),
        Some(EntityKind::Provider | EntityKind::Company)
    ) {
        return None;
    }
    let local = |e: &usize| *e != partner && kinds.get(*e).copied().is_some_and(is_local);
    let actors = acting_anywhere(view, sentences, mentions, local);
    if let Some(one) = only_one(&actors) {
        return Some(one);
    }
    let organ = organ?;
    let of_organ: Vec<usize> = actors
        .into_iter()
        .filter(|&e| kinds.get(e) == Some(&organ))
        .collect();
    only_one(&of_organ)
}

/// The one company any content sentence names as acting, when a local body
/// hands work to a contractor it does not name in the same sentence ("Die Stadt
/// überträgt den Betrieb an einen externen Dienstleister", and the award names
/// the firm): the firm is the partner, not a town named only in an address.
fn sole_contractor(
    party: usize,
    view: &NormalizedText,
    sentences: &[Span],
    mentions: &[(Span, usize)],
    kinds: &[EntityKind],
) -> Option<usize> {
    if !kinds.get(party).copied().is_some_and(is_local) {
        return None;
    }
    let company = |e: &usize| kinds.get(*e) == Some(&EntityKind::Company);
    only_one(&acting_anywhere(view, sentences, mentions, company))
}

/// The entities that any of `sentences` names as acting and `keep` accepts,
/// each once, in index order.
fn acting_anywhere(
    view: &NormalizedText,
    sentences: &[Span],
    mentions: &[(Span, usize)],
    keep: impl Fn(&usize) -> bool,
) -> Vec<usize> {
    let mut found: Vec<usize> = sentences
        .iter()
        .flat_map(|&s| acting(view, s, mentions))
        .filter(keep)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The entity when there is exactly one.
fn only_one(entities: &[usize]) -> Option<usize> {
    match entities {
        [one] => Some(*one),
        _ => None,
    }
}

/// Abbreviations that open the names of sports clubs ("SV Nidda", "FC Germania
/// Ranstadt", "TSV 1860 München"), lower case as in the normalised view.
const CLUB_PREFIXES: &[&str] = &[
    "sv",
    "fc",
    "tsv",
    "sc",
    "vfb",
    "vfl",
    "tus",
    "sg",
    "spvgg",
    "fsv",
    "tsg",
    "tv",
    "ksv",
    "vfr",
    "ssv",
    "esv",
    "bsc",
    "sportfreunde",
    "eintracht",
    "borussia",
    "germania",
    "alemannia",
    "fortuna",
    "viktoria",
    "concordia",
];

/// True when the place after `before` (the normalised text up to it) is part of a
/// club's name: a club prefix or epithet right before it, or a prefix and a
/// founding year ("SV Nidda", "FC Germania Ranstadt", "SV 1919 Nidda").
fn in_club_name(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let Some(first) = words.next() else {
        return false;
    };
    let is_prefix = |w: &str| CLUB_PREFIXES.contains(&w.trim_start_matches(['(', '"']));
    if is_prefix(first) {
        return true;
    }
    let year = first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit());
    year && words.next().is_some_and(is_prefix)
}

/// The kind, from the cue weights and the parties' kinds.
fn kind_of(weights: &[u32; 4], parties: &[usize], kinds: &[EntityKind]) -> CooperationKind {
    let count = |pred: fn(EntityKind) -> bool| parties.iter().filter(|&&e| pred(kinds[e])).count();
    let places = count(is_local);
    let states = count(|k| k == EntityKind::State);
    let companies = count(|k| k == EntityKind::Company);
    let providers = count(|k| k == EntityKind::Provider);
    let w = |cue: Cue| weights[cue as usize];
    let strongest = |cue: Cue| {
        w(cue) >= 2
            && [Cue::Merger, Cue::Membership, Cue::Outsourcing]
                .iter()
                .all(|&other| other == cue || w(cue) >= w(other))
    };
    if strongest(Cue::Merger) {
        CooperationKind::Merger
    } else if strongest(Cue::Membership) {
        CooperationKind::Membership
    } else if states == 1 && places > 0 && w(Cue::Membership) == 0 {
        // A Land with its towns or districts works across the levels of the
        // state, whoever runs the service for them.
        CooperationKind::Other
    } else if companies > 0 || (w(Cue::Outsourcing) > 0 && providers > 0 && states < 2) {
        CooperationKind::Outsourcing
    } else if w(Cue::Membership) > 0 && w(Cue::Merger) == 0 && providers > 0 && places > 0 {
        // A local body and a provider with a joining cue and no other: the body
        // joins the provider, however often the text says "Zusammenarbeit".
        CooperationKind::Membership
    } else if states >= 2 {
        CooperationKind::Interstate
    } else if places >= 2 && states == 0 {
        CooperationKind::Intermunicipal
    } else {
        CooperationKind::Other
    }
}

/// Municipalities and districts: the local bodies.
fn is_local(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Municipality | EntityKind::District)
}

/// Kinds of entity that can take part in a cooperation.
fn is_party_kind(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Municipality
            | EntityKind::District
            | EntityKind::State
            | EntityKind::Provider
            | EntityKind::Company
            | EntityKind::Authority
            | EntityKind::Association
    )
}

/// The body a page speaks for, when its cooperation sentences name only the
/// partner ("der Gemeinderat hat einer Zweckvereinbarung mit der Stadt Dachau
/// zugestimmt" in Karlsfeld's newsletter): the municipality or district other
/// than `partner` that the page names most often, at least twice; of bodies
/// named equally often, the one named first (the lead names whom the page is
/// about: "des Landratsamts Dachau" before "in Dachau"). Only local bodies:
/// their own pages report this way.
fn home_party(partner: usize, mentions: &[(Span, usize)], kinds: &[EntityKind]) -> Option<usize> {
    let mut counts = vec![0usize; kinds.len()];
    let mut first = vec![usize::MAX; kinds.len()];
    for &(span, e) in mentions {
        if e != partner && kinds.get(e).copied().is_some_and(is_local) {
            counts[e] += 1;
            first[e] = first[e].min(span.start);
        }
    }
    let best = (0..counts.len())
        .max_by_key(|&e| (counts[e], std::cmp::Reverse(first[e]), std::cmp::Reverse(e)))?;
    (counts[best] >= 2).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 8] = [
        "Jena",
        "Gera",
        "Sachsen",
        "Bayern",
        "Materna",
        "KDO",
        "Weimar",
        "Saalekreis",
    ];
    const KINDS: [EntityKind; 8] = [
        EntityKind::Municipality,
        EntityKind::Municipality,
        EntityKind::State,
        EntityKind::State,
        EntityKind::Company,
        EntityKind::Provider,
        EntityKind::Municipality,
        EntityKind::District,
    ];

    /// Decides on `text`, sentences separated by `|` (the first is the headline;
    /// one starting with "## " is a section heading), with every entry name found.
    fn decide(text: &str) -> Decision {
        let mut sentences = Vec::new();
        let mut headings = Vec::new();
        let mut start = 0;
        for part in text.split('|') {
            let span = Span::new(start, start + part.len());
            sentences.push(span);
            if part.starts_with("## ") {
                headings.push(span);
            }
            start += part.len() + 1;
        }
        let mut mentions = Vec::new();
        for (i, name) in NAMES.iter().enumerate() {
            for (at, _) in text.match_indices(name) {
                mentions.push((Span::new(at, at + name.len()), i));
            }
        }
        mentions.sort();
        let view = NormalizedText::new(text);
        CooperationClassifier::new()
            .unwrap()
            .decide(&view, &sentences, &headings, &mentions, &KINDS)
    }

    fn names(d: &Decision) -> Vec<&'static str> {
        d.parties.iter().map(|&i| NAMES[i]).collect()
    }

    #[test]
    fn a_page_naming_only_the_partner_speaks_for_its_own_town() {
        let d = decide("Mitteilungen der Stadt Jena|Der Stadtrat hat einer Zweckvereinbarung mit der Stadt Gera zugestimmt.|In Jena ändert sich für die Bürger nichts.");
        assert!(d.cooperation);
        assert_eq!(names(&d), ["Gera", "Jena"]);
        // Named once only, the town is not taken for the page's own.
        let d = decide("Neues aus Jena|Der Stadtrat hat einer Zweckvereinbarung mit der Stadt Gera zugestimmt.");
        assert!(!d.cooperation);
    }

    #[test]
    fn an_owner_of_the_provider_named_in_passing_is_no_party() {
        let d = decide("Neue IT|Jena und Gera lassen ihre Server künftig von KDO betreiben.|Bayern ist einer ihrer Träger.");
        assert_eq!(names(&d), ["Jena", "Gera", "KDO"]);
        // Joining as a member is news.
        let d = decide("Neue IT|Jena und Gera lassen ihre Server künftig von KDO betreiben.|Weimar ist nun Mitglied der KDO.");
        assert_eq!(names(&d), ["Jena", "Gera", "KDO", "Weimar"]);
    }

    #[test]
    fn a_provider_that_takes_over_the_running_is_a_party() {
        let d = decide("IT-Nachrichten|Sachsen und Bayern betreiben ihre Steuer-IT künftig gemeinsam.|Danach betreibt KDO von 2027 an die Verfahren beider Länder.");
        assert_eq!(names(&d), ["Sachsen", "Bayern", "KDO"]);
        let d = decide("IT-Nachrichten|Sachsen und Bayern betreiben ihre Steuer-IT künftig gemeinsam.|KDO übernimmt von 2027 an den Rechenzentrumsbetrieb.");
        assert_eq!(names(&d), ["Sachsen", "Bayern", "KDO"]);
    }

    #[test]
    fn providers_running_the_joint_service_are_parties() {
        let d = decide("IT-Nachrichten|Sachsen und Bayern betreiben künftig ein gemeinsames Rechenzentrum.|Betreiber wird der Landesdienstleister KDO.");
        assert_eq!(names(&d), ["Sachsen", "Bayern", "KDO"]);
        assert_eq!(d.kind, Some(CooperationKind::Interstate));
        let d = decide("IT-Nachrichten|Jena und Gera kooperieren beim Rechenzentrum.|Die Leitung des Projekts übernimmt KDO.");
        assert_eq!(names(&d), ["Jena", "Gera", "KDO"]);
        let d = decide(
            "IT-Nachrichten|Jena und Gera kooperieren beim Rechenzentrum.|Betreiben soll es KDO.",
        );
        assert_eq!(names(&d), ["Jena", "Gera", "KDO"]);
        let d = decide("IT-Nachrichten|Jena und Gera kooperieren beim Rechenzentrum.|Betrieben wird es vom Landesdienstleister KDO.");
        assert_eq!(names(&d), ["Jena", "Gera", "KDO"]);
        let d = decide("IT-Nachrichten|Jena und Gera kooperieren beim Rechenzentrum.|Betrieben wird es wie bisher im Rechenzentrum von KDO.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
        // A provider named for another reason stays out.
        let d = decide("IT-Nachrichten|Sachsen und Bayern betreiben künftig ein gemeinsames Rechenzentrum.|Die Fachverfahren liefert weiterhin KDO.");
        assert_eq!(names(&d), ["Sachsen", "Bayern"]);
        // Without a cooperation, an operator makes no party.
        let d = decide("IT-Nachrichten|Betreiber des Rechenzentrums in Jena ist KDO.");
        assert!(!d.cooperation);
    }

    #[test]
    fn the_provider_a_merger_creates_is_a_party() {
        let d = decide("IT-Nachrichten|Die Landesdienstleister von Sachsen und Bayern fusionieren.|Das neue Haus soll KDO heißen.");
        assert_eq!(d.kind, Some(CooperationKind::Merger));
        assert_eq!(names(&d), ["Sachsen", "Bayern", "KDO"]);
    }

    #[test]
    fn dateline_places_and_sponsors_are_no_parties() {
        let d = decide("IT-Nachrichten|Weimar/Jena – Die Stadt Jena hat KDO den Zuschlag erteilt.");
        assert_eq!(names(&d), ["Jena", "KDO"]);
        let d = decide("IT-Nachrichten|Jena und Gera arbeiten bei der IT zusammen.|Sachsen fördert die Zusammenarbeit mit 20.000 Euro.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
        // Before two partners are known, the sentence still names them.
        let d = decide("IT-Nachrichten|Sachsen fördert die Zusammenarbeit von Jena und Gera.");
        assert_eq!(names(&d), ["Sachsen", "Jena", "Gera"]);
    }

    #[test]
    fn clubs_and_refusals_are_no_cooperation() {
        let d = decide("Sport|Der SV Jena und der FC Germania Gera fusionieren zum Sommer.");
        assert!(!d.cooperation);
        let d = decide(
            "Stadtrat lehnt Beitritt ab|Der Stadtrat von Jena hat den Beitritt zur KDO abgelehnt.",
        );
        assert!(!d.cooperation);
        // A turned-down plan beside one that goes ahead.
        let d = decide("IT-Nachrichten|Jena lehnt eine Fusion mit Gera ab.|Stattdessen arbeiten Jena und Weimar künftig zusammen.");
        assert_eq!(names(&d), ["Jena", "Weimar"]);
    }

    #[test]
    fn a_heading_that_drops_a_plan_covers_its_section() {
        // The section under the heading reports a plan that was examined and dropped.
        let text = "Jena kauft neue Server|Jena ersetzt seine Server.|## Kein gemeinsames Rechenzentrum mit Gera|Eine Zusammenarbeit mit Gera hatte die Verwaltung geprüft.";
        assert!(!decide(text).cooperation);
        // The next heading ends the section.
        let text = "Jena kauft neue Server|## Keine Fusion mit Gera|Eine Fusion mit Gera war im Gespräch.|## Neuer Partner|Jena und Weimar arbeiten künftig zusammen.";
        assert_eq!(names(&decide(text)), ["Jena", "Weimar"]);
        // A plain heading leaves its section alone.
        let text = "Neue IT|## Gemeinsames Rechenzentrum|Jena und Gera arbeiten künftig zusammen.";
        assert_eq!(names(&decide(text)), ["Jena", "Gera"]);
        // A plan shelved in its own sentence.
        let d = decide(
            "Stadtrat|Die Zusammenarbeit von Jena und Gera hat der Rat zu den Akten gelegt.",
        );
        assert!(!d.cooperation);
        for called_off in [
            "Das gemeinsame Rechenzentrum von Jena und Gera wird nicht gebaut.",
            "Das Aus für das gemeinsame Rechenzentrum von Jena und Gera ist besiegelt.",
            "Der Rat von Gera hat den Ausstieg aus dem gemeinsamen Rechenzentrum mit Jena beschlossen.",
            "Jena und Gera haben das Projekt eines gemeinsamen Rechenzentrums gestoppt.",
            "Eine Auslagerung der Server an die KDO stehe nicht zur Debatte, sagte der Bürgermeister von Jena.",
            "Ein gemeinsames Rechenzentrum mit Gera kommt für Jena nicht infrage.",
            "Eine gemeinsame Ausschreibung von Jena und Gera kam nicht zustande.",
            "Von einem gemeinsamen Rechenzentrum mit Gera hat Jena Abstand genommen.",
            "Einen gemeinsamen Einkauf von Jena und Gera werde es nicht geben.",
        ] {
            assert!(!decide(&format!("Stadtrat|{called_off}")).cooperation, "{called_off}");
        }
    }

    #[test]
    fn a_town_joining_a_provider_is_membership_whatever_else_is_said() {
        let d = decide("Satzung|Die Zusammenarbeit von Jena und KDO wird enger.|Der Beitritt von Jena zur KDO gilt ab Juli.");
        assert_eq!(d.kind, Some(CooperationKind::Membership));
    }

    #[test]
    fn a_land_that_supports_with_money_is_a_sponsor() {
        let d = decide("Neue Anstalt|Jena und Gera legen ihre IT zusammen.|Sachsen unterstützt die Gründung mit 250.000 Euro aus seinem Fonds für interkommunale Zusammenarbeit.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
        assert_eq!(d.kind, Some(CooperationKind::Intermunicipal));
    }

    #[test]
    fn a_land_with_its_towns_is_no_intermunicipal_cooperation() {
        let d = decide("Landesnetz|Sachsen, Jena und Gera betreiben ein gemeinsames Netz.");
        assert_eq!(d.kind, Some(CooperationKind::Other));
        let d = decide("Stadtnetz|Jena und Gera betreiben ein gemeinsames Netz.");
        assert_eq!(d.kind, Some(CooperationKind::Intermunicipal));
    }

    #[test]
    fn an_office_approving_the_agreement_is_no_party() {
        let d = decide("Zweckvereinbarung|Jena und Gera schließen eine Zweckvereinbarung.|Das Landratsamt Weimar hat die Vereinbarung genehmigt.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
    }

    #[test]
    fn bodies_only_weighing_or_interested_are_no_parties() {
        let d = decide("Neue IT|Jena und Gera betreiben ihre Server künftig unter einem Dach.|Auch Weimar hat Interesse an der gemeinsamen IT signalisiert.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
        let d = decide("Neue IT|Jena und Gera arbeiten künftig zusammen.|Ein Antrag wollte prüfen, ob Weimar mit der KDO zusammenarbeiten könnte.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
        let d = decide("Neue IT|Jena und Gera arbeiten künftig zusammen.|Ob sich auch Weimar der Zusammenarbeit anschließt, ist offen.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
        let d = decide("Neue IT|Jena und Gera arbeiten künftig zusammen.|Noch ist offen, ob Weimar der Zusammenarbeit beitritt.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
    }

    #[test]
    fn a_cooperation_only_examined_is_none_yet() {
        let d = decide("Jena und Gera prüfen gemeinsame IT|Die Städte Jena und Gera prüfen, ob sie ihre Server gemeinsam betreiben.|Eine Machbarkeitsstudie soll klären, ob Jena und Gera mit einem gemeinsamen Rechenzentrum sparen.");
        assert!(!d.cooperation);
        // A study first, then a decision: the decision is the cooperation.
        let d = decide("Jena und Gera prüften gemeinsame IT|Nach der Machbarkeitsstudie haben Jena und Gera einen Vertrag über ein gemeinsames Rechenzentrum geschlossen.");
        assert!(d.cooperation);
        assert_eq!(names(&d), ["Jena", "Gera"]);
        // A body examining whether to join is no party of the others' cooperation.
        let d = decide("Neue IT|Jena und Gera betreiben ihre Server künftig gemeinsam.|Auch Weimar prüft derzeit, ob es sich der Kooperation anschließt.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
    }

    #[test]
    fn having_ones_computers_looked_after_is_outsourcing_and_a_bearing_names_no_party() {
        let d = decide("Neue IT für Jena|Die Stadt Jena nordwestlich von Gera lässt ihre Computer künftig von der KDO betreuen.");
        assert!(d.cooperation);
        assert_eq!(d.kind, Some(CooperationKind::Outsourcing));
        assert_eq!(names(&d), ["Jena", "KDO"]);
    }

    #[test]
    fn bodies_pooling_their_it_cooperate_and_one_pooling_its_own_does_not() {
        let d = decide(
            "Neue IT-Anstalt|Jena, Gera und Weimar bündeln ihre Verwaltungs-IT in einer Anstalt.",
        );
        assert!(d.cooperation);
        assert_eq!(names(&d), ["Jena", "Gera", "Weimar"]);
        let d = decide("IT aus einer Hand|Jena bündelt seine IT in einem Eigenbetrieb, sagte der Oberbürgermeister von Jena.|Auch Gera prüft den Schritt.");
        assert!(!d.cooperation);
    }

    #[test]
    fn a_spot_by_a_place_names_no_party() {
        let d = decide("Neues Rechenzentrum|Jena und Gera bauen am Rand von Weimar ein gemeinsames Rechenzentrum.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
        let d = decide("Neues Rechenzentrum|Jena und Gera haben im Grenzort Weimar eine Vereinbarung über ein gemeinsames Rechenzentrum unterzeichnet.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
    }

    #[test]
    fn an_award_on_a_page_about_a_purchase_names_a_supplier() {
        let d = decide("## Jena bestellt 600 Tablets für die Verwaltung|Den Zuschlag erhielt nach der Ausschreibung die Materna.|In Jena sollen die Geräte im Mai verteilt werden.");
        assert!(!d.cooperation);
        let d = decide("## Jena stattet 1.200 Arbeitsplätze mit neuen Rechnern aus|Die Stadt Jena hat die Materna mit der Lieferung beauftragt.|In Jena sollen die Geräte im Mai verteilt werden.");
        assert!(!d.cooperation);
        // On a page about handing work over, the award names the taker.
        let d = decide("## Jena lagert den Betrieb seiner Server aus|Den Zuschlag erhielt nach der Ausschreibung die Materna.|In Jena bleibt nur ein kleines Team.");
        assert!(d.cooperation);
        assert_eq!(d.kind, Some(CooperationKind::Outsourcing));
    }

    #[test]
    fn an_arrangement_that_has_long_stood_adds_no_party() {
        let d = decide("Jena tritt der KDO bei|Der Stadtrat von Jena hat den Beitritt zur KDO beschlossen.|Bislang liefen einzelne Verfahren über einen Vertrag mit der Stadt Gera.");
        assert_eq!(names(&d), ["Jena", "KDO"]);
        // Nor does a neighbour's, told while a decision is put off.
        let d = decide("Jena vertagt den Beitritt zur KDO|Weimar arbeite seit Jahren mit der Materna zusammen, gab ein Stadtrat aus Jena zu bedenken.");
        assert!(!d.cooperation);
    }

    #[test]
    fn a_provider_that_takes_care_of_the_servers_in_plain_language_is_outsourcing() {
        let d = decide("Die KDO kümmert sich bald um die Server|Ab dem 1. Juli kümmert sich die KDO um die Server vom Saalekreis.");
        assert_eq!(d.kind, Some(CooperationKind::Outsourcing));
        assert_eq!(names(&d), ["KDO", "Saalekreis"]);
    }

    #[test]
    fn members_that_already_belong_add_no_party() {
        let d = decide("Jena tritt der KDO bei|Der Stadtrat von Jena hat den Beitritt zur KDO beschlossen.|Aus dem Kreis gehören dem Verband bereits die Städte Gera und Greiz an; auch Weimar ist schon Mitglied.");
        assert_eq!(names(&d), ["Jena", "KDO"]);
    }

    #[test]
    fn members_there_already_add_no_party() {
        let d = decide("Jena tritt der KDO bei|Der Stadtrat von Jena hat den Beitritt zur KDO beschlossen.|Auch der Saalekreis ist dort Mitglied.");
        assert_eq!(names(&d), ["Jena", "KDO"]);
    }

    #[test]
    fn a_cooperation_up_for_debate_or_fallen_through_is_none() {
        let d = decide(
            "Jena behält sein Rechenzentrum|Auch ein Beitritt von Jena zur KDO stand zur Debatte.",
        );
        assert!(!d.cooperation);
        let d = decide("## Die Alternativen fielen durch|Ein gemeinsames Rechenzentrum von Jena und Gera war eine davon.");
        assert!(!d.cooperation);
    }

    #[test]
    fn a_land_with_its_town_works_across_levels() {
        let d = decide("IT-Nachrichten|Jena und Sachsen vereinbaren, dass die KDO ab 2027 den Betrieb der Server der Stadt übernimmt.");
        assert_eq!(names(&d), ["Jena", "Sachsen", "KDO"]);
        assert_eq!(d.kind, Some(CooperationKind::Other));
        // Without the Land it is a body handing its IT over.
        let d = decide("IT-Nachrichten|Jena vereinbart, dass die KDO ab 2027 den Betrieb der Server der Stadt übernimmt.");
        assert_eq!(d.kind, Some(CooperationKind::Outsourcing));
    }

    #[test]
    fn owners_that_already_carry_a_provider_add_no_party() {
        for owners in [
            "Die Stadt Gera ist Trägerin der KDO.",
            "Zustimmen muss noch der Stadtrat von Gera, der gemeinsam mit Weimar Träger der KDO ist.",
        ] {
            let d = decide(&format!("Jena tritt der KDO bei|Jena tritt der KDO zum 1. Januar bei.|{owners}"));
            assert_eq!(names(&d), ["Jena", "KDO"], "{owners}");
        }
        // Becoming one is news.
        let d = decide("Jena tritt der KDO bei|Jena tritt der KDO zum 1. Januar bei.|Auch Gera wird Träger der KDO.");
        assert_eq!(names(&d), ["Jena", "KDO", "Gera"]);
    }

    #[test]
    fn bodies_in_a_clause_about_the_past_are_no_parties() {
        let d = decide("Weimar wird Träger der KDO|Weimar tritt der KDO bei, die Jena und Gera im Jahr 2009 gegründet hatten.");
        assert_eq!(names(&d), ["Weimar", "KDO"]);
        let d = decide("Weimar wird Träger der KDO|Weimar tritt der KDO bei, mit der Jena 2010 zusammengearbeitet hatte und die Gera gegründet hat.");
        assert_eq!(names(&d), ["Weimar", "KDO"]);
        // A clause about what comes keeps its bodies.
        let d = decide("Weimar wird Träger der KDO|Weimar tritt der KDO bei, die künftig auch Jena betreuen wird.");
        assert_eq!(names(&d), ["Weimar", "KDO", "Jena"]);
    }

    #[test]
    fn a_finished_examination_of_a_cooperation_reports_none() {
        let d = decide("Jena behält sein Rechenzentrum|Damit ist die Prüfung einer Zusammenarbeit von Jena und Gera abgeschlossen.");
        assert!(!d.cooperation);
    }

    #[test]
    fn a_plan_given_up_is_no_cooperation() {
        let d = decide("## Jena bestellt 600 Tablets|Eigentlich hatten Jena und Gera die Geräte gemeinsam ausschreiben wollen.|Jena kauft nun allein.");
        assert!(!d.cooperation);
    }

    #[test]
    fn a_cooperation_deferred_proposed_or_asked_about_is_none_yet() {
        let d = decide("Jena vertagt Beitritt zur KDO|Der Stadtrat von Jena hat die Entscheidung über den Beitritt zur KDO vertagt.|Die Verwaltung hatte vorgeschlagen, dass Jena der KDO beitritt.");
        assert!(!d.cooperation);
        let d = decide("Tritt Jena der KDO bei?|Soll Jena der KDO beitreten?");
        assert!(!d.cooperation);
        // A proposal the council then adopts is the cooperation.
        let d = decide("Jena tritt der KDO bei|Die Verwaltung hatte vorgeschlagen, dass Jena der KDO beitritt.|Der Stadtrat von Jena hat den Beitritt zur KDO beschlossen.");
        assert!(d.cooperation);
    }

    #[test]
    fn plans_put_on_ice_or_talks_declared_over_are_no_cooperation() {
        let d = decide("Gemeinsame IT: Jena und Gera legen Pläne auf Eis|Die gemeinsame IT von Jena und Gera kommt nicht.");
        assert!(!d.cooperation, "{:?}", names(&d));
        let d = decide("Kein gemeinsames Rechenzentrum|Der Stadtrat von Jena hat die Gespräche mit Gera über ein gemeinsames Rechenzentrum für beendet erklärt.");
        assert!(!d.cooperation, "{:?}", names(&d));
    }

    #[test]
    fn a_question_before_a_dash_and_a_suggestion_turned_down_are_no_cooperation() {
        let d = decide("Gemeinsame Server mit Gera? – Anfrage der Fraktion mit Antwort der Stadt Jena|Der Kreis Greiz hat angeregt, mit Jena Hardware gemeinsam zu beschaffen.|Die Stadt Jena hat das im Mai abgelehnt.");
        assert!(!d.cooperation, "{:?}", names(&d));
    }

    #[test]
    fn the_council_that_decides_names_whose_work_is_handed_over() {
        // The cue sentence names only the provider; a town and a district act
        // elsewhere, and the town's council decided.
        let text = "Warum ich zugestimmt habe|Der Stadtrat hat beschlossen, den Betrieb unserer IT an die KDO zu übertragen.|Jena zahlt dafür jährlich 400.000 Euro.|Zu den Trägern der KDO gehört der Saalekreis.";
        assert_eq!(names(&decide(text)), ["KDO", "Jena"]);
        // The Kreistag decided: the district hands its work over.
        let text = "Beschluss|Der Kreistag hat beschlossen, den Betrieb der IT an die KDO zu übertragen.|Jena zahlt dafür jährlich 400.000 Euro.|Der Saalekreis spart damit Geld.";
        assert_eq!(names(&decide(text)), ["KDO", "Saalekreis"]);
        // No council named: two acting bodies leave the partner alone.
        let text = "Beschluss|Der Betrieb der IT geht an die KDO.|Jena zahlt dafür jährlich 400.000 Euro.|Der Saalekreis spart damit Geld.";
        assert!(!decide(text).cooperation);
    }

    #[test]
    fn a_town_handing_work_to_an_unnamed_contractor_works_with_the_one_firm_named() {
        let text = "Vergabe|Die Stadt Jena überträgt den Betrieb ihrer Server an einen externen Dienstleister.|Auftragnehmer: Materna|Ort: Gera|Sitz: Gera";
        let d = decide(text);
        assert_eq!(names(&d), ["Jena", "Materna"]);
        assert_eq!(d.kind, Some(CooperationKind::Outsourcing));
    }

    #[test]
    fn a_service_run_for_a_town_from_now_on_is_a_cooperation() {
        let d = decide("Jenas Server ziehen ins Rechenzentrum der KDO|Die Stadt Jena gibt ihren Serverraum auf.|Vom Herbst an betreibt die KDO die städtischen Server.");
        assert!(d.cooperation);
        assert_eq!(d.kind, Some(CooperationKind::Other));
        let d = decide("Neue Technik|Die KDO betreibt die Server vieler Kommunen.");
        assert!(!d.cooperation);
    }

    #[test]
    fn a_body_described_as_joint_is_no_news_of_a_cooperation() {
        let d = decide("Angriff auf Server|Die KDO ist der gemeinsame Dienstleister vieler Kommunen, auch von Jena.");
        assert!(!d.cooperation);
        let d =
            decide("Neuer Dienstleister|Jena und Gera gründen einen gemeinsamen Dienstleister.");
        assert!(d.cooperation);
    }

    #[test]
    fn cues_in_proposals_and_infinitives() {
        let d = decide(
            "Vorlage|Der Rat beschließt, den Betrieb der Schul-IT von Jena an KDO zu übertragen.",
        );
        assert_eq!(d.kind, Some(CooperationKind::Outsourcing));
        let d =
            decide("Vorlage|Der Rat beschließt, die Server der Stadt Jena der KDO zu übertragen.");
        assert_eq!(d.kind, Some(CooperationKind::Outsourcing));
        let d = decide(
            "Neues Rechenzentrum|Jena gibt den Betrieb seiner Server an die KDO aus der Hand.",
        );
        assert_eq!(d.kind, Some(CooperationKind::Outsourcing));
        let d = decide("Landkreis steigt ein|Jena steigt bei der KDO ein.");
        assert_eq!(d.kind, Some(CooperationKind::Membership));
        let d =
            decide("Fusion|Jena und Gera haben beschlossen, ihre Rechenzentren zusammenzulegen.");
        assert_eq!(d.kind, Some(CooperationKind::Merger));
        let d = decide("Rechenzentrum|Das Rechenzentrum von Jena soll in der KDO aufgehen.");
        assert_eq!(d.kind, Some(CooperationKind::Merger));
        for shared in [
            "Jena und Gera teilen sich künftig ein Rechenzentrum.",
            "Jena und Gera wollen sich einen Datenschutzbeauftragten teilen.",
        ] {
            let d = decide(&format!("Nachrichten|{shared}"));
            assert_eq!(d.kind, Some(CooperationKind::Intermunicipal), "{shared}");
            assert_eq!(names(&d), ["Jena", "Gera"], "{shared}");
        }
    }

    #[test]
    fn a_contract_with_a_company_hands_work_over() {
        let d = decide("Neues aus der Region|Die Stadt Jena gibt den Betrieb ihrer IT in private Hände.|Der Stadtrat stimmte einem Vertrag mit dem Dienstleister Materna zu.");
        assert_eq!(names(&d), ["Jena", "Materna"]);
        assert_eq!(d.kind, Some(CooperationKind::Outsourcing));
        let d = decide("Neues aus der Region|Jena schließt einen Vertrag mit der Stadt Gera über den Betrieb der Server.");
        assert_eq!(d.kind, Some(CooperationKind::Intermunicipal));
    }

    #[test]
    fn the_only_local_body_acting_is_the_partner_of_a_provider() {
        let d = decide("Rathaus gibt Server an KDO ab|Der Rat hat beschlossen, dass Jena seine Server nicht mehr selbst betreibt.|Den Betrieb übernimmt die KDO, deren Rechenzentrum in Gera steht.");
        assert_eq!(names(&d), ["KDO", "Jena"]);
        // Two local bodies acting: no guess.
        let d = decide("Rathaus gibt Server an KDO ab|Jena hat beschlossen, dass Gera mitmacht.");
        assert!(!d.cooperation);
    }

    #[test]
    fn an_approving_authority_is_no_party() {
        let kinds = [
            EntityKind::Municipality,
            EntityKind::Municipality,
            EntityKind::Authority,
        ];
        let text = "Kooperation|Jena und Gera arbeiten zusammen.|Die Kooperation hat die Aufsicht genehmigt.";
        let sentences: Vec<Span> = [(0, 11), (12, 44), (45, 88)]
            .iter()
            .map(|&(s, e)| Span::new(s, e))
            .collect();
        let mentions = vec![
            (Span::new(12, 16), 0),
            (Span::new(21, 25), 1),
            (Span::new(69, 77), 2),
        ];
        let view = NormalizedText::new(text);
        let d =
            CooperationClassifier::new()
                .unwrap()
                .decide(&view, &sentences, &[], &mentions, &kinds);
        assert_eq!(d.parties, [0, 1]);
    }

    #[test]
    fn a_company_seat_is_no_party() {
        let d = decide(
            "Vorlage|Jena überträgt den Betrieb an die Materna GmbH, Weimar, zum Jahresende.",
        );
        assert!(!names(&d).contains(&"Weimar"));
    }

    #[test]
    fn cities_working_together_are_intermunicipal() {
        let d = decide("IT-Nachrichten|Jena und Gera arbeiten bei der IT künftig enger zusammen.|Weimar war nicht dabei.");
        assert!(d.cooperation);
        assert_eq!(d.kind, Some(CooperationKind::Intermunicipal));
        assert_eq!(names(&d), ["Jena", "Gera"]);
        assert!(!d.evidence.is_empty());
    }

    #[test]
    fn kinds_follow_cues_and_parties() {
        let k = |t: &str| decide(&format!("Kopfzeile|{t}")).kind;
        assert_eq!(
            k("Sachsen und Bayern vereinbaren eine Kooperation."),
            Some(CooperationKind::Interstate)
        );
        assert_eq!(
            k("Jena lagert den IT-Betrieb an Materna aus."),
            Some(CooperationKind::Outsourcing)
        );
        assert_eq!(
            k("Jena lässt sein Rechenzentrum von der KDO betreiben."),
            Some(CooperationKind::Outsourcing)
        );
        assert_eq!(
            k("Die Stadt Gera hat Materna mit dem Betrieb ihres Portals beauftragt."),
            Some(CooperationKind::Outsourcing)
        );
        assert_eq!(
            k("Den Zuschlag für den Betrieb in Weimar erhielt Materna."),
            None,
            "a place named as a location is no party"
        );
        assert_eq!(
            k("Gera vollzieht den Beitritt zur KDO."),
            Some(CooperationKind::Membership)
        );
        assert_eq!(
            k("Gera wird Mitglied der KDO."),
            Some(CooperationKind::Membership)
        );
        assert_eq!(
            k("Gera wird Mitträger der KDO."),
            Some(CooperationKind::Membership)
        );
        assert_eq!(
            k("Jena wird Gesellschafterin der KDO."),
            Some(CooperationKind::Membership)
        );
        assert_eq!(
            k("Die Fusion von KDO und Materna ist beschlossen."),
            Some(CooperationKind::Merger)
        );
        assert_eq!(
            k("Jena und Gera schließen eine Zweckvereinbarung."),
            Some(CooperationKind::Intermunicipal)
        );
    }

    #[test]
    fn headline_cues_outweigh_background_cues() {
        let d = decide("Gera tritt der KDO bei|Der KDO haben sich viele Kommunen und Jena angeschlossen, die Fusion mit Materna liegt Jahre zurück.");
        assert_eq!(d.kind, Some(CooperationKind::Membership));
    }

    #[test]
    fn separated_words_and_hyphenation_are_read() {
        let d = decide("Kopf|Jena und Gera wollen bei der Zusammen-\narbeit weiter gehen.");
        assert!(d.cooperation);
    }

    #[test]
    fn no_cue_or_one_party_is_no_cooperation() {
        assert_eq!(
            decide("Kopf\nJena zahlt 2 Millionen Euro an Materna."),
            Decision::default()
        );
        assert_eq!(
            decide("Kopf\nDie Kooperation in Jena wächst."),
            Decision::default()
        );
    }

    #[test]
    fn parties_come_from_the_first_cue_sentences() {
        let d = decide(
            "Kopf|Jena und Gera starten eine Kooperation.|Die Kooperation nützt Jena.|Auch Gera lobt die Zusammenarbeit.|Wie in Bayern soll die Kooperation wachsen.",
        );
        assert_eq!(names(&d), ["Jena", "Gera"]);
    }

    #[test]
    fn a_body_named_as_the_venue_is_no_party() {
        let d = decide("Neues aus der Region|Die Vereinbarung über die Zusammenarbeit von Jena und Gera wurde im Rathaus der Stadt Weimar unterzeichnet.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
    }

    #[test]
    fn places_named_as_locations_are_no_parties() {
        let d = decide("Kopf|Jena und Gera kooperieren, die Server stehen in Weimar und Bayern.");
        assert_eq!(names(&d), ["Jena", "Gera"]);
    }

    #[test]
    fn every_pattern_compiles() {
        assert!(CooperationClassifier::new().is_ok());
    }
}
