//! The Python extension module `canonym._canonym`, behind the `python`
//! feature: a thin layer over the public API. The package `python/canonym`
//! wraps it, turning pandas Series and pyarrow arrays into lists.
//!
//! Batch calls take whole lists, release the GIL and split the work over
//! up to eight threads; results come back in input order.

// The `#[pyfunction]` expansion converts `PyErr` into itself.
#![allow(clippy::useless_conversion)]

use crate::{
    blocking_keys, compare_with, AliasTable, AliasTableBuilder, Analyzer, Document, Error,
    ErrorKind, Extractor, MatchConfig, Mention, Resolution, Resolver, DEFAULT_THRESHOLD,
};
use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::ffi::{from_ffi, to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::types::Int64Type;
use arrow_array::{
    make_array, Array, ArrayRef, BooleanArray, Float64Array, Int64Array, LargeStringArray,
    StringArray, StringViewArray,
};
use arrow_schema::DataType;
use once_cell::sync::Lazy;
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict};
use std::ffi::CString;
use std::path::PathBuf;
use std::sync::Arc;

static ANALYZER: Lazy<Analyzer> = Lazy::new(Analyzer::new);

/// Below this many items a batch runs on the calling thread.
const PARALLEL_MIN: usize = 4096;

fn py_err(e: Error) -> PyErr {
    match e.kind() {
        ErrorKind::Io => PyOSError::new_err(e.to_string()),
        _ => PyValueError::new_err(e.to_string()),
    }
}

