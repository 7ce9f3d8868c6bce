//! Dependencies among the core's modules run one way: the vocabulary is a
//! leaf, the report sits on top, and no two modules import each other,
//! directly or around a loop. Read from the `crate::analysis::…` paths in
//! the source (comments excluded), so a new import that closes a cycle
//! fails here with the loop named.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod common;

use common::rust_files;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The top-level module a file under `src/analysis/` belongs to.
fn module_of(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).unwrap();
    let first = relative.components().next().unwrap();
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// The source without `//` comments (doc links are not dependencies).
fn without_comments(source: &str) -> String {
    source
        .lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names that `source` reaches through `prefix` (`crate::analysis::`,
/// or `super::` in a file directly under src/analysis), including those
/// inside a `{…}` group.
fn referenced_through(source: &str, prefix: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find(prefix) {
        let glued = rest[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':');
        rest = &rest[at + prefix.len()..];
        if glued {
            continue;
        }
        let group = if let Some(inner) = rest.strip_prefix('{') {
            &inner[..inner.find('}').unwrap_or(inner.len())]
        } else {
            rest
        };
        for part in group.split(',') {
            let ident: String = part
                .trim()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !ident.is_empty() {
                names.push(ident);
            }
            if !rest.starts_with('{') {
                break;
            }
        }
    }
    names
}

/// What src/analysis.rs re-exports (`pub use options::{Options, Verifier};`):
/// item name → the module it comes from.
fn re_exports(root_file: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in root_file.lines() {
        let Some(path) = line.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, items)) = path.trim_end_matches(';').split_once("::") else {
            continue;
        };
        for item in items.trim_matches(|c| c == '{' || c == '}').split(',') {
            map.insert(item.trim().to_string(), module.to_string());
        }
    }
    map
}

/// Test code (`tests.rs`, `…/tests/…`) may reach anywhere: it is not part
/// of the design's layering.
fn is_test_code(file: &Path) -> bool {
    file.file_name().is_some_and(|n| n == "tests.rs")
        || file.components().any(|c| c.as_os_str() == "tests")
}

fn dependency_graph() -> Graph {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("src/analysis");
    let re_exported =
        re_exports(&std::fs::read_to_string(manifest.join("src/analysis.rs")).unwrap());
    let modules: BTreeSet<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| module_of(&root, &e.unwrap().path()))
        .collect();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut graph = Graph::new();
    for file in files
        .into_iter()
        .filter(|f| !is_test_code(f.strip_prefix(&root).unwrap()))
    {
        let from = module_of(&root, &file);
        let source = without_comments(&std::fs::read_to_string(&file).unwrap());
        let mut names = referenced_through(&source, "crate::analysis::");
        if file.parent() == Some(root.as_path()) {
            names.extend(referenced_through(&source, "super::"));
        }
        let edges = graph.entry(from.clone()).or_default();
        for name in names {
            let to = re_exported.get(&name).cloned().unwrap_or(name);
            if to != from && modules.contains(&to) {
                edges.insert(to);
            }
        }
    }
    graph
}

/// The first cycle found, as the loop of module names.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_import_cycle_among_core_modules() {
    let graph = dependency_graph();
    assert!(
        graph.len() > 10,
        "the core's modules were not read: {graph:?}"
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle among core modules: {}", cycle.join(" → "));
    }
}

#[test]
fn the_vocabulary_is_a_leaf_and_nothing_imports_the_report_but_its_assemblers() {
    let graph = dependency_graph();
    assert_eq!(graph["vocab"], BTreeSet::new(), "vocab imports nothing");
    let report_users: BTreeSet<&str> = graph
        .iter()
        .filter(|(_, to)| to.contains("report"))
        .map(|(from, _)| from.as_str())
        .collect();
    assert_eq!(
        report_users,
        BTreeSet::from(["compare", "job", "links", "token"])
    );
}

#[test]
fn a_loop_through_three_modules_is_found() {
    let mut graph = Graph::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        graph.entry(from.into()).or_default().insert(to.into());
    }
    assert_eq!(find_cycle(&graph).unwrap(), ["a", "b", "c", "a"]);
    graph.get_mut("c").unwrap().remove("a");
    assert_eq!(find_cycle(&graph), None);
}

#[test]
fn grouped_imports_and_re_exports_are_read() {
    let source =
        "use crate::analysis::{decode::Decoded, vocab::{A, B}};\nuse crate::analysis::times;";
    assert_eq!(
        referenced_through(source, "crate::analysis::"),
        ["decode", "vocab", "B", "times"]
    );
    let map = re_exports("pub mod a;\npub use options::{Options, Verifier};\npub use x::Y;");
    assert_eq!(map["Verifier"], "options");
    assert_eq!(map["Y"], "x");
    assert_eq!(
        referenced_through("use super::Options;", "super::"),
        ["Options"]
    );
    assert!(referenced_through("use self::super::x;", "super::").is_empty());
}

#[test]
fn the_options_seam_is_seen_through_its_re_export() {
    let graph = dependency_graph();
    assert!(graph["token"].contains("options"), "{:?}", graph["token"]);
}
