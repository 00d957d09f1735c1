"""The template linter (``poortwachter templates check``).

For every form it checks the DOCX and the HTML template that would be used (the user's
folder first, the bundled ones otherwise) and reports:

* variables the template uses that the form's schema does not define (a typo there would
  only show up when a form is generated);
* required fields of the schema that the template never prints (UWV expects them);
* Jinja tags in a .docx that are spread over several Word runs (Word splits text when the
  formatting, spelling marks or revision ids change mid-tag; docxtpl then may not see it);
* Jinja syntax errors, and templates that cannot be opened.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import TemplateNotFound, TemplateSyntaxError, nodes

from poortwachter.forms import FORMS, FormSpec
from poortwachter.generate.docx import MAX_TEMPLATE_BYTES, make_environment
from poortwachter.generate.template_files import bundled_templates_dir
from poortwachter.generate.template_safety import (
    ConfinedLoader,
    TemplateLimit,
    external_references,
    outside_folder,
)
from poortwachter.schemas.paths import schema_paths
from poortwachter.support.zipcheck import zip_problem

#: Fields the generator adds to every context besides the schema's.
EXTRA_FIELDS = {
    "formulier.id": False,
    "formulier.titel": False,
    # the statement "geen medische gegevens", empty when a value holds a medical term
    "formulier.privacyverklaring": False,
}
_PARAGRAPH = re.compile(r"<w:p[ >].*?</w:p>", re.DOTALL)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>(.*?)</w:t>", re.DOTALL)
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_OPENERS = re.compile(r"\{[{%#]")
_PARTS = re.compile(r"word/(document|header\d*|footer\d*)\.xml")


@dataclass(frozen=True, slots=True)
class LintProblem:
    """One finding of the linter, in Dutch."""

    template: str
    message: str

    def describe(self) -> str:
        """``template: message``, as the linter prints it."""
        return f"{self.template}: {self.message}"


# --- variables ---------------------------------------------------------------------------


def used_fields(ast: nodes.Template) -> set[str]:
    """Dotted field paths a template reads; loop items are written ``list[].field``."""
    used: set[str] = set()
    assigned: set[str] = {"loop", "range", "dict", "lipsum", "cycler", "joiner", "namespace"}

    def path_of(node: nodes.Node, scope: dict[str, str]) -> str | None:
        if isinstance(node, nodes.Name):
            return scope.get(node.name, node.name)
        if isinstance(node, nodes.Getattr):
            base = path_of(node.node, scope)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            base = path_of(node.node, scope)
            return f"{base}.{node.arg.value}" if base and isinstance(node.arg.value, str) else None
        return None

    def visit(node: nodes.Node, scope: dict[str, str]) -> None:
        if isinstance(node, nodes.For):
            visit(node.iter, scope)
            inner = dict(scope)
            iter_path = path_of(node.iter, scope)
            if isinstance(node.target, nodes.Name) and iter_path:
                inner[node.target.name] = f"{iter_path}[]"
            for child in [*node.body, *node.else_]:
                visit(child, inner)
            if node.test is not None:
                visit(node.test, inner)
            return
        if isinstance(node, nodes.Assign | nodes.AssignBlock) and isinstance(
            node.target, nodes.Name
        ):
            assigned.add(node.target.name)
        if isinstance(node, nodes.Name | nodes.Getattr | nodes.Getitem):
            path = path_of(node, scope)
            if path is not None:
                if not (isinstance(node, nodes.Name) and node.ctx != "load"):
                    used.add(path)
                return
        for child in node.iter_child_nodes():
            visit(child, scope)

    visit(ast, {})
    return {p for p in used if p.split(".")[0].split("[")[0] not in assigned}


def _known(spec: FormSpec) -> dict[str, bool]:
    return {**schema_paths(spec.schema), **EXTRA_FIELDS}


def _normal(path: str) -> str:
    """``evaluatiemomenten[]`` (a list of plain values) counts as ``evaluatiemomenten``."""
    return path[:-2] if path.endswith("[]") else path


def variable_problems(name: str, spec: FormSpec, used: set[str]) -> list[LintProblem]:
    """The fields the template ``name`` uses (``used``) that form ``spec`` does not have."""
    known = _known(spec)
    problems = []
    for path in sorted(_normal(p) for p in used):
        if path in known or any(
            k.startswith(path + ".") or k.startswith(path + "[]") for k in known
        ):
            continue
        problems.append(
            LintProblem(
                name,
                f"gebruikt het veld '{path}', maar het formulier {spec.id.value} kent dat veld "
                "niet (tikfout, of een veld dat in het schema ontbreekt)",
            )
        )
    return problems


def unused_required(name: str, spec: FormSpec, used: set[str]) -> list[LintProblem]:
    """The required fields of form ``spec`` that template ``name`` never uses."""
    seen = {_normal(p) for p in used}
    problems = []
    for path, required in schema_paths(spec.schema).items():
        if required and path not in seen and not any(s.startswith(path + "[]") for s in seen):
            problems.append(
                LintProblem(name, f"het verplichte veld '{path}' komt nergens in het sjabloon voor")
            )
    return problems


# --- DOCX --------------------------------------------------------------------------------


def _docx_parts(path: Path) -> Iterator[tuple[str, str]]:
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            if _PARTS.fullmatch(info.filename):
                yield info.filename, zf.read(info).decode("utf-8", errors="replace")


def split_tags(part: str, xml: str) -> list[str]:
    """Dutch descriptions of Jinja tags spread over more than one ``<w:t>`` (Word run)."""
    found = []
    for para in _PARAGRAPH.findall(xml):
        texts = [html.unescape(t) for t in _TEXT.findall(para)]
        joined = "".join(texts)
        if not _OPENERS.search(joined):
            continue
        for tag in _TAG.findall(joined):
            if not any(tag in t for t in texts):
                found.append(f"{part}: de code '{tag}' is verdeeld over meerdere Word-tekstdelen")
        leftover = _TAG.sub("", joined)
        if _OPENERS.search(leftover) or re.search(r"[}%#]\}", leftover):
            excerpt = leftover.strip()[:60]
            found.append(f"{part}: onvolledige Jinja-code in de alinea '{excerpt}'")
    return found


def lint_docx(path: Path, spec: FormSpec) -> list[LintProblem]:
    """Every problem of the DOCX template at ``path`` for form ``spec``: too large, a broken
    or dangerous zip, external references, Jinja tags split over Word runs, Jinja syntax
    errors, unknown fields and required fields not used. Empty when it is sound."""
    from docxtpl import DocxTemplate

    name = str(path)
    if path.stat().st_size > MAX_TEMPLATE_BYTES:
        return [LintProblem(name, "het bestand is te groot")]
    problem = zip_problem(str(path))
    if problem:
        return [LintProblem(name, problem)]
    with zipfile.ZipFile(path) as zf:
        external = [LintProblem(name, m) for m in external_references(zf)]
    env = make_environment()
    patcher = DocxTemplate(str(path))  # only its tag patching is used; nothing is loaded
    problems: list[LintProblem] = []
    used: set[str] = set()
    parts = list(_docx_parts(path))
    if not any(p == "word/document.xml" for p, _x in parts):
        return [LintProblem(name, "is geen Word-document (word/document.xml ontbreekt)")]
    for part, xml in parts:
        problems += [LintProblem(name, m) for m in split_tags(part, xml)]
        try:
            used |= used_fields(env.parse(patcher.patch_xml(xml)))
        except TemplateSyntaxError as exc:
            problems.append(LintProblem(name, f"{part}: fout in de Jinja-code ({exc.message})"))
    problems += variable_problems(name, spec, used)
    problems += unused_required(name, spec, used)
    return external + problems


# --- HTML --------------------------------------------------------------------------------


def included_problems(name: str, ast: nodes.Template, roots: Sequence[Path]) -> list[LintProblem]:
    """``{% include %}``, ``{% import %}`` and ``{% extends %}`` of a file outside the
    template folders (a symlink, say) or of a file that does not exist."""
    loader = ConfinedLoader(roots)
    env = make_environment()
    problems: list[LintProblem] = []
    for node in ast.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        target = getattr(node, "template", None)
        if not (isinstance(target, nodes.Const) and isinstance(target.value, str)):
            continue  # a computed name: the loader refuses outside files when it renders
        try:
            loader.get_source(env, target.value)
        except TemplateLimit as exc:
            problems.append(LintProblem(name, f"regel {node.lineno}: {exc.message}"))
        except TemplateNotFound:
            if not getattr(node, "ignore_missing", False):
                problems.append(
                    LintProblem(name, f"regel {node.lineno}: '{target.value}' niet gevonden")
                )
    return problems


def lint_html(path: Path, spec: FormSpec, roots: Sequence[Path] = ()) -> list[LintProblem]:
    """Every problem of the HTML template at ``path`` for form ``spec``: Jinja syntax errors,
    not UTF-8, includes from outside ``roots`` (default: its own folder) or missing,
    unknown fields and required fields not used. Empty when it is sound."""
    name = str(path)
    env = make_environment()
    try:
        ast = env.parse(path.read_text(encoding="utf-8"))
    except TemplateSyntaxError as exc:
        return [LintProblem(name, f"regel {exc.lineno}: fout in de Jinja-code ({exc.message})")]
    except UnicodeDecodeError:
        return [LintProblem(name, "is geen UTF-8-tekst")]
    used = used_fields(ast)
    problems = included_problems(name, ast, roots or [path.parent])
    return problems + variable_problems(name, spec, used) + unused_required(name, spec, used)


# --- all ---------------------------------------------------------------------------------


def template_files(templates_dir: Path | None = None) -> list[tuple[FormSpec, Path]]:
    """The (form, template file) pairs in use: the user's folder first, else bundled."""
    bundled = bundled_templates_dir()
    out = []
    for spec in FORMS.values():
        for file_name in (spec.docx_template, spec.html_template):
            own = templates_dir / file_name if templates_dir is not None else None
            out.append((spec, own if own is not None and own.is_file() else bundled / file_name))
    return out


def lint_templates(templates_dir: str | Path | None = None) -> list[LintProblem]:
    """Check every template in use; an empty list means all is well."""
    tdir = Path(templates_dir) if templates_dir is not None else None
    problems: list[LintProblem] = []
    if tdir is not None:
        if not tdir.is_dir():
            return [LintProblem(str(tdir), "map niet gevonden")]
        names = {n for s in FORMS.values() for n in (s.docx_template, s.html_template)}
        if not any((tdir / n).is_file() for n in names):
            problems.append(
                LintProblem(
                    str(tdir),
                    "bevat geen sjablonen met een bekende naam (bijv. plan_van_aanpak.docx of "
                    "plan_van_aanpak.html)",
                )
            )
    roots = [*([tdir] if tdir is not None else []), bundled_templates_dir()]
    for spec, path in template_files(tdir):
        outside = outside_folder(path, tdir) if tdir is not None and path.parent == tdir else None
        if not path.is_file():
            problems.append(LintProblem(str(path), "sjabloon ontbreekt"))
        elif outside:
            problems.append(LintProblem(str(path), outside))
        elif path.suffix == ".docx":
            problems += lint_docx(path, spec)
        else:
            problems += lint_html(path, spec, roots)
    return problems
