//! Writing the TOML of a generated dictionary: strings and lists, the
//! `[meta]` table, one `[[entity]]` table, and the sections of the header
//! comment. Every generator writes through these, so the built-in files
//! share one layout: keys in the documented order, empty lists left out.

use std::fmt::Write as _;

use copydesk::Entity;
use copydesk::entity::Role;

/// A TOML basic string.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => write!(out, "\\u{:04X}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A one-line TOML array of strings.
pub(crate) fn list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<String> = items.iter().map(|s| quote(s.as_ref())).collect();
    format!("[{}]", items.join(", "))
}

/// Append the `[meta]` table.
pub(crate) fn write_meta(
    out: &mut String,
    name: &str,
    source: &str,
    licence: &str,
    as_of: &str,
    command: &str,
) {
    out.push_str("\n[meta]\n");
    writeln!(out, "name = {}", quote(name)).unwrap();
    writeln!(out, "source = {}", quote(source)).unwrap();
    writeln!(out, "licence = {}", quote(licence)).unwrap();
    writeln!(out, "as-of = {}", quote(as_of)).unwrap();
    writeln!(out, "generator = {}", quote(command)).unwrap();
}

/// One `[[entity]]` table, keys in the order `dictionaries/README.md`
/// documents (`prominence` last, after the description it qualifies);
/// empty lists, `well-known = false` and missing fields are left out.
pub(crate) fn write_entity(out: &mut String, e: &Entity) {
    out.push_str("\n[[entity]]\n");
    writeln!(out, "id = {}", quote(&e.id)).unwrap();
    writeln!(out, "kind = {}", quote(e.kind.as_str())).unwrap();
    writeln!(out, "name = {}", quote(&e.name)).unwrap();
    for (field, forms) in [
        ("aliases", &e.aliases),
        ("variants", &e.variants),
        ("misspellings", &e.misspellings),
        ("abbreviations", &e.abbreviations),
    ] {
        if !forms.is_empty() {
            writeln!(out, "{field} = {}", list(forms)).unwrap();
        }
    }
    if e.well_known {
        out.push_str("well-known = true\n");
    }
    if let Some(f) = &e.family_name {
        writeln!(out, "family-name = {}", quote(f)).unwrap();
    }
    if !e.titles.is_empty() {
        writeln!(out, "titles = {}", list(&e.titles)).unwrap();
    }
    write_roles(out, &e.roles);
    if !e.ambiguous.is_empty() {
        writeln!(out, "ambiguous = {}", list(&e.ambiguous)).unwrap();
    }
    if let Some(d) = &e.description {
        writeln!(out, "description = {}", quote(d)).unwrap();
    }
    if let Some(p) = e.prominence {
        writeln!(out, "prominence = {p}").unwrap();
    }
}

/// `roles = [...]`, one role per line, in the order given; nothing when
/// there is none.
pub(crate) fn write_roles(out: &mut String, roles: &[Role]) {
    if roles.is_empty() {
        return;
    }
    out.push_str("roles = [\n");
    for r in roles {
        write!(out, "  {{ title = {}", quote(&r.title)).unwrap();
        if let Some(org) = &r.org {
            write!(out, ", org = {}", quote(org)).unwrap();
        }
        if let Some(from) = r.from {
            write!(out, ", from = \"{from}\"").unwrap();
        }
        if let Some(to) = r.to {
            write!(out, ", to = \"{to}\"").unwrap();
        }
        out.push_str(" },\n");
    }
    out.push_str("]\n");
}

/// A section of a generated file's header comment: what was left out, and why.
pub(crate) fn write_comment_section(out: &mut String, title: &str, items: &[String]) {
    if !items.is_empty() {
        writeln!(out, "#\n# {title} ({}):", items.len()).unwrap();
        for i in items {
            writeln!(out, "#   {i}").unwrap();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk::EntityKind;

    #[test]
    fn strings_and_tables() {
        assert_eq!(quote(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(list(&["a", "b"]), r#"["a", "b"]"#);
        let mut e = Entity::new(EntityKind::Organization, "Department of the Treasury");
        e.variants = vec!["Department of Treasury".to_owned()];
        e.abbreviations = vec!["USDT".to_owned()];
        e.well_known = true;
        e.roles = vec![Role {
            title: "Agency".to_owned(),
            org: None,
            from: None,
            to: None,
        }];
        e.description = Some("US federal executive department".to_owned());
        e.prominence = Some(3);
        let mut out = String::new();
        write_entity(&mut out, &e);
        assert_eq!(
            out,
            "\n[[entity]]\nid = \"department-of-the-treasury\"\nkind = \"organization\"\n\
             name = \"Department of the Treasury\"\nvariants = [\"Department of Treasury\"]\n\
             abbreviations = [\"USDT\"]\nwell-known = true\nroles = [\n  { title = \"Agency\" },\n]\n\
             description = \"US federal executive department\"\nprominence = 3\n"
        );
    }
}
