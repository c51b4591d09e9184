"""Check every data file and collect *all* problems, so an editor fixes them in one go.

Three passes, each with its own job:
1. reading: strict YAML (strict_yaml) and the shape of each value against the schema —
   unknown keys, lists where one value belongs, and values YAML would silently coerce;
2. tables: the records flattened into one frictionless package (main tables plus link
   tables for array fields) and validated there: types, required, enums, lengths,
   patterns and foreign keys come from the Table Schemas, not from code;
3. integrity frictionless cannot see: id = file name, folder = wijk, unique ids,
   and links that are only https: or mailto:.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field as dataclass_field
from datetime import date
from pathlib import Path

import frictionless
import yaml

from . import editor_checks as checks
from . import messages as msg
from .problems import Problem
from .parallel import map_forked, usable_cores
from .records import Record
from .schema import BY_FOLDER, COLLECTIONS, Field, LinkTable, Schema, SchemaSet, load_schemas
from .strict_yaml import line_of, read_nodes
from .zoekwoorden import check as check_search_words

CORE = "tag:yaml.org,2002:"
PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MD_LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s>]*\))*)|<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>|\b((?:https?|ftp|javascript|data|file|vbscript):[^\s)>\]]*)", re.IGNORECASE)
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")


@dataclass
class Result:
    records: list[Record]
    problems: list[Problem]
    schemas: SchemaSet
    warnings: list[Problem] = dataclass_field(default_factory=list)  # shown and counted; never stop the build
    files: list[str] = dataclass_field(default_factory=list)  # the files checked, as shown

    @property
    def ok(self) -> bool:
        return not self.problems


def validate(data_dir: Path, only: list[Path] | None = None, schema_dir: Path | None = None, root: Path | None = None, today: date | None = None) -> Result:
    """Validate all data under `data_dir`; report only problems in `only` when given.

    References always resolve against the whole data set, so checking one changed
    file still catches a practice that points at a wijk that does not exist.
    """
    data_dir = Path(data_dir)
    root = Path(root) if root else data_dir.parent
    schemas = load_schemas(schema_dir or data_dir / "schema")
    shown = _Shown(root)
    problems: list[Problem] = []
    records: list[Record] = []
    files = []
    found_files = [(path, shown(path), collection) for path, collection in _discover(data_dir, problems, shown)]
    for (path, name, collection), (record, found) in zip(found_files, map_forked(lambda f: _read_file(*f, schemas), found_files)):
        files.append(name)
        problems += found
        if record is not None:
            record.collection = collection  # the one instance, not a copy from another process
            records.append(record)
    problems += _integrity(records, schemas, today or date.today())
    problems += _table_problems(records, schemas)
    problems += check_search_words(data_dir, schema_dir or data_dir / "schema", shown, records)
    warnings = [w for r in records if r.collection.name == "praktijken" for w in checks.privacy_warnings(r)]
    files += sorted({p.path for p in problems} - set(files))
    if only is not None:
        wanted = {shown(Path(p).resolve()) for p in only}
        missing = [p for p in only if not Path(p).exists()]
        problems = [p for p in problems if p.path in wanted]
        warnings = [w for w in warnings if w.path in wanted]
        files = [f for f in files if f in wanted]
        problems += [Problem(str(p), 1, "bestand", "dit bestand bestaat niet — controleer de naam en de map") for p in missing]
        files += [str(p) for p in missing]
    return Result(records, sorted(set(problems)), schemas, sorted(set(warnings)), files)


class _Shown:
    """A file's path as messages show it: relative to the project root where it lies inside it.

    Resolving a path asks the file system about every folder on the way; thousands of
    practice files share a few dozen folders, so each folder is resolved once.
    """

    def __init__(self, root: Path):
        self.root = Path(root).resolve()
        self._folders: dict[Path, Path] = {}

    def __call__(self, path: Path) -> str:
        path = Path(path)
        if path.is_symlink() or not path.name or path.name in (".", ".."):
            resolved = path.resolve()
        else:
            folder = self._folders.get(path.parent)
            if folder is None:
                folder = self._folders[path.parent] = path.parent.resolve()
            resolved = folder / path.name
        try:
            return str(resolved.relative_to(self.root))
        except ValueError:
            return str(path)


def _discover(data_dir: Path, problems: list[Problem], shown) -> list[tuple[Path, object]]:
    """Every record file, with its collection; files in the wrong place are problems."""
    found = []
    for collection in COLLECTIONS:
        folder = data_dir / collection.folder
        if not folder.is_dir():
            continue
        pattern = "*/*" if collection.grouped_by else "*"
        for path in sorted(folder.glob(pattern)):
            if path.is_dir():
                continue
            if path.suffix == ".yaml":
                found.append((path, collection))
            elif path.suffix == ".yml" or path.suffix == "":
                problems.append(Problem(shown(path), 1, "bestand", msg.wrong_extension(path.name)))
        if collection.grouped_by:
            for path in sorted(folder.glob("*.yaml")):
                problems.append(Problem(shown(path), 1, "bestand", msg.practice_outside_wijk_folder()))
    return found


# ---------------------------------------------------------------- pass 1: reading


def _read_file(path: Path, shown: str, collection, schemas: SchemaSet) -> tuple[Record | None, list[Problem]]:
    """One file, read and checked on its own: thousands of them are spread over the cores (macros/parallel.py)."""
    record, problems = read_record(path, shown, schemas[collection.name])
    if record is not None:
        problems += checks.placeholder_problems(path.read_text("utf-8"), shown)
    return record, problems


def read_record(path: Path, shown: str, schema: Schema) -> tuple[Record | None, list[Problem]]:
    root, problems = read_nodes(path, shown)
    if root is None:
        return None, problems
    if not isinstance(root, yaml.MappingNode):
        return None, [Problem(shown, line_of(root), "bestand", msg.not_a_mapping())]
    record = Record(schema.collection, shown, line=line_of(root))
    for key, node in root.value:
        name = key.value
        field = schema.by_name.get(name)
        if field is None:
            problems.append(Problem(shown, line_of(key), name, msg.unknown_key(name, _suggest(name, schema.by_name))))
            continue
        record.lines[name] = line_of(node) if not _is_null(node) else line_of(key)
        problems += _read_value(record, field, node)
    return record, problems


def _suggest(name: str, options) -> str | None:
    close = difflib.get_close_matches(name, list(options), n=1, cutoff=0.6)
    return close[0] if close else None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == CORE + "null"


def _read_value(record: Record, field: Field, node: yaml.Node) -> list[Problem]:
    if _is_null(node):
        return []
    if not field.is_list:
        text, problem = scalar_cell(node, field)
        line, problem = _editor_check(node, field, text, problem)
        if problem:
            record.unreadable.add((field.name, None))
            return [Problem(record.path, line, field.name, problem)]
        record.values[field.name] = text
        return []
    if not isinstance(node, yaml.SequenceNode):
        record.unreadable.add((field.name, None))
        return [Problem(record.path, line_of(node), field.name, msg.expected_list(field))]
    items, lines, problems = [], [], []
    for position, item in enumerate(node.value, 1):
        lines.append(line_of(item))
        if field.item_fields:
            value, found = _read_mapping_item(record, field, item, position)
        else:
            value, problem = scalar_cell(item, field, in_list=True)
            line, problem = _editor_check(item, field, value, problem)
            found = [Problem(record.path, line, field.name, problem)] if problem else []
            if found:
                record.unreadable.add((field.name, position))
        problems += found
        items.append(value)
    record.values[field.name] = items
    record.item_lines[field.name] = lines
    return problems


def _read_mapping_item(record: Record, field: Field, node: yaml.Node, position: int) -> tuple[dict, list[Problem]]:
    if not isinstance(node, yaml.MappingNode):
        record.unreadable.add((field.name, position))
        keys = ", ".join(f.name for f in field.item_fields)
        return {}, [Problem(record.path, line_of(node), field.name, msg.expected_mapping_item(field, keys))]
    subfields = {f.name: f for f in field.item_fields}
    value, problems = {}, []
    for key, sub in node.value:
        veld = f"{field.name}.{key.value}"
        record.sub_lines[(veld, position)] = line_of(sub)
        subfield = subfields.get(key.value)
        if subfield is None:
            problems.append(Problem(record.path, line_of(key), veld, msg.unknown_key(key.value, _suggest(key.value, subfields))))
            continue
        if _is_null(sub):
            continue
        if subfield.is_list:
            value[key.value], found = _read_item_list(record, veld, subfield, sub, position)
            problems += found
            continue
        text, problem = scalar_cell(sub, subfield)
        line, problem = _editor_check(sub, subfield, text, problem)
        if problem:
            record.unreadable.add((veld, position))
            problems.append(Problem(record.path, line, veld, problem))
        else:
            value[key.value] = text
    return value, problems


def _read_item_list(record: Record, veld: str, field: Field, node: yaml.Node, position: int) -> tuple[list, list[Problem]]:
    """A list inside a list item (a meeting's tools): plain values, each with its own line."""
    if not isinstance(node, yaml.SequenceNode):
        record.unreadable.add((veld, position))
        return [], [Problem(record.path, line_of(node), veld, msg.expected_list(field))]
    items, problems = [], []
    for sub_position, item in enumerate(node.value, 1):
        record.sub_lines[(veld, (position, sub_position))] = line_of(item)
        text, problem = scalar_cell(item, field, in_list=True)
        if problem:
            record.unreadable.add((veld, (position, sub_position)))
            problems.append(Problem(record.path, line_of(item), veld, problem))
        items.append(text)
    return items, problems


def _editor_check(node: yaml.Node, field: Field, text: str | None, problem: str | None) -> tuple[int, str | None]:
    """The checks YAML and the schema cannot do: hidden characters, example values, near-miss links."""
    if problem or text is None or not isinstance(node, yaml.ScalarNode):
        return line_of(node), problem
    hidden = checks.scalar_hidden_problem(node, field.markdown)
    if hidden:
        return hidden
    example = checks.example_value_problem(node)
    if example:
        return line_of(node), example
    if field.descriptor.get("format") == "uri":
        fix = checks.link_fix(text)
        if fix:
            return line_of(node), f"'{msg.shorten(text)}' is geen bruikbaar webadres — {fix}"
    return line_of(node), None


def scalar_cell(node: yaml.Node, field: Field, in_list: bool = False) -> tuple[str | None, str | None]:
    """The text of one value for frictionless, or why YAML would have read it differently.

    Values reach frictionless as text, so nothing is coerced behind the editor's back:
    `no` in a text field, `012` or a date where text belongs are reported, not guessed.
    """
    if not isinstance(node, yaml.ScalarNode):
        return None, msg.expected_single_value(field, in_list)
    tag, text = node.tag.removeprefix(CORE), node.value
    kind = field.type if not in_list else "string"
    if tag == "str":
        return text, None
    if kind == "string":
        if tag == "int" and PLAIN_INT.fullmatch(text):
            return text, None
        return None, msg.coerced(text, tag)
    if kind == "date":
        if tag == "timestamp" and ISO_DATE.fullmatch(text):
            return text, None
        return None, msg.bad_date(text)
    if kind == "integer":
        if tag == "int" and PLAIN_INT.fullmatch(text):
            return text, None
        return None, msg.bad_integer(text)
    if kind == "boolean":
        if tag == "bool" and text in ("true", "false"):
            return text, None
        return None, msg.bad_boolean(text)
    return text, None


# ---------------------------------------------------------------- pass 2: tables


def flatten(records: list[Record], schemas: SchemaSet) -> dict[str, tuple[list, list]]:
    """resource name -> (header+rows for frictionless, the (record, position) behind each row)."""
    tables: dict[str, tuple[list, list]] = {}
    by_collection: dict[str, list[Record]] = {s.collection.name: [] for s in schemas}
    for r in records:
        by_collection[r.collection.name].append(r)
    for schema in schemas:
        rows = by_collection[schema.collection.name]
        names = [f.name for f in schema.scalar_fields]
        tables[schema.collection.name] = ([names] + [[r.values.get(n) for n in names] for r in rows], [(r, None) for r in rows])
        for link in schema.link_tables:
            header, origin = _link_header(link), []
            data = [header]
            if link.parent is not None:
                for r in rows:
                    for pos, item in enumerate(r.values.get(link.parent.name) or [], 1):
                        values = item.get(link.field.name) if isinstance(item, dict) else None
                        for sub_pos, value in enumerate(values or [], 1):
                            data.append([r.id, str(pos), str(sub_pos), value])
                            origin.append((r, (pos, sub_pos)))
                tables[link.name] = (data, origin)
                continue
            for r in rows:
                for pos, item in enumerate(r.values.get(link.field.name) or [], 1):
                    if isinstance(item, dict):
                        data.append([r.id, str(pos)] + [item.get(n) for n in header[2:]])
                    else:
                        data.append([r.id, str(pos), item])
                    origin.append((r, pos))
            tables[link.name] = (data, origin)
    return tables


def _link_header(link: LinkTable) -> list[str]:
    return [f["name"] for f in link.descriptor()["fields"]]


def package(schemas: SchemaSet, tables: dict[str, tuple[list, list]], only: set[str] | None = None) -> frictionless.Package:
    """Every table as a resource; with `only` (resource names), just those and the tables they refer to."""
    descriptors = {}
    for schema in schemas:
        descriptors[schema.collection.name] = _for_checking(schema.main_descriptor())
        for link in schema.link_tables:
            descriptors[link.name] = _for_checking(link.descriptor(), owner=schema.collection.singular)
    wanted, todo = set(), list(descriptors if only is None else only)
    while todo:  # what the wanted tables refer to, and what those refer to
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo += [fk["reference"]["resource"] for fk in descriptors[name].get("foreignKeys", ()) if fk["reference"]["resource"]]
    return frictionless.Package(resources=[_resource(name, tables[name][0], d) for name, d in descriptors.items() if name in wanted])


def _for_checking(descriptor: dict, owner: str | None = None) -> dict:
    """A table's descriptor without the checks that cannot fail here, or whose findings are not used.

    The published data package keeps them (macros/exports.py). Unique ids are checked in
    pass 3, with a clearer message than frictionless gives; a link table's owner and
    position come from the record itself (flatten). For every link table's owner key
    frictionless read the whole owning table again: with thousands of practices, a third
    of its time.
    """
    checked = {k: v for k, v in descriptor.items() if k != "primaryKey"}
    if owner is not None:
        checked["foreignKeys"] = [fk for fk in descriptor.get("foreignKeys", ()) if fk["fields"] != [owner]]
    return checked


class _Rows(list):
    """Inline table data that frictionless may copy as often as it likes, for free.

    frictionless deep-copies a resource's descriptor, inline data included, each time it
    exports or validates its metadata — several times per table, and again for every
    foreign-key lookup — which made validation grow much faster than the data. The rows
    are never changed after flatten(), so a "copy" can be the same list.
    """

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self


def _resource(name: str, data: list, descriptor: dict) -> frictionless.Resource:
    schema = frictionless.Schema.from_descriptor({k: v for k, v in descriptor.items() if k not in ("title", "description")})
    return frictionless.Resource(name=name, data=_Rows(data), schema=schema)


def _table_problems(records: list[Record], schemas: SchemaSet, only: set[str] | None = None) -> list[Problem]:
    """Schema and reference errors from frictionless, as editor messages.

    `only` names the collections whose tables are checked (with their link tables); the other
    tables are still there for the references. `make serve` checks only what an edit touched:
    frictionless spends most of its time per table, not per row.
    """
    tables = flatten(records, schemas)
    known: dict[str, list[tuple[str, str]]] = {}
    for r in records:
        known.setdefault(r.collection.name, []).append((r.id, r.title))
    if only is None:
        names = list(tables)
        resources = package(schemas, tables)
    else:
        names = [n for s in schemas if s.collection.name in only for n in [s.collection.name, *(link.name for link in s.link_tables)]]
        resources = package(schemas, tables, only=set(names))
    fields_by_table = {s.collection.name: s.by_name for s in schemas}
    links = {link.name: link for s in schemas for link in s.link_tables}
    for link in links.values():
        fields_by_table[link.name] = {f.name: f for f in link.field.item_fields} or {"waarde": link.field}

    def check(group: list[str]) -> list[Problem]:
        reports = [resources.get_resource(name).validate(limit_errors=100_000) for name in group]
        return _translate_reports(reports, tables, fields_by_table, links, known)

    if only is not None:  # an edit under `make serve`: the server has threads, so no fork; its tables are few
        return check(names)
    groups = _by_weight(names, tables, resources)
    return [p for found in map_forked(check, groups, min_per_worker=1) for p in found]


def _by_weight(names: list[str], tables: dict, resources: frictionless.Package) -> list[list[str]]:
    """The tables in groups of about equal work, one per core; all in one group while the data is small.

    frictionless reads a table's rows once to check them and once more for every table it
    refers to; the largest group sets the time.
    """
    rows = {name: len(tables[name][0]) for name in names}
    if sum(rows.values()) < MIN_ROWS_TO_SPLIT:
        return [names]
    weight = {name: rows[name] + sum(len(tables[fk["reference"]["resource"] or name][0]) for fk in resources.get_resource(name).schema.foreign_keys) for name in names}
    groups: list[list[str]] = [[] for _ in range(usable_cores())]
    load = [0] * len(groups)
    for name in sorted(names, key=lambda n: -weight[n]):
        lightest = load.index(min(load))
        groups[lightest].append(name)
        load[lightest] += weight[name]
    return [g for g in groups if g]


# Below this many rows in all tables together, one process checks them all (the real content).
MIN_ROWS_TO_SPLIT = 5_000


def _translate_reports(reports, tables: dict, fields_by_table: dict, links: dict, known: dict) -> list[Problem]:
    problems = []
    for task in (t for report in reports for t in report.tasks):
        origin = tables[task.name][1]
        link = links.get(task.name)
        link_field = link.field if link is not None else None
        for error in task.errors:
            if link is not None and link.parent is not None:
                problem = _translate_item_list(error, origin, link, known)
            else:
                problem = _translate(error, origin, fields_by_table[task.name], link_field, known)
            if problem:
                problems.append(problem)
    return problems


def _translate(error, origin, fields: dict[str, Field], link_field: Field | None, known: dict | None = None) -> Problem | None:
    row = getattr(error, "row_number", None)
    if row is None or not 2 <= row < len(origin) + 2:
        return None
    record, position = origin[row - 2]
    owner = link_field.name if link_field is not None else getattr(error, "field_name", None)
    column = f"{owner}.{getattr(error, 'field_name', '')}"
    if (owner, position) in record.unreadable or (column, position) in record.unreadable:
        return None  # already reported, more precisely, while reading
    if error.type == "foreign-key":
        column = error.field_names[0] if error.field_names else "waarde"
        options = (known or {}).get(error.reference_name, [])
        value = error.field_cells[0] if error.field_cells else ""
        if link_field is None:
            return None if column not in fields else _at(record, column, None, msg.unknown_reference(value, fields[column].title, error.reference_name, options))
        if column == "waarde":
            return _at(record, link_field.name, position, msg.unknown_reference(value, link_field.title, error.reference_name, options))
        if column in fields:  # a sub-field of a list of mappings that refers to another collection
            return _at(record, f"{link_field.name}.{column}", position, msg.unknown_reference(value, fields[column].title, error.reference_name, options))
        return None  # the owner column always matches
    column = getattr(error, "field_name", None)
    field = fields.get(column)
    if field is None:
        return None  # owner/positie columns are ours and cannot be wrong
    veld = link_field.name if link_field is not None else field.name
    if link_field is not None and link_field.item_fields:
        veld = f"{link_field.name}.{field.name}"
    text = msg.from_frictionless(error, field, link_field if link_field is not None and not link_field.item_fields else None)
    return _at(record, veld, position, text)


def _translate_item_list(error, origin, link: LinkTable, known: dict | None = None) -> Problem | None:
    """An error in a list inside list items (a meeting's tools), at the line of that value."""
    row = getattr(error, "row_number", None)
    if row is None or not 2 <= row < len(origin) + 2:
        return None
    record, position = origin[row - 2]
    if (link.veld, position) in record.unreadable:
        return None
    if error.type == "foreign-key":
        if (error.field_names or ["waarde"])[0] != "waarde":
            return None
        value = error.field_cells[0] if error.field_cells else ""
        options = (known or {}).get(error.reference_name, [])
        return _at(record, link.veld, position, msg.unknown_reference(value, link.field.title, error.reference_name, options))
    if getattr(error, "field_name", None) != "waarde":
        return None
    return _at(record, link.veld, position, msg.from_frictionless(error, link.field, link.field))


def _at(record: Record, veld: str, position: int | None, bericht: str) -> Problem:
    return Problem(record.path, record.line_of(veld, position), veld, bericht)


# ---------------------------------------------------------------- pass 3: integrity


def _integrity(records: list[Record], schemas: SchemaSet, today: date) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[tuple[str, str], Record] = {}
    ids = {r.key for r in records}
    for r in records:
        expected = Path(r.path).stem
        if r.id and r.id != expected:
            problems.append(Problem(r.path, r.line_of("id"), "id", msg.id_not_file_name(r.id, expected)))
        if r.collection.grouped_by:
            folder = Path(r.path).parent.name
            value = r.get(r.collection.grouped_by)
            target = schemas[r.collection.name].scalar_references().get(r.collection.grouped_by)
            if value and value != folder and (target is None or (target, value) in ids):  # an unknown wijk: its own message, never "make a folder"
                problems.append(Problem(r.path, r.line_of(r.collection.grouped_by), r.collection.grouped_by, msg.wrong_folder(value, folder)))
        if r.id:
            other = first.setdefault(r.key, r)
            if other is not r:
                problems.append(Problem(r.path, r.line_of("id"), "id", msg.duplicate_id(r.id, other.path)))
        problems += _link_problems(r, schemas[r.collection.name])
        problems += checks.required_list_problems(r, schemas[r.collection.name])
        updated = schemas[r.collection.name].by_name.get("bijgewerkt")
        if updated is not None and updated.type == "date" and ("bijgewerkt", None) not in r.unreadable:
            future = checks.future_date_problem(r.values.get("bijgewerkt"), today)
            if future:
                problems.append(Problem(r.path, r.line_of("bijgewerkt"), "bijgewerkt", future))
    return problems


def _link_problems(record: Record, schema: Schema) -> list[Problem]:
    """Markdown may link only to https: and mailto:, and may not carry HTML."""
    problems = []
    for field in schema.fields:
        targets = [(field, None, record.values.get(field.name), field.name)] if field.markdown else []
        for sub in field.item_fields:
            if sub.markdown:
                for pos, item in enumerate(record.values.get(field.name) or [], 1):
                    targets.append((sub, pos, item.get(sub.name) if isinstance(item, dict) else None, f"{field.name}.{sub.name}"))
        for f, pos, text, veld in targets:
            if not isinstance(text, str):
                continue
            line = record.line_of(field.name, pos)
            if HTML_TAG.search(text):
                problems.append(Problem(record.path, line, veld, msg.html_in_text()))
            for match in MD_LINK.finditer(text):
                url = next(g for g in match.groups() if g is not None)
                fix = checks.link_fix(url)
                if fix or not url.lower().startswith(("https://", "mailto:")):
                    problems.append(Problem(record.path, line, veld, msg.bad_link(url, fix)))
    return problems
