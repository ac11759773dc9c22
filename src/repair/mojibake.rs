//! UTF-8 that was decoded as Windows-1252 and encoded again, read back.
//!
//! A page whose UTF-8 bytes were once decoded as Windows-1252 (or Latin-1) and
//! encoded again reaches us as valid UTF-8 that spells "Münster" as "MÃ¼nster" and
//! a dash as "â€“": every umlaut, "ß" and typographic mark becomes two or three
//! characters. The same happens when a UTF-8 file holds one stray Latin-1 byte, so
//! that the whole file is decoded as Windows-1252.
//!
//! Only the lead characters of the sequences German and its punctuation produce are
//! read back: "Â" and "Ã" (U+0080 … U+00FF: umlauts, "ß", "§", "°", no-break space),
//! "Å" (U+0140 … U+017F) and "â" (U+2000 … U+2FFF: dashes, quotes, "€"). A lead is
//! repaired only when the characters after it spell valid UTF-8 bytes, which text
//! written as meant practically never does.

use super::{Repaired, Writer};

/// The characters that open a garbled sequence, with the byte each stood for.
const LEADS: [(char, u8); 4] = [('Â', 0xC2), ('Ã', 0xC3), ('Å', 0xC5), ('â', 0xE2)];

/// `text` with its double-decoded UTF-8 read back, or `None` when it holds none.
pub fn read(text: &str) -> Option<Repaired> {
    // Every lead is U+00C2 … U+00E2, two UTF-8 bytes starting with 0xC3: most
    // texts are passed over by one scan for that byte.
    let bytes = text.as_bytes();
    if !memchr::memchr_iter(0xC3, bytes)
        .any(|i| matches!(bytes.get(i + 1), Some(0x82 | 0x83 | 0x85 | 0xA2)))
    {
        return None;
    }
    let mut out = Writer::default();
    let mut repairs = 0;
    let mut copied = 0;
    for (at, c) in text.char_indices() {
        if at < copied {
            continue;
        }
        let Some(&(_, lead)) = LEADS.iter().find(|(l, _)| *l == c) else {
            continue;
        };
        let Some((meant, len)) = read_back(lead, &text[at + c.len_utf8()..]) else {
            continue;
        };
        out.copy(text, copied..at);
        let original_end = at + c.len_utf8() + len;
        out.replace(meant.encode_utf8(&mut [0; 4]), at..original_end);
        repairs += 1;
        copied = original_end;
    }
    if repairs == 0 {
        return None;
    }
    out.copy(text, copied..text.len());
    Some(out.finish(format!(
        "double-encoded UTF-8: {repairs} characters read back"
    )))
}

/// The character whose UTF-8 bytes are `lead` and the bytes the characters at the
/// start of `rest` stood for, with the length of those characters in `rest`.
fn read_back(lead: u8, rest: &str) -> Option<(char, usize)> {
    let continuations = if lead >= 0xE0 { 2 } else { 1 };
    let mut bytes = [lead, 0, 0];
    let mut len = 0;
    let mut chars = rest.chars();
    for slot in bytes.iter_mut().skip(1).take(continuations) {
        let c = chars.next()?;
        *slot = continuation_byte(c)?;
        len += c.len_utf8();
    }
    let meant = std::str::from_utf8(&bytes[..=continuations])
        .ok()?
        .chars()
        .next()?;
    Some((meant, len))
}

/// The byte 0x80 … 0xBF that `c` stands for when such a byte was decoded as
/// Windows-1252 (or, for the bytes it leaves undefined, as Latin-1).
fn continuation_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0x80..=0xBF).contains(&code) {
        return u8::try_from(code).ok();
    }
    // Windows-1252's own characters for the bytes 0x80 … 0x9F ("€", "„", "–").
    let mut buffer = [0; 4];
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buffer));
    match *bytes {
        [byte @ 0x80..=0x9F] if !unmappable => Some(byte),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    /// `meant` garbled as a Windows-1252 reader garbles its UTF-8 bytes.
    fn garbled(meant: &str) -> String {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(meant.as_bytes())
            .0
            .into_owned()
    }

    #[test]
    fn german_letters_and_marks_are_read_back() {
        let meant = "Die Städte Münster und Gütersloh – „gemeinsam“ für 1,5 Mio. € · Straße §3, 20 °C, ÄÖÜ\u{a0}ß";
        let text = garbled(meant);
        assert!(text.contains("MÃ¼nster"), "{text}");
        let repaired = read(&text).expect("the garbled text is repaired");
        assert_eq!(repaired.text, meant);
    }

    #[test]
    fn offsets_lead_back_to_the_garbled_bytes() {
        let text = garbled("Oberbürgermeister Jörg Bär sagte:");
        let repaired = read(&text).unwrap();
        let name = repaired.text.find("Jörg Bär").unwrap();
        let span = repaired
            .original_span(name, name + "Jörg Bär".len())
            .unwrap();
        assert_eq!(span.slice(&text), Some("JÃ¶rg BÃ¤r"));
        // Text before the first repair keeps its offsets; a span cannot end
        // inside a repaired character.
        assert_eq!(repaired.original_span(0, 4), Some(Span::new(0, 4)));
        let umlaut = repaired.text.find('ü').unwrap();
        assert_eq!(repaired.original_span(0, umlaut + 1), None);
    }

    #[test]
    fn text_written_as_meant_is_left_alone() {
        for text in [
            "Die Stadt Münster und der Kreis Gütersloh – gemeinsam.",
            "Ärger über Änderungen: »Spaß« am Château, São Paulo, Â-Klasse",
            "",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn a_lead_without_valid_bytes_after_it_stays() {
        let repaired = read("Ã¼ber Ã und Ã‰x").unwrap();
        assert_eq!(repaired.text, "über Ã und Éx");
    }
}
