//! Character references (`&uuml;`, `&#252;`, `&#xFC;`) read at a byte offset of the
//! raw page.
//!
//! The page text keeps its references: spans point at the raw bytes, so a mention
//! written `M&uuml;nchen` is reported with exactly those bytes. Matching needs the
//! character they stand for; [`char_reference_at`] gives it, together with how many
//! bytes the reference takes, so a normalised view can map each decoded character
//! back to its raw bytes.
//!
//! Numeric references follow the HTML rules: code points 0x80 to 0x9F are read as
//! Windows-1252 (`&#150;` is an en dash, as German CMSs write it), zero, surrogates
//! and code points past U+10FFFF become U+FFFD, and the closing `;` may be missing.
//! Named references cover the entities of German and general web text; a name
//! without its `;` is read only for the legacy Latin-1 names browsers accept so
//! (`&auml`, `&nbsp`, `&amp`).

/// Named references: name, character, and whether the name is also read without `;`.
const NAMED: &[(&str, char, bool)] = &[
    ("AElig", 'Æ', true),
    ("Aacute", 'Á', true),
    ("Acirc", 'Â', true),
    ("Agrave", 'À', true),
    ("Aring", 'Å', true),
    ("Atilde", 'Ã', true),
    ("Auml", 'Ä', true),
    ("Ccedil", 'Ç', true),
    ("Eacute", 'É', true),
    ("Ecirc", 'Ê', true),
    ("Egrave", 'È', true),
    ("Euml", 'Ë', true),
    ("Iacute", 'Í', true),
    ("Icirc", 'Î', true),
    ("Igrave", 'Ì', true),
    ("Iuml", 'Ï', true),
    ("Ntilde", 'Ñ', true),
    ("OElig", 'Œ', false),
    ("Oacute", 'Ó', true),
    ("Ocirc", 'Ô', true),
    ("Ograve", 'Ò', true),
    ("Oslash", 'Ø', true),
    ("Otilde", 'Õ', true),
    ("Ouml", 'Ö', true),
    ("Scaron", 'Š', false),
    ("Uacute", 'Ú', true),
    ("Ucirc", 'Û', true),
    ("Ugrave", 'Ù', true),
    ("Uuml", 'Ü', true),
    ("Yacute", 'Ý', true),
    ("aacute", 'á', true),
    ("acirc", 'â', true),
    ("acute", '´', true),
    ("aelig", 'æ', true),
    ("agrave", 'à', true),
    ("amp", '&', true),
    ("apos", '\'', false),
    ("aring", 'å', true),
    ("atilde", 'ã', true),
    ("auml", 'ä', true),
    ("bdquo", '„', false),
    ("brvbar", '¦', true),
    ("bull", '•', false),
    ("ccedil", 'ç', true),
    ("cent", '¢', true),
    ("copy", '©', true),
    ("dagger", '†', false),
    ("deg", '°', true),
    ("divide", '÷', true),
    ("eacute", 'é', true),
    ("ecirc", 'ê', true),
    ("egrave", 'è', true),
    ("emsp", '\u{2003}', false),
    ("ensp", '\u{2002}', false),
    ("euml", 'ë', true),
    ("euro", '€', false),
    ("frac12", '½', true),
    ("frac14", '¼', true),
    ("frac34", '¾', true),
    ("gt", '>', true),
    ("hellip", '…', false),
    ("iacute", 'í', true),
    ("icirc", 'î', true),
    ("iexcl", '¡', true),
    ("igrave", 'ì', true),
    ("iquest", '¿', true),
    ("iuml", 'ï', true),
    ("laquo", '«', true),
    ("ldquo", '“', false),
    ("lsaquo", '‹', false),
    ("lsquo", '‘', false),
    ("lt", '<', true),
    ("mdash", '—', false),
    ("micro", 'µ', true),
    ("middot", '·', true),
    ("minus", '−', false),
    ("nbsp", '\u{A0}', true),
    ("ndash", '–', false),
    ("not", '¬', true),
    ("ntilde", 'ñ', true),
    ("oacute", 'ó', true),
    ("ocirc", 'ô', true),
    ("oelig", 'œ', false),
    ("ograve", 'ò', true),
    ("ordf", 'ª', true),
    ("ordm", 'º', true),
    ("oslash", 'ø', true),
    ("otilde", 'õ', true),
    ("ouml", 'ö', true),
    ("para", '¶', true),
    ("permil", '‰', false),
    ("plusmn", '±', true),
    ("pound", '£', true),
    ("prime", '′', false),
    ("quot", '"', true),
    ("raquo", '»', true),
    ("rdquo", '”', false),
    ("reg", '®', true),
    ("rsaquo", '›', false),
    ("rsquo", '’', false),
    ("sbquo", '‚', false),
    ("scaron", 'š', false),
    ("sect", '§', true),
    ("shy", '\u{AD}', true),
    ("sup1", '¹', true),
    ("sup2", '²', true),
    ("sup3", '³', true),
    ("szlig", 'ß', true),
    ("thinsp", '\u{2009}', false),
    ("times", '×', true),
    ("trade", '™', false),
    ("uacute", 'ú', true),
    ("ucirc", 'û', true),
    ("ugrave", 'ù', true),
    ("uml", '¨', true),
    ("uuml", 'ü', true),
    ("yacute", 'ý', true),
    ("yen", '¥', true),
    ("yuml", 'ÿ', true),
    ("zwj", '\u{200D}', false),
    ("zwnj", '\u{200C}', false),
];