fn config(threshold: Option<f64>) -> PyResult<MatchConfig> {
    let threshold = threshold.unwrap_or(DEFAULT_THRESHOLD);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(PyValueError::new_err(format!(
            "threshold must lie between 0 and 1, not {threshold}"
        )));
    }
    Ok(MatchConfig {
        threshold,
        ..MatchConfig::default()
    })
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// `f` over `0..n` on several threads, in order.
fn par_map<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let threads = threads();
    if n < PARALLEL_MIN || threads < 2 {
        return (0..n).map(f).collect();
    }
    let chunk = n.div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|from| scope.spawn(move || (from..n.min(from + chunk)).map(f).collect::<Vec<T>>()))
            .collect();
        let mut out = Vec::with_capacity(n);
        for h in handles {
            match h.join() {
                Ok(part) => out.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

// ---------------------------------------------------------------------------
// Arrow: string columns read in place and results handed back through the
// Arrow C data interface, as the Arrow PyCapsule protocol
// (`__arrow_c_array__`) exchanges them with pyarrow, Polars and others.
// ---------------------------------------------------------------------------

/// A column of names from Python: a list of `str`, or an Arrow array of
/// strings (any object with `__arrow_c_array__`), read where it lies.
enum Strs {
    List(Vec<String>),
    Opts(Vec<Option<String>>),
    Utf8(StringArray),
    Large(LargeStringArray),
    View(StringViewArray),
}

impl Strs {
    /// The column `ob`; with `nulls`, items may be `None` (Arrow nulls).
    fn read(ob: &Bound<'_, PyAny>, nulls: bool) -> PyResult<Self> {
        if !ob.hasattr("__arrow_c_array__")? {
            return Ok(if nulls {
                Strs::Opts(ob.extract()?)
            } else {
                Strs::List(ob.extract()?)
            });
        }
        let a = import_array(ob)?;
        if !nulls {
            if let Some(i) = (0..a.len()).find(|&i| a.is_null(i)) {
                return Err(PyValueError::new_err(format!(
                    "item {i} of the Arrow array is null, not a string"
                )));
            }
        }
        match a.data_type() {
            DataType::Utf8 => Ok(Strs::Utf8(a.as_string::<i32>().clone())),
            DataType::LargeUtf8 => Ok(Strs::Large(a.as_string::<i64>().clone())),
            DataType::Utf8View => Ok(Strs::View(a.as_string_view().clone())),
            t => Err(PyValueError::new_err(format!(
                "an Arrow array of {t}, not of strings"
            ))),
        }
    }

    fn len(&self) -> usize {
        match self {
            Strs::List(v) => v.len(),
            Strs::Opts(v) => v.len(),
            Strs::Utf8(a) => a.len(),
            Strs::Large(a) => a.len(),
            Strs::View(a) => a.len(),
        }
    }

    /// Item `i`, `None` when null (only a column read with nulls has any).
    fn get_opt(&self, i: usize) -> Option<&str> {
        match self {
            Strs::List(v) => Some(&v[i]),
            Strs::Opts(v) => v[i].as_deref(),
            Strs::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            Strs::Large(a) => a.is_valid(i).then(|| a.value(i)),
            Strs::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }

    /// Item `i`; a null reads as the empty name.
    fn get(&self, i: usize) -> &str {
        self.get_opt(i).unwrap_or("")
    }
}

impl<'py> FromPyObject<'py> for Strs {
    fn extract_bound(ob: &Bound<'py, PyAny>) -> PyResult<Self> {
        Strs::read(ob, false)
    }
}

/// A column of strings that may hold nulls (documents): a list of `str` or
/// `None`, or an Arrow array of strings.
struct OptStrs(Strs);

impl<'py> FromPyObject<'py> for OptStrs {
    fn extract_bound(ob: &Bound<'py, PyAny>) -> PyResult<Self> {
        Strs::read(ob, true).map(OptStrs)
    }
}

/// A column of integers: a list of `int`, or an Arrow array of int64
/// without nulls.
enum Ints {
    List(Vec<i64>),
    Arrow(Int64Array),
}

impl Ints {
    fn len(&self) -> usize {
        match self {
            Ints::List(v) => v.len(),
            Ints::Arrow(a) => a.len(),
        }
    }

    fn get(&self, i: usize) -> i64 {
        match self {
            Ints::List(v) => v[i],
            Ints::Arrow(a) => a.value(i),
        }
    }
}

impl<'py> FromPyObject<'py> for Ints {
    fn extract_bound(ob: &Bound<'py, PyAny>) -> PyResult<Self> {
        if !ob.hasattr("__arrow_c_array__")? {
            return Ok(Ints::List(ob.extract()?));
        }
        let a = import_array(ob)?;
        if a.null_count() > 0 {
            return Err(PyValueError::new_err(
                "an Arrow array of integers with nulls",
            ));
        }
        match a.data_type() {
            DataType::Int64 => Ok(Ints::Arrow(a.as_primitive::<Int64Type>().clone())),
            t => Err(PyValueError::new_err(format!(
                "an Arrow array of {t}, not of int64"
            ))),
        }
    }
}

/// The array behind `ob.__arrow_c_array__()`.
fn import_array(ob: &Bound<'_, PyAny>) -> PyResult<ArrayRef> {
    let pair = ob.call_method0("__arrow_c_array__")?;
    let (schema, array): (Bound<'_, PyAny>, Bound<'_, PyAny>) = pair.extract()?;
    let schema = schema.downcast::<PyCapsule>()?;
    let array = array.downcast::<PyCapsule>()?;
    let named = |c: &Bound<'_, PyCapsule>, want: &str| -> PyResult<()> {
        match c.name()? {
            Some(n) if n.to_bytes() == want.as_bytes() => Ok(()),
            _ => Err(PyValueError::new_err(format!(
                "__arrow_c_array__ must return capsules named arrow_schema and arrow_array, not {:?}",
                c.name()?
            ))),
        }
    };
    named(schema, "arrow_schema")?;
    named(array, "arrow_array")?;
    let schema_ptr = schema.pointer() as *const FFI_ArrowSchema;
    let array_ptr = array.pointer() as *mut FFI_ArrowArray;
    // SAFETY: capsules of these names hold an ArrowSchema and an ArrowArray
    // (the Arrow PyCapsule protocol). The array is moved out of its capsule,
    // which keeps a released one for its destructor; the schema is only
    // borrowed while its capsule is alive.
    let data = unsafe {
        let array = FFI_ArrowArray::from_raw(array_ptr);
        from_ffi(array, &*schema_ptr)
    }
    .map_err(|e| PyValueError::new_err(format!("not a valid Arrow array: {e}")))?;
    Ok(make_array(data))
}

/// An Arrow array made by canonym; `pyarrow.array(it)` (or any reader of
/// the Arrow PyCapsule protocol) takes it without copying.
#[pyclass(frozen, module = "canonym")]
struct ArrowColumn(ArrayRef);

#[pymethods]
impl ArrowColumn {
    /// The array as two capsules (schema, array) of the Arrow C data
    /// interface. A requested schema is not honoured: the array comes in
    /// its own type.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let (array, schema) = to_ffi(&self.0.to_data())
            .map_err(|e| PyValueError::new_err(format!("Arrow export failed: {e}")))?;
        let name = |n: &str| CString::new(n).expect("no NUL in a capsule name");
        Ok((
            PyCapsule::new_bound(py, schema, Some(name("arrow_schema")))?,
            PyCapsule::new_bound(py, array, Some(name("arrow_array")))?,
        ))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }
}

/// Strings as a list, or as an Arrow array when `arrow`.
fn strings_out(py: Python<'_>, v: Vec<String>, arrow: bool) -> PyObject {
    if arrow {
        ArrowColumn(Arc::new(StringArray::from(v))).into_py(py)
    } else {
        v.into_py(py)
    }
}

/// One part of an analysed name.
#[pyclass(frozen, get_all, module = "canonym")]
struct Part {
    /// The part as written.
    text: String,
    /// Its role: given, family, particle, initial, word, legal-form…
    tag: &'static str,
}

#[pymethods]
impl Part {
    fn __repr__(&self) -> String {
        format!("Part({:?}, {:?})", self.text, self.tag)
    }
}

/// An analysed name.
#[pyclass(frozen, module = "canonym")]
struct Name(crate::Name);

#[pymethods]
impl Name {
    #[getter]
    fn original(&self) -> &str {
        self.0.original()
    }
    #[getter]
    fn display(&self) -> &str {
        self.0.display()
    }
    #[getter]
    fn key(&self) -> &str {
        self.0.key()
    }
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind().as_str()
    }
    #[getter]
    fn titles(&self) -> Vec<String> {
        self.0.titles().to_vec()
    }
    #[getter]
    fn parts(&self) -> Vec<Part> {
        self.0
            .parts()
            .map(|p| Part {
                text: p.text().to_string(),
                tag: p.tag().as_str(),
            })
            .collect()
    }
    fn __repr__(&self) -> String {
        format!("Name({:?})", self.0.display())
    }
}

