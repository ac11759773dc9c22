//! Properties that hold for any input: every document gives one record without a
//! panic, and every fact in it quotes the bytes its offsets point at.

use coopfacts::decode::decode;
use coopfacts::source::Document;
use coopfacts::{Pipeline, PipelineBuilder, Record};
use proptest::prelude::*;
use std::sync::OnceLock;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| PipelineBuilder::new().build().unwrap())
}

fn check(bytes: &[u8]) -> Result<(), TestCaseError> {
    let record: Record = pipeline().process(&Document::new("prop".into(), bytes.to_vec()));
    let Ok(decoded) = decode(bytes) else {
        prop_assert!(record.error.is_some());
        return Ok(());
    };
    let text = decoded.text;
    for q in record.quotes() {
        prop_assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
    }
    for party in &record.parties {
        prop_assert!(record.entities.iter().any(|e| &e.name == party));
    }
    Ok(())
}

/// Pieces of German press text that trigger every stage, to be shuffled and cut.
const PIECES: &[&str] = &[
    "Die Stadt Leipzig",
    " und der Landkreis Harz ",
    "arbeiten zusammen.",
    "[4.12.2009] ",
    "Oberbürgermeister Dr. Hol-\nger Platz",
    ", Beigeordneter der Stadt Jena,",
    " rund 1,2 Mio. € pro Jahr",
    "Kooperation",
    "\r\n",
    "Weitere Meldungen\n",
    "(Foto: Max)",
    "\u{00AD}",
    "\u{FEFF}",
    "Geschäfts-\nführer",
    "im März",
    " 15.000 Euro",
    "Dataport",
    "Neustadt",
    " (KDO), ",
    "Saarpfalz-Kreises",
    "ß",
    "€",
    "„",
    "<p>",
    "Content-Transfer-Encoding: quoted-printable\n\n",
    "B=C3=BCrgermeisterin Anna Roth",
    "=\n",
    "=C3",
    "=FC=",
    "Ku\u{308}hn",
    "\u{301}",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_one_record_with_valid_quotes(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        check(&bytes)?;
    }

    #[test]
    fn any_mix_of_press_fragments_gives_valid_quotes(
        picks in proptest::collection::vec(0..PIECES.len(), 0..40),
        cut in 0usize..400,
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let bytes = text.as_bytes();
        check(bytes)?;
        check(&bytes[..cut.min(bytes.len())])?;
    }
}
