//! `score()` of `score.py`, step for step: one gold row at a time against the record
//! whose `source` has the gold `file` as basename.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::py::{self, PyError};
use super::text::{norm, role_head, Titles};
use super::{Accuracy, Provenance, Report, RowError, Side, Tally};

type Obj = Map<String, Value>;
type Names = HashSet<String>;

/// Greedy one-to-one matching of gold alias sets to predicted surface sets:
/// (true positives, used predictions, (gold, prediction) pairs).
fn match_sets(gold: &[Names], pred: &[Names]) -> (usize, Vec<bool>, Vec<(usize, usize)>) {
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if !used.get(pi).copied().unwrap_or(true) && !g.is_disjoint(p) {
                if let Some(u) = used.get_mut(pi) {
                    *u = true;
                }
                pairs.push((gi, pi));
                break;
            }
        }
    }
    (pairs.len(), used, pairs)
}

/// `surfaces(ent)`: the entity's name and mention texts, normalised, without "".
fn surfaces(ent: &Obj) -> Result<Names, PyError> {
    let mut s = Names::new();
    s.insert(norm(&py::str_at(ent, "name")));
    for m in py::iter_or_empty(ent, "mentions")? {
        if let Value::Object(m) = m.as_ref() {
            if let Some(text) = m.get("text").filter(|t| py::truthy(t)) {
                s.insert(norm(&py::str_of(text)));
            }
        }
    }
    s.remove("");
    Ok(s)
}

/// Whether a predicted item is dropped as optional: it names an optional item and no
/// gold item.
fn dropped(s: &Names, optional: &Names, gold: &[Names]) -> bool {
    !s.is_disjoint(optional) && !gold.iter().any(|g| !s.is_disjoint(g))
}

fn tally(t: &mut Tally, tp: usize, predicted: usize, gold: usize) {
    t.tp += tp;
    t.fp += predicted.saturating_sub(tp);
    t.fn_ += gold.saturating_sub(tp);
}

/// `read_doc(path)`: the document as the pipeline decodes it, which for UTF-8 and
/// Windows-1252 is the text `score.py` reads. UTF-16, which `score.py` mis-reads as
/// Windows-1252, is decoded properly here, so its offsets check out.
fn read_doc(path: &Path) -> Option<Vec<u8>> {
    let raw = std::fs::read(path).ok()?;
    crate::decode::decode(&raw)
        .ok()
        .map(|d| d.text.into_bytes())
}

/// Python's `bytes[start:end]`.
fn py_slice(text: &[u8], start: i128, end: i128) -> &[u8] {
    let len = i128::try_from(text.len()).unwrap_or(i128::MAX);
    let clamp = |i: i128| {
        let i = if i < 0 { i + len } else { i };
        usize::try_from(i.clamp(0, len)).unwrap_or(0)
    };
    let (s, e) = (clamp(start), clamp(end));
    text.get(s..e.max(s)).unwrap_or(&[])
}

/// `text[int(m["start"]):int(m["end"])].decode("utf-8") == m["text"]`, false where
/// Python raises one of the errors `score.py` catches.
fn quote_holds(text: &[u8], m: &Obj) -> bool {
    let (Some(start), Some(end)) = (
        m.get("start").and_then(py::int_index),
        m.get("end").and_then(py::int_index),
    ) else {
        return false;
    };
    let Ok(slice) = std::str::from_utf8(py_slice(text, start, end)) else {
        return false;
    };
    matches!(m.get("text"), Some(Value::String(t)) if t == slice)
}

struct Scorer<'a> {
    titles: Titles,
    root: Option<&'a Path>,
    report: Report,
    gold_officials: usize,
}

