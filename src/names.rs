//! Names of people and places: the first names counted from the corpus (`data/first_names.tsv`, the
//! first words of names written with a party) and Swedish first names, surnames and place names from
//! public lists (`data/names.tsv`, built by `scripts/build_names.py` from faker's sv_SE data, MIT, and
//! GeoNames, CC BY 4.0; see `data/LEXICON.md`). Repair keeps a capitalised word it knows as a name;
//! segmentation splits signature lines into people at first names.
use std::collections::HashSet;
use std::sync::OnceLock;

static FIRST_NAMES: &str = include_str!("../data/first_names.tsv");
static NAMES: &str = include_str!("../data/names.tsv");

fn first_column(tsv: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    tsv.lines().filter(|l| !l.starts_with('#')).filter_map(|l| {
        let mut f = l.split('\t');
        Some((f.next()?, f.next().unwrap_or("")))
    })
}

/// The first names written with a party in the corpus (`Axel`, `Jörgen`): what signature lines split at.
pub fn corpus_first_names() -> &'static HashSet<&'static str> {
    static N: OnceLock<HashSet<&'static str>> = OnceLock::new();
    N.get_or_init(|| first_column(FIRST_NAMES).map(|(n, _)| n).collect())
}

/// Every first name known: the corpus's and the public list's.
fn first_names() -> &'static HashSet<&'static str> {
    static N: OnceLock<HashSet<&'static str>> = OnceLock::new();
    N.get_or_init(|| {
        let mut s = corpus_first_names().clone();
        s.extend(first_column(NAMES).filter(|(_, k)| *k == "first").map(|(n, _)| n));
        s
    })
}

/// Every name known: first names, surnames and places.
fn all_names() -> &'static HashSet<&'static str> {
    static N: OnceLock<HashSet<&'static str>> = OnceLock::new();
    N.get_or_init(|| {
        let mut s = first_names().clone();
        s.extend(first_column(NAMES).map(|(n, _)| n));
        s
    })
}

/// Is `w` (as written, capitalised) a known first name?
///
/// ```
/// assert!(diakrit::names::is_first_name("Karin") && !diakrit::names::is_first_name("karin"));
/// ```
pub fn is_first_name(w: &str) -> bool {
    first_names().contains(w)
}

/// Is `w` (as written) a known first name, surname or place?
///
/// ```
/// assert!(diakrit::names::is_name("Söderström") && diakrit::names::is_name("Åtvidaberg"));
/// assert!(!diakrit::names::is_name("Soderstrom")); // a stripped spelling is no name
/// ```
pub fn is_name(w: &str) -> bool {
    all_names().contains(w)
}

/// Is `w` (as written) a known place (`Mölnlycke`, `Borås`)?
///
/// ```
/// assert!(diakrit::names::is_place("Borås") && !diakrit::names::is_place("Andersson"));
/// ```
pub fn is_place(w: &str) -> bool {
    static N: OnceLock<HashSet<&'static str>> = OnceLock::new();
    N.get_or_init(|| {
        first_column(NAMES)
            .filter(|(_, k)| *k == "place")
            .map(|(n, _)| n)
            .collect()
    })
    .contains(w)
}
