//! Extractors for the facts of a record: dates, amounts, title, publication date and
//! officials. Each works on the original text within the spans the layout marks as
//! content, and returns facts that quote the original.

pub mod affiliation;
pub mod amount;
pub mod date;
pub mod known_officials;
pub mod official;
pub mod organisation;
pub mod published;
pub mod table_amount;
pub mod title;