/// The comparison of two names.
#[pyclass(frozen, module = "canonym")]
struct Comparison {
    a: crate::Name,
    b: crate::Name,
    c: crate::Comparison,
}

#[pymethods]
impl Comparison {
    #[getter]
    fn score(&self) -> f64 {
        self.c.score()
    }
    #[getter]
    fn is_match(&self) -> bool {
        self.c.is_match()
    }
    #[getter]
    fn threshold(&self) -> f64 {
        self.c.threshold()
    }
    fn explain(&self) -> Vec<String> {
        self.c
            .explain(&self.a, &self.b)
            .iter()
            .map(ToString::to_string)
            .collect()
    }
    fn __repr__(&self) -> String {
        format!(
            "Comparison(score={:.4}, is_match={})",
            self.c.score(),
            if self.c.is_match() { "True" } else { "False" }
        )
    }
}

#[pyfunction]
fn analyze(name: &str) -> Name {
    Name(ANALYZER.analyze(name))
}

#[pyfunction]
#[pyo3(signature = (names, arrow=false))]
fn normalise(py: Python<'_>, names: Strs, arrow: bool) -> PyObject {
    let out = py.allow_threads(|| {
        par_map(names.len(), |i| {
            ANALYZER.analyze(names.get(i)).display().into()
        })
    });
    strings_out(py, out, arrow)
}

#[pyfunction]
#[pyo3(signature = (names, arrow=false))]
fn keys(py: Python<'_>, names: Strs, arrow: bool) -> PyObject {
    let out =
        py.allow_threads(|| par_map(names.len(), |i| ANALYZER.analyze(names.get(i)).key().into()));
    strings_out(py, out, arrow)
}

#[pyfunction]
#[pyo3(signature = (a, b, threshold=None))]
fn compare(a: &str, b: &str, threshold: Option<f64>) -> PyResult<Comparison> {
    let cfg = config(threshold)?;
    let (a, b) = (ANALYZER.analyze(a), ANALYZER.analyze(b));
    let c = compare_with(&a, &b, &cfg);
    Ok(Comparison { a, b, c })
}

