//! One document through every stage, to one record.

use crate::boilerplate::BoilerplateClassifier;
use crate::decode::decode;
use crate::extract::amount::AmountFinder;
use crate::extract::date::DateFinder;
use crate::extract::published::find_published;
use crate::extract::title::find_title;
use crate::gazetteer::Gazetteer;
use crate::record::Record;
use crate::source::Document;

/// Builds a [`Pipeline`].
#[derive(Debug, Default)]
pub struct PipelineBuilder {
    gazetteer: Option<Gazetteer>,
}

impl PipelineBuilder {
    /// A builder with the bundled gazetteers.
    pub fn new() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Uses `gazetteer` instead of the bundled one.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> PipelineBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Compiles every pattern and automaton.
    pub fn build(self) -> Result<Pipeline, crate::Error> {
        let gazetteer = match self.gazetteer {
            Some(g) => g,
            None => Gazetteer::bundled()?,
        };
        Ok(Pipeline {
            gazetteer,
            layout: BoilerplateClassifier::new(),
            dates: DateFinder::new(),
            amounts: AmountFinder::new(),
        })
    }
}

/// Everything needed to turn a document into a record; built once, shared by all
/// workers.
#[derive(Debug, Clone)]
pub struct Pipeline {
    #[allow(dead_code)]
    gazetteer: Gazetteer,
    layout: BoilerplateClassifier,
    dates: DateFinder,
    amounts: AmountFinder,
}

impl Pipeline {
    /// The record of one document. Never fails: trouble becomes `error`.
    pub fn process(&self, doc: &Document) -> Record {
        let bytes = match &doc.content {
            Ok(b) => b,
            Err(e) => return Record::failed(doc.source.clone(), e.clone()),
        };
        let decoded = match decode(bytes) {
            Ok(d) => d,
            Err(e) => return Record::failed(doc.source.clone(), e.to_string()),
        };
        let text = decoded.text.as_str();
        let blocks = self.layout.classify(text);
        let title = find_title(text, &blocks);
        let published = find_published(text, &blocks);
        let mut dates = Vec::new();
        let mut amounts = Vec::new();
        for block in blocks.iter().filter(|b| b.label.is_content()) {
            dates.extend(self.dates.find(text, block.span, published));
            amounts.extend(self.amounts.find(text, block.span));
        }
        Record {
            source: doc.source.clone(),
            title,
            published: published.map(|d| d.to_string()),
            cooperation: false,
            kind: None,
            entities: Vec::new(),
            parties: Vec::new(),
            officials: Vec::new(),
            dates,
            amounts,
            evidence: Vec::new(),
            encoding: Some(decoded.encoding.name().to_owned()),
            error: None,
        }
    }
}
