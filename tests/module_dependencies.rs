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

/// The module names (lower-case paths) that `source` reaches through
/// `crate::analysis::`, including those inside a `{…}` group.
fn referenced(source: &str) -> Vec<String> {
    const PREFIX: &str = "crate::analysis::";
    let mut names = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find(PREFIX) {
        rest = &rest[at + PREFIX.len()..];
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
            if ident.starts_with(|c: char| c.is_ascii_lowercase()) {
                names.push(ident);
            }
            if !rest.starts_with('{') {
                break;
            }
        }
    }
    names
}

fn dependency_graph() -> Graph {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/analysis");
    let modules: BTreeSet<String> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| module_of(&root, &e.unwrap().path()))
        .collect();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut graph = Graph::new();
    for file in files {
        let from = module_of(&root, &file);
        let source = without_comments(&std::fs::read_to_string(&file).unwrap());
        let edges = graph.entry(from.clone()).or_default();
        for to in referenced(&source) {
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
    assert_eq!(report_users, BTreeSet::from(["job", "token"]));
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
fn grouped_imports_are_read() {
    let source =
        "use crate::analysis::{decode::Decoded, vocab::{A, B}};\nuse crate::analysis::times;";
    assert_eq!(referenced(source), ["decode", "vocab", "times"]);
}
