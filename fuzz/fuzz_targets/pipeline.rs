//! Any bytes through the whole pipeline: no panic, one record, and every quoted
//! fact equal to the decoded text at its offsets.
#![no_main]

use std::sync::OnceLock;

use coopfacts::source::Document;
use coopfacts::{Pipeline, PipelineBuilder};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        PipelineBuilder::new()
            .build()
            .expect("the bundled gazetteers load")
    })
}

fuzz_target!(|bytes: &[u8]| {
    let record = pipeline().process(&Document::new("fuzz".to_owned(), bytes.to_vec()));
    let json = serde_json::to_string(&record).expect("a record serialises");
    assert!(json.starts_with('{'));
    if record.error.is_none() {
        let text = coopfacts::decode::decode(bytes).expect("decoded once, decodes again").text;
        for quote in record.quotes() {
            assert_eq!(text.get(quote.start..quote.end), Some(quote.text.as_str()));
        }
    }
});
