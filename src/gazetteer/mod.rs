//! Gazetteers of places, providers and roles, and the matcher that finds them.
//!
//! STUB (being written): empty.

/// All gazetteer data of a run.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// The gazetteers bundled with the binary.
    pub fn bundled() -> Result<Gazetteer, crate::error::GazetteerError> {
        Ok(Gazetteer {})
    }
}
