//! Reading with a limit, so that no single document, line or header can exhaust
//! memory however large the input is.

use std::io::{self, BufRead, Read};

/// What [`read_line`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Line {
    /// No bytes were left.
    Eof,
    /// A line was consumed (with its `\n`, if it had one).
    Read {
        /// Bytes consumed, the line end included.
        consumed: u64,
        /// The line was longer than the limit: the buffer holds only its first
        /// `limit` bytes, the rest was skipped.
        too_long: bool,
    },
}

/// Reads one line, its `\n` included, into `buf` (cleared first). At most `limit`
/// bytes are kept; the rest of a longer line is consumed and dropped, so memory stays
/// bounded while the reader stays at the start of the next line.
pub(crate) fn read_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Line> {
    buf.clear();
    let mut consumed: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let (take, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), false),
        };
        let room = limit.saturating_sub(buf.len());
        if take > room {
            too_long = true;
        }
        buf.extend_from_slice(&available[..take.min(room)]);
        reader.consume(take);
        consumed += take as u64;
        if done {
            break;
        }
    }
    Ok(if consumed == 0 {
        Line::Eof
    } else {
        Line::Read { consumed, too_long }
    })
}

/// Consumes exactly `n` bytes without keeping them; fewer when the input ends
/// early, and says how many.
pub(crate) fn skip(reader: &mut impl BufRead, n: u64) -> io::Result<u64> {
    io::copy(&mut reader.take(n), &mut io::sink())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_skips_the_rest_of_long_ones() {
        let mut r = io::BufReader::with_capacity(3, &b"ab\nabcdefgh\nxyz"[..]);
        let mut buf = Vec::new();
        let line = read_line(&mut r, &mut buf, 5).unwrap();
        assert_eq!(
            line,
            Line::Read {
                consumed: 3,
                too_long: false
            }
        );
        assert_eq!(buf, b"ab\n");
        let line = read_line(&mut r, &mut buf, 5).unwrap();
        assert_eq!(
            line,
            Line::Read {
                consumed: 9,
                too_long: true
            }
        );
        assert_eq!(buf, b"abcde");
        let line = read_line(&mut r, &mut buf, 5).unwrap();
        assert_eq!(
            line,
            Line::Read {
                consumed: 3,
                too_long: false
            }
        );
        assert_eq!(buf, b"xyz");
        assert_eq!(read_line(&mut r, &mut buf, 5).unwrap(), Line::Eof);
    }

    #[test]
    fn skip_says_how_much_was_there() {
        let mut r = &b"12345"[..];
        assert_eq!(skip(&mut r, 3).unwrap(), 3);
        assert_eq!(skip(&mut r, 3).unwrap(), 2);
    }
}