#[pyfunction]
#[pyo3(signature = (names1, names2, arrow=false))]
fn score(py: Python<'_>, names1: Strs, names2: Strs, arrow: bool) -> PyResult<PyObject> {
    if names1.len() != names2.len() {
        return Err(PyValueError::new_err(format!(
            "score needs two lists of the same length, not {} and {}",
            names1.len(),
            names2.len()
        )));
    }
    let cfg = MatchConfig::default();
    let out: Vec<f64> = py.allow_threads(|| {
        par_map(names1.len(), |i| {
            let (a, b) = (
                ANALYZER.analyze(names1.get(i)),
                ANALYZER.analyze(names2.get(i)),
            );
            compare_with(&a, &b, &cfg).score()
        })
    });
    Ok(if arrow {
        ArrowColumn(Arc::new(Float64Array::from(out))).into_py(py)
    } else {
        out.into_py(py)
    })
}

#[pyfunction]
#[pyo3(signature = (names, arrow=false))]
fn blocking_keys_of(py: Python<'_>, names: Strs, arrow: bool) -> PyObject {
    let out: Vec<Vec<String>> = py.allow_threads(|| {
        par_map(names.len(), |i| {
            let mut keys = Vec::new();
            blocking_keys(&ANALYZER.analyze(names.get(i)), &mut keys);
            keys.iter().map(|k| format!("{k:016x}")).collect()
        })
    });
    if !arrow {
        return out.into_py(py);
    }
    let mut b = ListBuilder::new(StringBuilder::new());
    for keys in &out {
        for k in keys {
            b.values().append_value(k);
        }
        b.append(true);
    }
    ArrowColumn(Arc::new(b.finish())).into_py(py)
}

/// For each name: its key, and whether it is complete (two or more main
/// parts, or a regnal number), as the resolver counts it; two lists, or two
/// Arrow arrays when `arrow`.
#[pyfunction]
#[pyo3(signature = (names, arrow=false))]
fn profile(py: Python<'_>, names: Strs, arrow: bool) -> (PyObject, PyObject) {
    let (keys, full): (Vec<String>, Vec<bool>) = py.allow_threads(|| {
        par_map(names.len(), |i| {
            let n = ANALYZER.analyze(names.get(i));
            let main = n.parts().filter(|p| p.tag().is_main()).count();
            let regnal = n.parts().any(|p| p.tag() == crate::Tag::Regnal);
            (n.key().to_string(), main + usize::from(regnal) >= 2)
        })
        .into_iter()
        .unzip()
    });
    if arrow {
        let full = ArrowColumn(Arc::new(BooleanArray::from(full))).into_py(py);
        (strings_out(py, keys, true), full)
    } else {
        (keys.into_py(py), full.into_py(py))
    }
}

fn load_aliases(paths: &[PathBuf], allow_ambiguous: bool) -> Result<Option<AliasTable>, Error> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut builder = AliasTableBuilder::new();
    builder.allow_ambiguous(allow_ambiguous);
    for p in paths {
        builder.add_path(p)?;
    }
    builder.build().map(Some)
}

/// The extractor of `canonym.extract`, with the alias table's names as its
/// gazetteer when there is one.
fn extractor(aliases: Option<&AliasTable>) -> Result<Extractor, Error> {
    let mut builder = Extractor::builder();
    builder.analyzer(ANALYZER.clone());
    if let Some(table) = aliases {
        builder.gazetteer(table.entities().iter().flat_map(|e| {
            std::iter::once((e.canonical.clone(), e.kind))
                .chain(e.aliases.iter().map(move |a| (a.clone(), e.kind)))
        }));
    }
    builder.build()
}

/// One dict per extracted mention (`doc`, `start`, `end` in characters,
/// `text`, `kind`, `entity`, `canonical`), document by document.
fn extraction_dicts<'py>(
    py: Python<'py>,
    texts: &[String],
    x: &crate::Extraction,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    let mut out = Vec::with_capacity(x.mentions().len());
    // Byte offsets become character offsets, counted on from the last
    // mention of the same document.
    let (mut doc, mut byte, mut chars) = (usize::MAX, 0, 0);
    let mut to_chars = |d: usize, at: usize| {
        let text = &texts[d];
        if d != doc || at < byte {
            (doc, byte, chars) = (d, 0, 0);
        }
        chars += text[byte..at].chars().count();
        byte = at;
        chars
    };
    for m in x.mentions() {
        let d = PyDict::new_bound(py);
        d.set_item("doc", &m.doc)?;
        d.set_item("start", to_chars(m.doc_index, m.start))?;
        d.set_item("end", to_chars(m.doc_index, m.end))?;
        d.set_item("text", &m.text)?;
        d.set_item("kind", m.kind.as_str())?;
        d.set_item("entity", &m.entity)?;
        d.set_item("canonical", &m.canonical)?;
        out.push(d);
    }
    Ok(out)
}