/// Longest entity name in [`NAMED`].
const MAX_NAME: usize = 6;

/// Windows-1252 characters for numeric references 0x80..=0x9F (HTML's rule).
const C1: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The character a reference starting at byte `at` of `text` stands for, and the
/// reference's length in bytes. `None` when no known reference starts there (also
/// when `at` is out of bounds or not on a `&`).
pub fn char_reference_at(text: &str, at: usize) -> Option<(char, usize)> {
    let rest = text.as_bytes().get(at..)?;
    if rest.first() != Some(&b'&') {
        return None;
    }
    if rest.get(1) == Some(&b'#') {
        numeric(rest)
    } else {
        named(rest)
    }
}

/// `&#252;`, `&#xFC;` (the `;` may be missing).
fn numeric(rest: &[u8]) -> Option<(char, usize)> {
    let hex = matches!(rest.get(2), Some(b'x' | b'X'));
    let digits_at = if hex { 3 } else { 2 };
    let radix = if hex { 16 } else { 10 };
    let digits = rest
        .get(digits_at..)?
        .iter()
        .take_while(|b| char::from(**b).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let mut value: u32 = 0;
    for &b in &rest[digits_at..digits_at + digits] {
        let d = char::from(b).to_digit(radix)?;
        // Saturate: any value past U+10FFFF decodes to U+FFFD.
        value = value.saturating_mul(radix).saturating_add(d);
    }
    let mut len = digits_at + digits;
    if rest.get(len) == Some(&b';') {
        len += 1;
    }
    let c = match value {
        0x80..=0x9F => C1[usize::try_from(value - 0x80).ok()?],
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    };
    Some((c, len))
}

/// `&uuml;`, and the legacy names without `;`.
fn named(rest: &[u8]) -> Option<(char, usize)> {
    let name_len = rest
        .get(1..)?
        .iter()
        .take(MAX_NAME + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = std::str::from_utf8(rest.get(1..1 + name_len)?).ok()?;
    if rest.get(1 + name_len) == Some(&b';') {
        if let Some(&(_, c, _)) = NAMED.iter().find(|(n, _, _)| *n == name) {
            return Some((c, name_len + 2));
        }
    }
    // Without `;`: the longest legacy name the letters start with, as browsers read
    // text ("&aumlaut" is "äaut", "&copy2020" is "©2020").
    NAMED
        .iter()
        .filter(|(n, _, legacy)| *legacy && name.starts_with(n))
        .max_by_key(|(n, _, _)| n.len())
        .map(|&(n, c, _)| (c, n.len() + 1))
}

/// The text of `raw` with every known reference resolved.
pub fn decode_references(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while let Some(off) = raw.get(i..).and_then(|r| r.find('&')) {
        out.push_str(&raw[i..i + off]);
        let at = i + off;
        match char_reference_at(raw, at) {
            Some((c, len)) => {
                out.push(c);
                i = at + len;
            }
            None => {
                out.push('&');
                i = at + 1;
            }
        }
    }
    out.push_str(raw.get(i..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric() {
        let t = "M&uuml;nchen &#252; &#xFC; &#XfC &nbsp;x &bdquo;Hallo&ldquo;";
        assert_eq!(char_reference_at(t, 1), Some(('ü', 6)));
        assert_eq!(char_reference_at(t, 13), Some(('ü', 6)));
        assert_eq!(char_reference_at(t, 20), Some(('ü', 6)));
        assert_eq!(char_reference_at(t, 27), Some(('ü', 5)), "no semicolon");
        assert_eq!(decode_references(t), "München ü ü ü \u{A0}x „Hallo“");
    }

    #[test]
    fn html_rules_for_odd_numbers() {
        assert_eq!(char_reference_at("&#150;", 0), Some(('–', 6)));
        assert_eq!(char_reference_at("&#0;", 0), Some(('\u{FFFD}', 4)));
        assert_eq!(char_reference_at("&#xD800;", 0), Some(('\u{FFFD}', 8)));
        assert_eq!(
            char_reference_at("&#99999999999999999999;", 0),
            Some(('\u{FFFD}', 23))
        );
    }

    #[test]
    fn not_references() {
        for (t, at) in [
            ("& und", 0),
            ("&#;", 0),
            ("&#x;", 0),
            ("&unknown;", 0),
            ("&euro", 0),
            ("abc", 0),
            ("&", 5),
            ("ü", 1),
        ] {
            assert_eq!(char_reference_at(t, at), None, "{t:?} at {at}");
        }
        assert_eq!(decode_references("A & B &amp C"), "A & B & C");
        assert_eq!(decode_references("&aumlaut &copy2020"), "äaut ©2020");
    }
}
