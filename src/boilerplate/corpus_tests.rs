//! Golden check over the five sample articles in `corpus/`: title and publication
//! date as the gold gives them, and no name the gold lists as boilerplate-only
//! (`absent`) inside a content block. The expected values are copied from the gold
//! file; no rule reads them.

use super::{Block, BoilerplateClassifier};
use crate::decode::decode;
use crate::extract::published::find_published;
use crate::extract::title::find_title;

struct Golden {
    file: &'static str,
    titles: &'static [&'static str],
    published: Option<&'static str>,
    absent: &'static [&'static str],
}

const GOLDEN: &[Golden] = &[
    Golden {
        file: "000_8cdba4f73541b247.txt",
        titles: &["Interkommunale Kooperation", "Mitteldeutschland: Interkommunale Kooperation"],
        published: Some("2009-12-04"),
        absent: &["Hagenow", "Mecklenburg-Vorpommern", "Prosoz", "VSK Software", "Ortenaukreis", "Baden-Württemberg", "Smart Village", "2024"],
    },
    Golden {
        file: "001_eb9f1d5088d4dd49.txt",
        titles: &[
            "Zukunftsweisend: Kommunales IT-Kompetenzzentrum entsteht in Mitteldeutschland",
            "Kommunales IT-Kompetenzzentrum entsteht in Mitteldeutschland",
        ],
        published: None,
        absent: &["+49 341 25380", "75778"],
    },
    Golden {
        file: "002_e9a01deda4aafb71.txt",
        titles: &["Kooperation für IT", "Saarbrücken / Saarpfalz-Kreis: Kooperation für IT"],
        published: Some("2014-05-22"),
        absent: &[
            "Düsseldorf", "Thüringen", "Schleswig-Holstein", "Bitkom", "d.velop", "Gescher",
            "TSA Public Service GmbH", "Halle (Saale)", "Nagarro", "Leverkusen",
            "NCP engineering GmbH", "Nürnberg", "SEITENBAU GmbH", "Konstanz",
            "Nordrhein-Westfalen", "Nationaler Normenkontrollrat", "2024",
        ],
    },
    Golden {
        file: "003_015e2838ce18890c.txt",
        titles: &[
            "Neue länderübergreifende IT-Kooperation",
            "Neue länderübergreifende IT-Kooperation Beteiligte Länder erwarten mehr Schwung für ihr eGovernment",
        ],
        published: None,
        absent: &["Manfred Klein", "Fotollia", "drubig-photo", "42390686"],
    },
    Golden {
        file: "004_9c5df4e199c19a0a.txt",
        titles: &["IT ausgelagert", "Cottbus: IT ausgelagert"],
        published: Some("2011-03-22"),
        absent: &[
            "Schleswig-Holstein", "Thüringen", "Bitkom", "Nordrhein-Westfalen", "Rheinland-Pfalz",
            "Dortmund", "Leverkusen", "d.velop", "Gescher", "procilon", "Taucha",
            "S-Management Services GmbH", "Stuttgart", "KID Magdeburg", "Magdeburg", "Berlin",
            "2024", "Juni 2025",
        ],
    },
];

#[test]
fn seeds_match_gold() {
    let classifier = BoilerplateClassifier::new();
    let mut failures = Vec::new();
    for g in GOLDEN {
        let path = format!("{}/corpus/{}", env!("CARGO_MANIFEST_DIR"), g.file);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let text = decode(&bytes).unwrap().text;
        let blocks: Vec<Block> = classifier.classify(&text);
        let title = find_title(&text, &blocks);
        if !title.as_deref().is_some_and(|t| g.titles.contains(&t)) {
            failures.push(format!("{}: title {title:?}", g.file));
        }
        let published = find_published(&text, &blocks).map(|d| d.to_string());
        if published.as_deref() != g.published {
            failures.push(format!(
                "{}: published {published:?}, want {:?}",
                g.file, g.published
            ));
        }
        for b in blocks.iter().filter(|b| b.label.is_content()) {
            let line = b.span.slice(&text).unwrap();
            for name in g.absent.iter().filter(|n| line.contains(*n)) {
                failures.push(format!(
                    "{}: {name:?} in {:?} block {line:?}",
                    g.file, b.label
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