/// The mentions of `names`, each in document `docs[i]` when that is given.
fn mentions(names: &[String], docs: Option<&[Option<String>]>) -> Vec<Mention> {
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let m = Mention::new(n.as_str());
            match docs.and_then(|d| d[i].as_ref()) {
                Some(doc) => m.doc(doc.as_str()),
                None => m,
            }
        })
        .collect()
}

/// An error unless `docs`, when given, has one item per name.
fn check_docs(names: &[String], docs: Option<&[Option<String>]>) -> PyResult<()> {
    match docs {
        Some(d) if d.len() != names.len() => Err(PyValueError::new_err(format!(
            "docs and names differ in length: {} docs for {} names",
            d.len(),
            names.len()
        ))),
        _ => Ok(()),
    }
}

/// A score as every output gives it: rounded to four decimals.
fn rounded(score: f64) -> f64 {
    (score * 10_000.0).round() / 10_000.0
}

/// A resolution's (entity, canonical, score, ambiguous) columns, one row
/// per mention.
type Columns = (Vec<String>, Vec<String>, Vec<f64>, Vec<bool>);

fn columns(r: &Resolution) -> Columns {
    let a = r.assignments();
    (
        a.iter().map(|a| a.entity().to_string()).collect(),
        a.iter().map(|a| a.canonical().to_string()).collect(),
        a.iter().map(|a| rounded(a.score())).collect(),
        a.iter().map(|a| a.is_ambiguous()).collect(),
    )
}

/// The documents `docs[i]` with texts `texts[i]`, or an error when the
/// lists differ in length.
fn documents<'a>(texts: &'a [String], docs: &'a [String]) -> PyResult<Vec<Document<'a>>> {
    if docs.len() != texts.len() {
        return Err(PyValueError::new_err("docs and texts differ in length"));
    }
    Ok(docs
        .iter()
        .zip(texts)
        .map(|(id, text)| Document { id, text })
        .collect())
}

/// Resolves mentions to entities.
#[pyclass(frozen, module = "canonym")]
struct NativeResolver {
    inner: Resolver,
    aliases: Option<AliasTable>,
}

impl NativeResolver {
    fn run(
        &self,
        py: Python<'_>,
        names: &[String],
        docs: Option<Vec<Option<String>>>,
    ) -> PyResult<Resolution> {
        check_docs(names, docs.as_deref())?;
        Ok(py.allow_threads(|| self.inner.resolve(&mentions(names, docs.as_deref()))))
    }
}

#[pymethods]
impl NativeResolver {
    #[new]
    #[pyo3(signature = (aliases, threshold=None, allow_ambiguous_aliases=false))]
    fn new(
        aliases: Vec<PathBuf>,
        threshold: Option<f64>,
        allow_ambiguous_aliases: bool,
    ) -> PyResult<Self> {
        let cfg = config(threshold)?;
        let table = load_aliases(&aliases, allow_ambiguous_aliases).map_err(py_err)?;
        let mut b = Resolver::builder();
        b.config(cfg);
        if let Some(t) = &table {
            b.aliases(t.clone());
        }
        Ok(NativeResolver {
            inner: b.build(),
            aliases: table,
        })
    }

    /// The ids of the alias table's entities.
    fn alias_ids(&self) -> Vec<String> {
        self.aliases.as_ref().map_or_else(Vec::new, |t| {
            t.entities().iter().map(|e| e.id.clone()).collect()
        })
    }

