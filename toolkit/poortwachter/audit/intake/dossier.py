"""From paths (a folder, a zip, loose files) to the documents of one dossier.

Files are recognised by their content (magic bytes), not their name. Zip dossiers are
checked (:func:`poortwachter.support.zipcheck.zip_problem`) before any member is read. A
merged PDF that holds several parts is split into parts at the pages whose heading names
a different part; each part keeps its page range.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from poortwachter.audit.classify.classifier import page_heading
from poortwachter.audit.intake import ocr
from poortwachter.audit.intake.ocr import scan_reason
from poortwachter.audit.intake.parts import split_at_headings
from poortwachter.audit.intake.readers import READERS, sniff
from poortwachter.audit.intake.readers.common import unreadable
from poortwachter.audit.limits import DEFAULT_LIMITS, MB, Limits
from poortwachter.audit.model import Document
from poortwachter.domain.vocabulary import DocumentKind
from poortwachter.errors import InputError
from poortwachter.support.normalise import lines_of
from poortwachter.support.textsafe import printable
from poortwachter.support.zipcheck import member_problem, zip_problem

_SKIP_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}
#: names that promise a type the content does not have: say so rather than "unknown"
_CLAIMED_TYPES = {
    ".pdf": "PDF-bestand",
    ".docx": "Word-bestand",
    ".xlsx": "Excel-bestand",
    ".jpg": "afbeelding",
    ".jpeg": "afbeelding",
    ".png": "afbeelding",
}


@dataclass(frozen=True, slots=True)
class RawFile:
    """The bytes of one file (or zip member), or why it could not be taken."""

    path: str  # as shown in the report, relative to the dossier
    size: int
    data: bytes | None
    reason: str | None = None


def _read_path(path: Path, shown: str, limits: Limits) -> RawFile:
    try:
        size = path.stat().st_size
        if size > limits.read_bytes:
            return RawFile(shown, size, None, f"is te groot om te lezen ({size // MB} MB)")
        return RawFile(shown, size, path.read_bytes())
    except OSError as exc:
        return RawFile(shown, 0, None, f"kan niet gelezen worden ({exc.strerror or exc})")


def _zip_members(data: bytes, prefix: str, limits: Limits) -> Iterator[RawFile]:
    problem = zip_problem(io.BytesIO(data), member_ratio=False)
    if problem:
        yield RawFile(
            prefix, len(data), None, f"is een onveilig of beschadigd zip-bestand: het {problem}"
        )
        return
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        count = 0
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            name = PurePosixPath(info.filename)
            if name.name.lower() in _SKIP_NAMES or name.name.startswith(("._", "~$")):
                continue
            if "__MACOSX" in name.parts:
                continue
            count += 1
            shown = f"{prefix}/{printable(info.filename)}"
            if count > limits.max_files:
                yield RawFile(
                    shown, info.file_size, None, "overgeslagen: te veel bestanden in het dossier"
                )
                continue
            bomb = member_problem(info)
            if bomb:
                yield RawFile(shown, info.file_size, None, f"is niet uitgepakt: het {bomb}")
                continue
            if info.file_size > limits.read_bytes:
                yield RawFile(
                    shown,
                    info.file_size,
                    None,
                    f"is te groot om te lezen ({info.file_size // MB} MB)",
                )
                continue
            try:
                yield RawFile(shown, info.file_size, zf.read(info))
            except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
                yield RawFile(
                    shown,
                    info.file_size,
                    None,
                    "kan niet uitgepakt worden (versleuteld of beschadigd)",
                )


def collect(paths: Iterable[str | Path], limits: Limits = DEFAULT_LIMITS) -> list[RawFile]:
    """Every file of the dossier given as folders, zips and files, in a stable order."""
    out: list[RawFile] = []
    missing: list[str] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
            for file in files:
                if file.name.lower() in _SKIP_NAMES or file.name.startswith(("._", "~$", ".")):
                    continue
                shown = printable(file.relative_to(path).as_posix())
                if len(out) >= limits.max_files:
                    out.append(
                        RawFile(shown, 0, None, "overgeslagen: te veel bestanden in het dossier")
                    )
                    continue
                out.append(_read_path(file, shown, limits))
        elif path.is_file():
            out.append(_read_path(path, printable(path.name), limits))
        else:
            missing.append(f"'{printable(str(given))}' bestaat niet of is geen bestand of map")
    if missing:
        raise InputError(missing)
    expanded: list[RawFile] = []
    for raw in out:
        if raw.data is not None and sniff(raw.data, raw.path) == "zip":
            expanded.extend(_zip_members(raw.data, raw.path, limits))
        else:
            expanded.append(raw)
    if len(expanded) > limits.max_files:
        extra = expanded[limits.max_files :]
        expanded = expanded[: limits.max_files] + [
            RawFile(r.path, r.size, None, "overgeslagen: te veel bestanden in het dossier")
            for r in extra
        ]
    return expanded


def _ole_as(kind: str, path: str) -> str:
    """An old Office container (OLE) named .docx/.doc or .xlsx/.xls is tried as that type."""
    if kind == "ole" and path.lower().endswith((".docx", ".doc")):
        return "docx"
    if kind == "ole" and path.lower().endswith((".xlsx", ".xls")):
        return "xlsx"
    return kind


def read_file(
    raw: RawFile, limits: Limits = DEFAULT_LIMITS, ocr_budget: ocr.Budget | None = None
) -> Document:
    """One file → one document (readable or not, never an exception); scans are read with
    OCR within ``ocr_budget``, the dossier's (this file's alone when None)."""
    if raw.data is None:
        return unreadable(raw.path, "unknown", raw.size, raw.reason or "kan niet gelezen worden")
    if not raw.data.strip(b"\x00 \t\r\n"):
        return unreadable(raw.path, "unknown", raw.size, "is leeg (geen inhoud)")
    kind = sniff(raw.data, raw.path)
    reader = READERS.get(_ole_as(kind, raw.path))
    try:
        if reader is not None:
            return reader(raw.data, raw.path, limits, ocr_budget)
        if kind == "zip":
            return unreadable(
                raw.path,
                "zip",
                raw.size,
                "is een zip-bestand binnen een zip-bestand; pak het eerst uit",
            )
        if kind == "office":
            return unreadable(
                raw.path,
                "unknown",
                raw.size,
                "is een kantoorbestand dat UWV niet aanneemt (bijv. .odt of .pptx); "
                "lever PDF of DOCX",
            )
        if kind == "ole":
            return unreadable(
                raw.path,
                "unknown",
                raw.size,
                "is een versleuteld of oud Office-bestand; lever PDF of DOCX",
            )
    except Exception:  # a reader bug must not stop the audit of the rest
        return unreadable(
            raw.path, kind, raw.size, "kon niet gelezen worden (beschadigd of onbekende opbouw)"
        )
    suffix = PurePosixPath(raw.path).suffix.lower() or "zonder extensie"
    if suffix in _CLAIMED_TYPES:
        return unreadable(
            raw.path,
            "unknown",
            raw.size,
            f"heet {suffix} maar is geen {_CLAIMED_TYPES[suffix]}: de inhoud past niet bij de "
            "naam (beschadigd of een ander bestandstype)",
        )
    return unreadable(
        raw.path,
        "unknown",
        raw.size,
        f"heeft een onbekend bestandstype ({suffix}); lever PDF of DOCX",
    )


def split_parts(doc: Document) -> list[Document]:
    """Split a merged PDF (or a DOCX holding several parts) into parts: at pages whose
    heading names another part than the one before, around runs of scanned pages (no text
    layer), which become parts of their own with ``readable=False``, and then under
    headings anywhere on a page (:func:`poortwachter.audit.intake.parts.split_at_headings`)."""
    parts = _split_pages(doc)
    out: list[Document] = []
    line = 1
    for part in parts:
        if part.file_type == "docx" and part.is_part:
            part.first_line = line
            part.line_count = sum(len(lines_of(page)) for page in part.pages)
            line += part.line_count
        pieces = split_at_headings(part) if part.readable else [part]
        out.extend(pieces)
    return out


def _split_pages(doc: Document) -> list[Document]:
    if doc.file_type not in ("pdf", "docx") or not doc.readable or len(doc.pages) < 2:
        return [doc]
    scanned = set(doc.scanned_pages)
    total = doc.first_page - 1 + len(doc.pages)
    segments: list[tuple[int, bool]] = [(0, 0 in scanned)]  # (start index, is scan)
    current = None if 0 in scanned else page_heading(doc.pages[0], total)
    for index in range(1, len(doc.pages)):
        is_scan = index in scanned
        if is_scan != segments[-1][1]:
            segments.append((index, is_scan))
            current = None if is_scan else page_heading(doc.pages[index], total)
            continue
        if is_scan:
            continue
        heading = page_heading(doc.pages[index], total)
        if heading is None:
            continue
        if heading.line_index > 0 and heading.kind is not DocumentKind.OTHER:
            # text above the title: the part before ends on this page; the cut under the
            # heading is made by split_at_headings
            continue
        if current is None or heading.kind is not current.kind:
            segments.append((index, False))
            current = heading
    if len(segments) == 1:
        return [doc]
    parts: list[Document] = []
    for n, (start, is_scan) in enumerate(segments):
        end = segments[n + 1][0] if n + 1 < len(segments) else len(doc.pages)
        part = Document(
            path=doc.path,
            file_type=doc.file_type,
            size=doc.size,
            pages=doc.pages[start:end],
            page_count=end - start,
            first_page=doc.first_page + start,
            is_part=True,
        )
        part.ocr_pages = [i - start for i in doc.ocr_pages if start <= i < end]
        part.scan = is_scan or bool(part.ocr_pages)
        if is_scan:
            part.readable = False
            part.reason = f"pagina {part.page_range} " + scan_reason(doc.ocr_note)
        parts.append(part)
    return parts


#: files that make a folder a dossier itself rather than a folder of dossiers
DOCUMENT_SUFFIXES = frozenset(
    {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".jpg", ".jpeg", ".png", ".tif", ".tiff",
     ".zip", ".odt", ".rtf", ".csv", ".txt", ".msg", ".eml"}
)  # fmt: skip


def group_dossiers(paths: Sequence[str]) -> list[list[str]]:
    """Each folder or zip is one dossier; loose files together form one more."""
    dossiers: list[list[str]] = []
    loose: list[str] = []
    problems: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            children = [p for p in path.iterdir() if not p.name.startswith(".")]
            subdirs = sorted(p for p in children if p.is_dir())
            documents = [
                p for p in children if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
            ]
            if subdirs and not documents:
                # a folder of dossiers: one dossier per subfolder
                dossiers.extend([str(d)] for d in subdirs)
            else:
                dossiers.append([raw])
        elif path.is_file() and path.suffix.lower() == ".zip":
            dossiers.append([raw])
        elif path.is_file():
            loose.append(raw)
        else:
            problems.append(f"'{raw}' bestaat niet of is geen bestand of map")
    if problems:
        raise InputError(problems)
    if loose:
        dossiers.append(loose)
    return dossiers
