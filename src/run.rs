//! Many documents: read in order, processed in parallel, written in order.
//!
//! STUB (being written).