    /// One dict per mention, in input order.
    #[pyo3(signature = (names, docs=None, ids=None))]
    fn resolve<'py>(
        &self,
        py: Python<'py>,
        names: Vec<String>,
        docs: Option<Vec<Option<String>>>,
        ids: Option<Vec<String>>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        if ids.as_ref().is_some_and(|ids| ids.len() != names.len()) {
            return Err(PyValueError::new_err("ids and names differ in length"));
        }
        let r = self.run(py, &names, docs)?;
        let mut out = Vec::with_capacity(names.len());
        for (i, a) in r.assignments().iter().enumerate() {
            let d = PyDict::new_bound(py);
            match &ids {
                Some(ids) => d.set_item("id", &ids[i])?,
                None => d.set_item("id", (i + 1).to_string())?,
            }
            d.set_item("name", &names[i])?;
            d.set_item("entity", a.entity())?;
            d.set_item("canonical", a.canonical())?;
            d.set_item("score", rounded(a.score()))?;
            d.set_item("ambiguous", a.is_ambiguous())?;
            out.push(d);
        }
        Ok(out)
    }

    /// Columns (entity, canonical, score, ambiguous), one row per mention.
    #[pyo3(signature = (names, docs=None))]
    fn resolve_columns(
        &self,
        py: Python<'_>,
        names: Vec<String>,
        docs: Option<Vec<Option<String>>>,
    ) -> PyResult<Columns> {
        Ok(columns(&self.run(py, &names, docs)?))
    }

    /// Resolves each group of mentions on its own (groups are labelled by
    /// `groups[i]`), several groups at a time; columns as
    /// [`resolve_columns`](NativeResolver::resolve_columns), in input order,
    /// as lists or, when `arrow`, as Arrow arrays. The columns may be lists
    /// or Arrow arrays (strings, `docs` with nulls, int64 `groups`), read in
    /// place.
    #[pyo3(signature = (names, docs, groups, arrow=false))]
    fn resolve_groups(
        &self,
        py: Python<'_>,
        names: Strs,
        docs: Option<OptStrs>,
        groups: Ints,
        arrow: bool,
    ) -> PyResult<(PyObject, PyObject, PyObject, PyObject)> {
        let n = names.len();
        if groups.len() != n || docs.as_ref().is_some_and(|d| d.0.len() != n) {
            return Err(PyValueError::new_err(
                "names, docs and groups differ in length",
            ));
        }
        let rows = py.allow_threads(|| {
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|&i| (groups.get(i), i));
            let mut spans: Vec<&[usize]> = Vec::new();
            let mut from = 0;
            for k in 1..=order.len() {
                if k == order.len() || groups.get(order[k]) != groups.get(order[from]) {
                    spans.push(&order[from..k]);
                    from = k;
                }
            }
            let mut rows: Vec<(usize, String, String, f64, bool)> = par_map(spans.len(), |s| {
                let span = spans[s];
                let mentions: Vec<Mention> = span
                    .iter()
                    .map(|&i| {
                        let m = Mention::new(names.get(i));
                        match docs.as_ref().and_then(|d| d.0.get_opt(i)) {
                            Some(doc) => m.doc(doc),
                            None => m,
                        }
                    })
                    .collect();
                let r = self.inner.resolve(&mentions);
                span.iter()
                    .zip(r.assignments())
                    .map(|(&i, a)| {
                        let (e, c) = (a.entity().to_string(), a.canonical().to_string());
                        (i, e, c, rounded(a.score()), a.is_ambiguous())
                    })
                    .collect::<Vec<_>>()
            })
            .into_iter()
            .flatten()
            .collect();
            rows.sort_unstable_by_key(|r| r.0);
            rows
        });
        let mut e = Vec::with_capacity(rows.len());
        let mut c = Vec::with_capacity(rows.len());
        let mut s = Vec::with_capacity(rows.len());
        let mut a = Vec::with_capacity(rows.len());
        for row in rows {
            e.push(row.1);
            c.push(row.2);
            s.push(row.3);
            a.push(row.4);
        }
        Ok(if arrow {
            (
                strings_out(py, e, true),
                strings_out(py, c, true),
                ArrowColumn(Arc::new(Float64Array::from(s))).into_py(py),
                ArrowColumn(Arc::new(BooleanArray::from(a))).into_py(py),
            )
        } else {
            (e.into_py(py), c.into_py(py), s.into_py(py), a.into_py(py))
        })
    }

    /// One dict per mention found in `texts`, document by document.
    fn extract<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        docs: Vec<String>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let documents = documents(&texts, &docs)?;
        let x = py
            .allow_threads(|| {
                let extractor = extractor(self.aliases.as_ref())?;
                Ok::<_, Error>(extractor.extract(&self.inner, &documents))
            })
            .map_err(py_err)?;
        extraction_dicts(py, &texts, &x)
    }
}