/// Scores parsed gold rows against parsed record rows; see [`super::evaluate`].
pub(super) fn score(
    gold: &[Value],
    records: &[Value],
    root: Option<&Path>,
) -> Result<Report, RowError> {
    let mut preds: HashMap<String, (usize, &Obj)> = HashMap::new();
    for (i, p) in records.iter().enumerate() {
        let Value::Object(p) = p else {
            return Err(RowError {
                side: Side::Records,
                index: i,
                reason: format!(
                    "AttributeError: '{}' object has no attribute 'get'",
                    py::type_name(p)
                ),
            });
        };
        let source = py::str_at(p, "source");
        let key = source.rsplit('/').next().unwrap_or("").to_owned();
        preds.insert(key, (i, p));
    }
    let root = root.filter(|r| !r.as_os_str().is_empty());
    let mut s = Scorer {
        titles: Titles::new(),
        root,
        report: Report {
            gold_documents: gold.len(),
            provenance: root.map(|_| Provenance::default()),
            ..Report::default()
        },
        gold_officials: 0,
    };
    let empty = Obj::new();
    for (gi, g) in gold.iter().enumerate() {
        let (g, file) = gold_row(g).map_err(|e| RowError::at(Side::Gold, gi, e))?;
        let found = match file {
            Value::String(f) => preds.get(f.as_str()).copied(),
            _ => None,
        };
        if found.is_none() {
            s.report.missing.push(py::str_of(file));
        }
        let (side, index, p) =
            found.map_or((Side::Gold, gi, &empty), |(i, p)| (Side::Records, i, p));
        s.document(g, file, p).map_err(|e| match e {
            Blame::Gold(e) => RowError::at(Side::Gold, gi, e),
            Blame::Record(e) => RowError::at(side, index, e),
        })?;
    }
    if s.gold_officials > 0 && s.report.roles.n == 0 {
        s.report.roles.add(false);
    }
    Ok(s.report)
}

/// `g["file"]`, which must also be hashable.
fn gold_row(g: &Value) -> Result<(&Obj, &Value), PyError> {
    let file = py::subscript(g, "file")?;
    if matches!(file, Value::Array(_) | Value::Object(_)) {
        return Err(PyError(format!(
            "TypeError: unhashable type: '{}'",
            py::type_name(file)
        )));
    }
    match g {
        Value::Object(o) => Ok((o, file)),
        _ => Err(PyError("TypeError: not a dict".to_owned())),
    }
}

/// Which row an exception is due to.
enum Blame {
    Gold(PyError),
    Record(PyError),
}

trait BlameExt<T> {
    fn gold(self) -> Result<T, Blame>;
    fn record(self) -> Result<T, Blame>;
}

impl<T> BlameExt<T> for Result<T, PyError> {
    fn gold(self) -> Result<T, Blame> {
        self.map_err(Blame::Gold)
    }
    fn record(self) -> Result<T, Blame> {
        self.map_err(Blame::Record)
    }
}

fn objects<'a>(items: &[Cow<'a, Value>]) -> Vec<&'a Obj> {
    items
        .iter()
        .filter_map(|item| match item {
            Cow::Borrowed(Value::Object(o)) => Some(o),
            _ => None,
        })
        .collect()
}

