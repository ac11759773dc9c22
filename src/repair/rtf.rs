//! A document in Rich Text Format, read as its text.
//!
//! Word processors and mail clients save press releases as RTF: the words stand
//! between control words (`\pard\sa200\f0\fs22`), umlauts as escapes
//! (`Oberb\'fcrgermeister`, `\u252?`) and paragraphs end in `\par`, while the
//! file's own line breaks mean nothing. Read as plain text, no name or role
//! matches and the title is the header's syntax. The reading here keeps the
//! text's characters, writes each escape as its character and each paragraph mark
//! as a line break, and leaves out the groups that hold no text (font and colour
//! tables, document properties, pictures, field instructions). Quotes stay the
//! file's own bytes, escapes and control words included.

use super::{Repaired, Writer};

/// Destinations whose group holds no text of the document.
const HIDDEN: &[&str] = &[
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "themedata",
    "colorschememapping",
    "latentstyles",
    "datastore",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "xmlnstbl",
    "fldinst",
    "filetbl",
    "revtbl",
    "header",
    "headerl",
    "headerr",
    "headerf",
    "footer",
    "footerl",
    "footerr",
    "footerf",
    "bkmkstart",
    "bkmkend",
];

/// The text of an RTF document, or `None` when `text` is not one.
pub fn read(text: &str) -> Option<Repaired> {
    let body = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if !body.starts_with("{\\rtf") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Writer::default();
    let mut code_page = encoding_rs::WINDOWS_1252;
    // Per open group: whether its text is hidden, and how many fallback
    // characters follow a `\u` escape.
    let mut groups: Vec<(bool, usize)> = vec![(false, 1)];
    // Fallback characters still to skip after a `\u` escape.
    let mut skip = 0usize;
    // Start of the run of plain characters not yet copied.
    let mut run: Option<usize> = None;
    let mut p = 0;
    while p < bytes.len() {
        let (hidden, uc) = *groups.last().unwrap_or(&(false, 1));
        let b = bytes[p];
        let plain = !matches!(b, b'\\' | b'{' | b'}' | b'\r' | b'\n');
        if plain && !hidden && skip == 0 {
            run.get_or_insert(p);
            p += text[p..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if let Some(start) = run.take() {
            out.copy(text, start..p);
        }
        match b {
            b'{' => {
                groups.push((hidden, uc));
                p += 1;
            }
            b'}' => {
                if groups.len() > 1 {
                    groups.pop();
                }
                skip = 0;
                p += 1;
            }
            b'\r' | b'\n' => p += 1,
            b'\\' => {
                let (control, end) = control_at(text, p);
                let shown = !hidden && skip == 0;
                if skip > 0 && !matches!(control, Control::Word(..)) {
                    skip -= 1;
                } else {
                    match control {
                        Control::Hex(byte) if shown => {
                            let one = [byte];
                            let (meant, _) = code_page.decode_without_bom_handling(&one);
                            out.replace(&meant, p..end);
                        }
                        Control::Symbol(c) if shown => {
                            out.replace(c.encode_utf8(&mut [0; 4]), p..end);
                        }
                        Control::Word(word, n) => {
                            if word == "*" || HIDDEN.contains(&word) {
                                if let Some(group) = groups.last_mut() {
                                    group.0 = true;
                                }
                            } else if word == "ansicpg" {
                                code_page = n
                                    .and_then(|n| {
                                        encoding_rs::Encoding::for_label(
                                            format!("windows-{n}").as_bytes(),
                                        )
                                    })
                                    .unwrap_or(code_page);
                            } else if word == "uc" {
                                if let Some(group) = groups.last_mut() {
                                    group.1 = n.and_then(|n| usize::try_from(n).ok()).unwrap_or(1);
                                }
                            } else if word == "u" && !hidden {
                                let code = n.map(|n| if n < 0 { n + 65_536 } else { n });
                                if let Some(c) = code
                                    .and_then(|c| u32::try_from(c).ok())
                                    .and_then(char::from_u32)
                                {
                                    out.replace(c.encode_utf8(&mut [0; 4]), p..end);
                                }
                                skip = uc;
                            } else if let Some(meant) = shown.then(|| word_text(word)).flatten() {
                                out.replace(meant, p..end);
                            }
                        }
                        _ => {}
                    }
                }
                p = end;
            }
            _ => {
                // A plain character in hidden text or standing in for a `\u`.
                if skip > 0 && !hidden {
                    skip -= 1;
                }
                p += text[p..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
    if let Some(start) = run {
        out.copy(text, start..bytes.len());
    }
    Some(out.finish("RTF read as its text".to_owned()).in_order())
}

/// The text a control word stands for, if any.
fn word_text(word: &str) -> Option<&'static str> {
    Some(match word {
        "par" | "line" | "sect" | "page" | "row" => "\n",
        "tab" | "cell" => "\t",
        "emdash" => "—",
        "endash" => "–",
        "lquote" => "‘",
        "rquote" => "’",
        "ldblquote" => "“",
        "rdblquote" => "”",
        "bullet" => "•",
        _ => return None,
    })
}

/// What a backslash opens.
enum Control<'a> {
    /// A control word with its numeric parameter (`\fs22`, `\u252`).
    Word(&'a str, Option<i64>),
    /// `\'hh`: a byte in the document's code page.
    Hex(u8),
    /// A control symbol that stands for a character (`\~`, `\{`).
    Symbol(char),
    /// A control symbol that stands for nothing (`\-`, an optional hyphen).
    Nothing,
}

/// The control at byte `at` (a backslash) and the byte after it, a space that
/// delimits a control word included.
fn control_at(text: &str, at: usize) -> (Control<'_>, usize) {
    let bytes = text.as_bytes();
    let next = at + 1;
    let Some(&c) = bytes.get(next) else {
        return (Control::Nothing, next);
    };
    if c.is_ascii_alphabetic() {
        let word_end = (next..bytes.len())
            .find(|&i| !bytes[i].is_ascii_alphabetic())
            .unwrap_or(bytes.len());
        let number_start = word_end;
        let mut number_end = number_start;
        if bytes.get(number_end) == Some(&b'-') {
            number_end += 1;
        }
        while bytes.get(number_end).is_some_and(u8::is_ascii_digit) {
            number_end += 1;
        }
        let number = text[number_start..number_end].parse().ok();
        let end = if bytes.get(number_end) == Some(&b' ') {
            number_end + 1
        } else {
            number_end
        };
        return (Control::Word(&text[next..word_end], number), end);
    }
    match c {
        b'\'' => {
            let hex = text
                .get(next + 1..next + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            match hex {
                Some(byte) => (Control::Hex(byte), next + 3),
                None => (Control::Nothing, next + 1),
            }
        }
        b'*' => (Control::Word("*", None), next + 1),
        b'~' => (Control::Symbol('\u{a0}'), next + 1),
        b'_' => (Control::Symbol('-'), next + 1),
        b'\\' | b'{' | b'}' => (Control::Symbol(char::from(c)), next + 1),
        b'\n' | b'\r' => (Control::Symbol('\n'), next + 1),
        _ => (
            Control::Nothing,
            next + text[next..].chars().next().map_or(1, char::len_utf8),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RELEASE: &str = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\n{\\*\\generator Riched20;}{\\info{\\title Entwurf}{\\author Presse}}\\viewkind4\\uc1 \n\\pard\\sa200\\b\\f0\\fs32 Gemeinsames Rechenzentrum f\\'fcr Soest\\b0\\par\n\\pard\\sa200\\f0\\fs22 Oberb\\'fcrgermeister Eckhard Ruth\\~unterschrieb am 3.\\~M\\u228?rz den Vertrag \\'84mit Freude\\'93.\\par\n}";

    #[test]
    fn the_text_is_read_without_syntax() {
        let read = read(RELEASE).expect("an RTF document");
        assert_eq!(
            read.text,
            "Gemeinsames Rechenzentrum für Soest\nOberbürgermeister Eckhard Ruth\u{a0}unterschrieb am 3.\u{a0}März den Vertrag „mit Freude“.\n"
        );
    }

    #[test]
    fn quotes_keep_the_escapes_as_written() {
        let read = read(RELEASE).unwrap();
        let role = read.text.find("Oberbürgermeister").unwrap();
        let span = read
            .original_span(role, role + "Oberbürgermeister".len())
            .unwrap();
        assert_eq!(span.slice(RELEASE), Some("Oberb\\'fcrgermeister"));
        let month = read.text.find("März").unwrap();
        let span = read.original_span(month, month + "März".len()).unwrap();
        assert_eq!(span.slice(RELEASE), Some("M\\u228?rz"));
    }

    #[test]
    fn plain_text_is_no_rtf() {
        assert!(read("Die Stadt Soest {und} der Kreis.").is_none());
    }
}