// ---------------------------------------------------------------------------
// The entity store (`canonym.Store`), with the `store` feature.
// ---------------------------------------------------------------------------

/// A store error as a Python exception: `OSError` for the file (missing,
/// not a store, read-only, busy), `ValueError` for a bad decision or table.
#[cfg(feature = "store")]
fn store_err(e: Error) -> PyErr {
    match e.kind() {
        ErrorKind::Io | ErrorKind::Store | ErrorKind::Busy => PyOSError::new_err(e.to_string()),
        _ => PyValueError::new_err(e.to_string()),
    }
}

/// A value as JSON text, turned into Python objects by the package.
#[cfg(feature = "store")]
fn to_json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).expect("store values serialise")
}

/// An entity store: one SQLite file of entities with stable ids.
#[cfg(feature = "store")]
#[pyclass(module = "canonym")]
struct NativeStore {
    inner: Option<crate::Store>,
    resolver: crate::ResolverBuilder,
    path: PathBuf,
}

#[cfg(feature = "store")]
impl NativeStore {
    fn store(&mut self) -> PyResult<&mut crate::Store> {
        let path = &self.path;
        self.inner.as_mut().ok_or_else(|| {
            PyValueError::new_err(format!("{}: the store is closed", path.display()))
        })
    }
}

#[cfg(feature = "store")]
#[pymethods]
impl NativeStore {
    #[new]
    #[pyo3(signature = (path, threshold=None, wait=None, read_only=false, batch_size=None))]
    fn new(
        py: Python<'_>,
        path: PathBuf,
        threshold: Option<f64>,
        wait: Option<f64>,
        read_only: bool,
        batch_size: Option<usize>,
    ) -> PyResult<Self> {
        let cfg = config(threshold)?;
        let wait = match wait {
            Some(w) if !(w.is_finite() && w >= 0.0) => {
                return Err(PyValueError::new_err(format!(
                    "wait must be a number of seconds, not {w}"
                )))
            }
            Some(w) => std::time::Duration::from_secs_f64(w),
            None => crate::DEFAULT_WAIT,
        };
        let mut store = py
            .allow_threads(|| {
                if read_only {
                    crate::Store::open_read_only(&path)
                } else {
                    crate::Store::open_waiting(&path, wait)
                }
            })
            .map_err(store_err)?;
        if let Some(n) = batch_size {
            store.set_batch_size(n);
        }
        let mut resolver = crate::ResolverBuilder::new();
        resolver.config(cfg);
        Ok(NativeStore {
            inner: Some(store),
            resolver,
            path,
        })
    }

    /// Closes the file; later calls fail.
    fn close(&mut self) {
        self.inner = None;
    }

    /// The resolution of `names` into the store, as
    /// (entity, canonical, score, ambiguous) columns.
    #[pyo3(signature = (names, docs=None))]
    fn resolve(
        &mut self,
        py: Python<'_>,
        names: Vec<String>,
        docs: Option<Vec<Option<String>>>,
    ) -> PyResult<Columns> {
        check_docs(&names, docs.as_deref())?;
        let resolver = self.resolver.clone();
        let store = self.store()?;
        let r = py
            .allow_threads(|| store.resolve(&resolver, &mentions(&names, docs.as_deref())))
            .map_err(store_err)?;
        Ok(columns(&r))
    }

