//! Scoring records against gold annotations, with the same figures as
//! `tools/score.py`.
//!
//! STUB (filled in by the evaluation work).
