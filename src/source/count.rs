//! Counting the bytes consumed from input files, for a progress bar that knows the
//! inputs' total size ([`super::total_bytes`]). Bytes are counted as stored, before
//! decompression, so that the count ends at the sum of the file sizes.

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A file reader that adds what it reads to a shared counter.
pub(crate) struct Counted<R> {
    inner: R,
    counter: Arc<AtomicU64>,
    /// The file's size when it was opened.
    size: u64,
    /// Bytes read so far.
    read: u64,
}

impl<R> Counted<R> {
    /// Counts the reads of `inner`, a file of `size` bytes, into `counter`.
    pub(crate) fn new(inner: R, size: u64, counter: Arc<AtomicU64>) -> Counted<R> {
        Counted {
            inner,
            counter,
            size,
            read: 0,
        }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        self.counter.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A file is done with when its reader goes, whether it was read to the end or not
/// (a document over the limit is not read past it, a broken stream not past the
/// break): the bytes left unread count as consumed, so the count reaches the total.
impl<R> Drop for Counted<R> {
    fn drop(&mut self) {
        let unread = self.size.saturating_sub(self.read);
        self.counter.fetch_add(unread, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_reads_and_the_unread_rest_when_dropped() {
        let counter = Arc::new(AtomicU64::new(5));
        let mut r = Counted::new(&b"0123456789"[..], 10, Arc::clone(&counter));
        let mut buf = [0; 4];
        assert_eq!(r.read(&mut buf).unwrap(), 4);
        assert_eq!(counter.load(Ordering::Relaxed), 9);
        drop(r);
        assert_eq!(counter.load(Ordering::Relaxed), 15);
    }
}