    /// Finds the names in `texts` (documents named by `docs`) and resolves
    /// them into the store, as `canonym extract --store` does; one dict per
    /// mention, as `canonym.extract` gives them, with the stored ids.
    fn extract<'py>(
        &mut self,
        py: Python<'py>,
        texts: Vec<String>,
        docs: Vec<String>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let documents = documents(&texts, &docs)?;
        let resolver = self.resolver.clone();
        let store = self.store()?;
        let x = py
            .allow_threads(|| extractor(None)?.extract_into(store, &resolver, &documents))
            .map_err(store_err)?;
        extraction_dicts(py, &texts, &x)
    }

    /// Seeds the store from alias tables; returns the entities created.
    fn import_tables(&mut self, py: Python<'_>, tables: Vec<PathBuf>) -> PyResult<usize> {
        let resolver = self.resolver.clone();
        let store = self.store()?;
        py.allow_threads(|| {
            let mut b = AliasTableBuilder::new();
            b.allow_ambiguous(true);
            for t in &tables {
                b.add_path(t)?;
            }
            let table = b.build()?;
            store.import(&table, &resolver)
        })
        .map_err(store_err)
    }

    /// Merges entities into the first (JSON of the decision).
    #[pyo3(signature = (ids, note=None))]
    fn merge(&mut self, ids: Vec<String>, note: Option<String>) -> PyResult<String> {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let d = self
            .store()?
            .merge(&ids, note.as_deref())
            .map_err(store_err)?;
        Ok(to_json(&d))
    }

    /// Takes names away from an entity for good (JSON of the decision).
    #[pyo3(signature = (id, names, note=None))]
    fn split(&mut self, id: &str, names: Vec<String>, note: Option<String>) -> PyResult<String> {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let resolver = self.resolver.clone();
        let d = self
            .store()?
            .split(id, &names, note.as_deref(), &resolver)
            .map_err(store_err)?;
        Ok(to_json(&d))
    }

    /// Adds known names to an entity (JSON of the decision).
    #[pyo3(signature = (id, names, note=None))]
    fn alias(&mut self, id: &str, names: Vec<String>, note: Option<String>) -> PyResult<String> {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let resolver = self.resolver.clone();
        let d = self
            .store()?
            .alias(id, &names, note.as_deref(), &resolver)
            .map_err(store_err)?;
        Ok(to_json(&d))
    }

    /// Reverts a decision (JSON of the undo).
    #[pyo3(signature = (decision, note=None))]
    fn undo(&mut self, decision: i64, note: Option<String>) -> PyResult<String> {
        let d = self
            .store()?
            .undo(decision, note.as_deref())
            .map_err(store_err)?;
        Ok(to_json(&d))
    }

    /// Every decision, in order (JSON).
    fn log(&mut self) -> PyResult<String> {
        Ok(to_json(&self.store()?.log().map_err(store_err)?))
    }

    /// Every live entity with its names (JSON).
    fn entities(&mut self, py: Python<'_>) -> PyResult<String> {
        let store = self.store()?;
        py.allow_threads(move || store.entities().map(|e| to_json(&e)))
            .map_err(store_err)
    }

    /// The entity an id stands for, following merges (JSON, or None).
    fn entity(&mut self, id: &str) -> PyResult<Option<String>> {
        Ok(self
            .store()?
            .entity(id)
            .map_err(store_err)?
            .map(|e| to_json(&e)))
    }

    /// The live id an id stands for, or None.
    fn live_id(&mut self, id: &str) -> PyResult<Option<String>> {
        self.store()?.live_id(id).map_err(store_err)
    }

    /// Writes every live entity to `path`, as JSON lines or CSV.
    fn export(&mut self, py: Python<'_>, path: PathBuf, format: &str) -> PyResult<()> {
        if format != "jsonl" && format != "csv" {
            return Err(PyValueError::new_err(format!(
                "format must be \"jsonl\" or \"csv\", not {format:?}"
            )));
        }
        let store = self.store()?;
        py.allow_threads(move || {
            let label = path.display().to_string();
            let file = std::fs::File::create(&path).map_err(|e| Error::io(&label, e))?;
            let mut w = std::io::BufWriter::new(file);
            if format == "csv" {
                store.export_csv(&mut w)?;
            } else {
                store.export_jsonl(&mut w)?;
            }
            std::io::Write::flush(&mut w).map_err(|e| Error::io(&label, e))
        })
        .map_err(store_err)
    }

    /// Runs SQLite's integrity check; raises OSError when the file is damaged.
    fn check_integrity(&mut self) -> PyResult<()> {
        self.store()?.check_integrity().map_err(store_err)
    }
}

/// The native module.
#[pymodule]
#[pyo3(name = "_canonym")]
fn canonym_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Name>()?;
    m.add_class::<Part>()?;
    m.add_class::<Comparison>()?;
    m.add_class::<NativeResolver>()?;
    m.add_class::<ArrowColumn>()?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(normalise, m)?)?;
    m.add_function(wrap_pyfunction!(keys, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(score, m)?)?;
    m.add_function(wrap_pyfunction!(blocking_keys_of, m)?)?;
    m.add_function(wrap_pyfunction!(profile, m)?)?;
    m.add("DEFAULT_THRESHOLD", DEFAULT_THRESHOLD)?;
    #[cfg(feature = "store")]
    m.add_class::<NativeStore>()?;
    Ok(())
}
