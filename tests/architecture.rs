//! The layering of ARCHITECTURE.md, checked: no module imports from a module above it, at the top level
//! (stages) and inside the repair and segment folders (passes and jobs). A module's rank is its place in
//! the lists below; a `use crate::…` or `use super::…` of a module of a higher rank fails the test.
use std::path::Path;

/// The stages, bottom first. Modules of equal rank may not import each other either.
const STAGES: &[(&str, u8)] = &[
    ("text", 0),
    ("lang", 0),
    ("source", 0),
    ("token", 1),
    ("lexicon", 1),
    ("names", 1),
    ("catalogue", 1),
    ("repair", 2),
    ("segment", 3),
    ("stream", 3),
    ("output", 4),
    ("process", 5),
    ("eval", 5),
    ("ocrxml", 6),
    ("pipeline", 7),
    ("bench", 7),
];

/// Inside `src/repair/`, bottom first.
const REPAIR: &[(&str, u8)] = &[
    ("edit", 0),
    ("channel", 1),
    ("calibration", 1),
    ("bigrams", 1),
    ("units", 1),
    ("candidates", 2),
    ("rules", 2),
    ("model", 3),
    ("state", 4),
    ("word", 5),
    ("damage", 6),
    ("document", 7),
    ("context", 7),
    ("emit", 8),
    ("passes", 9),
    ("explain", 10),
    ("window", 10),
];

/// Inside `src/segment/`, bottom first.
const SEGMENT: &[(&str, u8)] = &[
    ("lines", 0),
    ("signatures", 1),
    ("layout", 2),
    ("head", 3),
    ("paragraphs", 4),
    ("bundle", 4),
    ("headings", 5),
    ("doctype", 6),
    ("assemble", 6),
    ("metadata", 7),
];

fn rank(table: &[(&str, u8)], name: &str) -> Option<u8> {
    table.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
}

/// The modules a file names after `prefix` (`crate::` or `super::`), outside its tests.
fn imports(source: &str, prefix: &str) -> Vec<String> {
    let code: String = source
        .split("#[cfg(test)]")
        .next()
        .unwrap_or(source)
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let code = code.as_str();
    let mut out = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &code[i + prefix.len()..];
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !name.is_empty() {
            out.push(name);
        }
        // `use super::{a, b}` and `use crate::{a, b}`.
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(0)];
            out.extend(
                group
                    .split(',')
                    .map(|p| p.trim().split("::").next().unwrap_or("").to_string()),
            );
        }
    }
    out.retain(|n| !n.is_empty());
    out
}

fn check(dir: &Path, table: &[(&str, u8)], prefix: &str, failures: &mut Vec<String>) {
    for (name, r) in table {
        let file = dir.join(format!("{name}.rs"));
        let file = if file.exists() {
            file
        } else {
            dir.join(name).join("mod.rs")
        };
        let source = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for used in imports(&source, prefix) {
            if let Some(u) = rank(table, &used) {
                if u >= *r && used != *name {
                    failures.push(format!("{} imports {prefix}{used} (rank {u} ≥ {r})", file.display()));
                }
            }
        }
    }
}

#[test]
fn no_module_imports_from_above() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut failures = Vec::new();
    check(&src, STAGES, "crate::", &mut failures);
    check(&src.join("repair"), REPAIR, "super::", &mut failures);
    check(&src.join("segment"), SEGMENT, "super::", &mut failures);
    // Inside a stage, a module reaches its siblings through `super::`, never the stage above through
    // `crate::` either.
    for (stage, table) in [("repair", REPAIR), ("segment", SEGMENT)] {
        let r = rank(STAGES, stage).unwrap();
        for (name, _) in table {
            let source = std::fs::read_to_string(src.join(stage).join(format!("{name}.rs"))).unwrap();
            for used in imports(&source, "crate::") {
                if rank(STAGES, &used).is_some_and(|u| u > r) {
                    failures.push(format!("src/{stage}/{name}.rs imports crate::{used}, a stage above"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_module_has_a_rank() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for (dir, table) in [("repair", REPAIR), ("segment", SEGMENT)] {
        for entry in std::fs::read_dir(src.join(dir)).unwrap() {
            let name = entry
                .unwrap()
                .file_name()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string();
            if !["mod", "tests"].contains(&name.as_str()) {
                assert!(
                    rank(table, &name).is_some(),
                    "src/{dir}/{name}.rs has no place in tests/architecture.rs"
                );
            }
        }
    }
}