impl Scorer<'_> {
    fn document(&mut self, g: &Obj, file: &Value, p: &Obj) -> Result<(), Blame> {
        let optional: Names = py::iter_at(g, "optional")
            .gold()?
            .iter()
            .map(|o| norm(&py::str_of(o)))
            .collect();

        // entities
        let gents = py::iter_at(g, "entities").gold()?;
        let mut gsets = Vec::with_capacity(gents.len());
        let mut galias: HashMap<String, Names> = HashMap::new();
        for e in &gents {
            let name = norm(&py::str_of(py::subscript(e, "name").gold()?));
            let mut set = Names::from([name.clone()]);
            if let Value::Object(e) = e.as_ref() {
                for a in py::iter_at(e, "aliases").gold()? {
                    set.insert(norm(&py::str_of(&a)));
                }
            }
            galias.insert(name, set.clone());
            gsets.push(set);
        }
        let mut pents: Vec<(&Obj, Names)> = Vec::new();
        for e in py::objects_at(p, "entities").record()? {
            pents.push((e, surfaces(e).record()?));
        }
        pents.retain(|(_, s)| !dropped(s, &optional, &gsets));
        let psets: Vec<Names> = pents.iter().map(|(_, s)| s.clone()).collect();
        let (tp, _, _) = match_sets(&gsets, &psets);
        tally(&mut self.report.entities, tp, psets.len(), gsets.len());

        // parties
        let mut by_name: HashMap<String, Names> = HashMap::new();
        for (e, s) in &pents {
            by_name.insert(norm(&py::str_at(e, "name")), s.clone());
        }
        let gp: Vec<Names> = py::iter_at(g, "parties")
            .gold()?
            .iter()
            .map(|n| {
                let n = norm(&py::str_of(n));
                galias.get(&n).cloned().unwrap_or_else(|| Names::from([n]))
            })
            .collect();
        let mut pp_raw = Vec::new();
        for x in py::iter_or_empty(p, "parties").record()? {
            pp_raw.push(match x.as_ref() {
                Value::String(s) => s.clone(),
                v if !py::truthy(v) => String::new(),
                Value::Object(o) => py::str_at(o, "name"),
                v => {
                    return Err(Blame::Record(PyError(format!(
                        "AttributeError: '{}' object has no attribute 'get'",
                        py::type_name(v)
                    ))))
                }
            });
        }
        let mut pp: Vec<Names> = pp_raw
            .iter()
            .map(|n| {
                let n = norm(n);
                by_name.get(&n).cloned().unwrap_or_else(|| Names::from([n]))
            })
            .collect();
        pp.retain(|s| !dropped(s, &optional, &gp));
        let (tp, _, _) = match_sets(&gp, &pp);
        tally(&mut self.report.parties, tp, pp.len(), gp.len());

        // officials and roles
        let gof_len = g.get("officials").map_or(Ok(0), py::len).gold()?;
        self.gold_officials += gof_len;
        let mut pof = Vec::new();
        for o in py::objects_at(p, "officials").record()? {
            if !optional.contains(&self.titles.person(&py::str_at(o, "name"))) {
                pof.push(o);
            }
        }
        let gof = py::iter_at(g, "officials").gold()?;
        let mut gnames = Vec::with_capacity(gof.len());
        let mut groles = Vec::with_capacity(gof.len());
        for o in &gof {
            let name = py::subscript(o, "name").gold()?;
            gnames.push(Names::from([self.titles.person(&py::str_of(name))]));
            groles.push(match o.as_ref() {
                Value::Object(o) => py::str_at(o, "role"),
                _ => String::new(),
            });
        }
        let pnames: Vec<Names> = pof
            .iter()
            .map(|o| Names::from([self.titles.person(&py::str_at(o, "name"))]))
            .collect();
        let (tp, _, pairs) = match_sets(&gnames, &pnames);
        tally(&mut self.report.officials, tp, pof.len(), gof_len);
        for (gi, pi) in pairs {
            let grole = groles.get(gi).map_or("", String::as_str);
            let gh = role_head(grole);
            let pr = norm(
                &pof.get(pi)
                    .map_or_else(String::new, |o| py::str_or_empty(o, "role")),
            );
            let ph = if pr.is_empty() {
                "\0".to_owned()
            } else {
                role_head(&pr)
            };
            let ok = !gh.is_empty() && (pr.contains(&gh) || norm(grole).contains(&ph));
            self.report.roles.add(ok);
        }

        // dates
        let mut gd = Vec::new();
        for d in py::iter_at(g, "dates").gold()? {
            gd.push(py::subscript(&d, "value").gold()?.clone());
        }
        let pd_all: Vec<String> = py::objects_at(p, "dates")
            .record()?
            .iter()
            .map(|d| d.get("value").map_or_else(|| "None".to_owned(), py::str_of))
            .collect();
        let in_gold = |v: &str| gd.iter().any(|g| matches!(g, Value::String(s) if s == v));
        let pd: Vec<String> = pd_all
            .into_iter()
            .filter(|v| !optional.contains(&norm(v)) || in_gold(v))
            .collect();
        let mut rest = pd.clone();
        let mut tp = 0;
        for v in &gd {
            if let Value::String(v) = v {
                if let Some(i) = rest.iter().position(|r| r == v) {
                    rest.remove(i);
                    tp += 1;
                }
            }
        }
        tally(&mut self.report.dates, tp, pd.len(), gd.len());

        // amounts
        let eur = Value::String("EUR".to_owned());
        let mut ga = Vec::new();
        for a in py::iter_at(g, "amounts").gold()? {
            let v = py::float(py::subscript(&a, "value").gold()?).gold()?;
            let c = match a.as_ref() {
                Value::Object(o) => o.get("currency").unwrap_or(&eur).clone(),
                _ => eur.clone(),
            };
            ga.push((v, c));
        }
        let pamounts = py::iter_or_empty(p, "amounts").record()?;
        let mut pa: Vec<(f64, Value)> = pamounts
            .iter()
            .map(|a| match a.as_ref() {
                Value::Object(o) => match py::float(o.get("value").unwrap_or(&Value::Null)) {
                    Ok(v) => (v, o.get("currency").unwrap_or(&eur).clone()),
                    Err(_) => (f64::NAN, Value::Null),
                },
                _ => (f64::NAN, Value::Null),
            })
            .collect();
        let predicted = pa.len();
        let mut tp = 0;
        for (v, c) in &ga {
            let hit = pa.iter().position(|(pv, pc)| {
                py::eq(pc, c) && (pv - v).abs() <= py::max(0.005 * v.abs(), 0.005)
            });
            if let Some(i) = hit {
                pa.remove(i);
                tp += 1;
            }
        }
        tally(&mut self.report.amounts, tp, predicted, ga.len());

        // document-level fields
        let null = Value::Null;
        let kind_counts = g.get("kind").is_some_and(py::truthy);
        if p.is_empty() {
            self.report.title.add(false);
            self.report.published.add(false);
            self.report.cooperation.add(false);
            if kind_counts {
                self.report.kind.add(false);
            }
        } else {
            let titles: Names = py::iter_at(g, "title")
                .gold()?
                .iter()
                .map(|t| norm(&py::str_of(t)))
                .collect();
            self.report
                .title
                .add(titles.contains(&norm(&py::str_or_empty(p, "title"))));
            let published = p
                .get("published")
                .filter(|v| py::truthy(v))
                .unwrap_or(&null);
            self.report
                .published
                .add(py::eq(published, g.get("published").unwrap_or(&null)));
            self.report
                .cooperation
                .add(py::truthy_at(p, "cooperation") == py::truthy_at(g, "cooperation"));
            if kind_counts {
                self.report.kind.add(py::eq(
                    p.get("kind").unwrap_or(&null),
                    g.get("kind").unwrap_or(&null),
                ));
            }
        }

        // leaks: any absent item as a name, value or mention text
        let mut seen = Names::new();
        for (_, s) in &pents {
            seen.extend(s.iter().cloned());
        }
        for o in &pof {
            seen.insert(self.titles.person(&py::str_at(o, "name")));
            seen.insert(norm(&py::str_or_empty(o, "org")));
        }
        seen.extend(pp_raw.iter().map(|x| norm(x)));
        seen.extend(pd.iter().map(|v| norm(v)));
        for a in objects(&pamounts) {
            seen.insert(norm(&py::str_at(a, "text")));
        }
        for a in py::iter_at(g, "absent").gold()? {
            let a = py::str_of(&a);
            if seen.contains(&norm(&a)) || seen.contains(&self.titles.person(&a)) {
                self.report
                    .leaks
                    .push(format!("{}: {}", py::str_of(file), a));
            }
        }

        // provenance
        if let (Some(root), Some(source)) = (self.root, p.get("source").filter(|v| py::truthy(v))) {
            let Value::String(source) = source else {
                return Err(Blame::Record(PyError(format!(
                    "TypeError: expected str, bytes or os.PathLike object, not {}",
                    py::type_name(source)
                ))));
            };
            if source.contains('\0') {
                return Err(Blame::Record(PyError(
                    "ValueError: embedded null byte".to_owned(),
                )));
            }
            let path = if source.starts_with('/') {
                PathBuf::from(source)
            } else {
                root.join(source)
            };
            let text = read_doc(&path);
            let mut bad = 0;
            let mut facts: Vec<&Obj> = Vec::new();
            for e in pents.iter().map(|(e, _)| *e).chain(pof.iter().copied()) {
                let ms = py::objects_at(e, "mentions").record()?;
                if ms.is_empty() {
                    bad += 1; // a name without any mention has no provenance
                }
                facts.extend(ms);
            }
            facts.extend(py::objects_at(p, "dates").record()?);
            facts.extend(objects(&pamounts));
            let ok = match &text {
                Some(text) => facts.iter().filter(|m| quote_holds(text, m)).count(),
                None => 0,
            };
            bad += facts.len() - ok;
            if let Some(prov) = self.report.provenance.as_mut() {
                prov.ok += ok;
                prov.bad += bad;
            }
        }
        Ok(())
    }
}

impl Accuracy {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }
}

impl RowError {
    fn at(side: Side, index: usize, e: PyError) -> Self {
        Self {
            side,
            index,
            reason: e.0,
        }
    }
}
