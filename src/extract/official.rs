//! Officials: people named with a public or corporate role.
//!
//! STUB (being written).
