//! Cooperation or not, its kind, and its parties.
//!
//! STUB (being written).
