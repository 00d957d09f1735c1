"""Templates are user input: confined to their folder, without external references, and
within limits while they render.

* :class:`ConfinedLoader` loads ``{% include %}``/``{% import %}``/``{% extends %}``
  targets only from the template folders; a path that resolves (symlinks followed)
  outside them is refused, like the asset fetcher refuses files outside.
* :func:`external_references` lists what a DOCX template would make Word fetch when the
  recipient opens a generated form: relationships with ``TargetMode="External"`` (a remote
  ``attachedTemplate``, external images or OLE objects, ``file://`` or UNC links) and
  ``altChunk`` parts. Hyperlinks to ``http(s)://`` and ``mailto:`` are normal in documents
  (Word fetches nothing until someone clicks) and allowed.
* :class:`LimitedEnvironment` (sandboxed, autoescaped) refuses ``*`` and ``**`` whose
  result would be huge, and :func:`render_limited` stops a render that takes longer than
  :data:`MAX_RENDER_SECONDS` or writes more than :data:`MAX_RENDERED_CHARS`. Every
  problem is an :class:`~poortwachter.errors.InputError` naming the template (exit 2).
"""

from __future__ import annotations

import contextlib
import re
import signal
import threading
import time
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import unquote

from jinja2 import BaseLoader, Environment, Template, TemplateError, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from poortwachter.errors import InputError

#: Longest time one document may take to render: Jinja and layout (seconds).
MAX_RENDER_SECONDS = 60.0
#: Most characters the Jinja part of one document (HTML, or one DOCX part) may produce.
MAX_RENDERED_CHARS = 20_000_000
#: Longest string or list a template expression may build with ``*``.
MAX_VALUE_LENGTH = 1_000_000
#: Largest integer (in bits) a template may compute with ``**``.
MAX_POWER_BITS = 4096
#: Largest template file an include may load (bytes).
MAX_INCLUDE_BYTES = 5 * 1024 * 1024

_ALLOWED_LINK = re.compile(r"^(https?://|mailto:)", re.I)
_HYPERLINK = "/hyperlink"
_ALT_CHUNK = "/aFChunk"


class TemplateLimit(SecurityError):
    """A template went past a limit or outside its folder (a Jinja error, Dutch text)."""


def inside(path: Path, roots: Sequence[Path]) -> bool:
    """``path``, symlinks resolved, lies in one of the (resolved) ``roots``."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):
        return False
    return any(real.is_relative_to(root) for root in roots)


def outside_folder(path: Path, folder: Path) -> str | None:
    """Why the template file ``path`` of ``folder`` may not be used, or None."""
    if not inside(path, [folder.resolve()]):
        return (
            f"verwijst naar {path.resolve()}, buiten de sjabloonmap {folder} (symbolische "
            "link?); sjablonen mogen alleen bestanden in hun eigen map gebruiken"
        )
    return None


def _unchanged(path: Path) -> Callable[[], bool]:
    mtime = path.stat().st_mtime_ns

    def uptodate() -> bool:
        try:
            return path.stat().st_mtime_ns == mtime
        except OSError:
            return False

    return uptodate


class ConfinedLoader(BaseLoader):
    """Templates from the first root that has them, never from outside the roots."""

    def __init__(self, roots: Sequence[Path]) -> None:
        """``roots``: the template folders, searched in this order."""
        self.roots = [Path(r).resolve() for r in roots]

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        """Jinja's loader protocol: source, file name and an up-to-date check of ``template``.
        Raises ``TemplateLimit`` when the file lies outside its root (a symlink) or is too
        large, ``TemplateNotFound`` when no root has it or the name holds ``..``."""
        pieces = split_template_path(template)  # refuses '..'
        for root in self.roots:
            candidate = root.joinpath(*pieces)
            if not candidate.is_file():
                continue
            if not inside(candidate, [root]):
                raise TemplateLimit(
                    f"'{template}' ligt buiten de sjabloonmap {root} (symbolische link?)"
                )
            real = candidate.resolve()
            if real.stat().st_size > MAX_INCLUDE_BYTES:
                raise TemplateLimit(f"'{template}' is groter dan {MAX_INCLUDE_BYTES // 2**20} MB")
            source = real.read_text(encoding="utf-8")
            return source, str(real), _unchanged(real)
        raise TemplateNotFound(template)

    def list_templates(self) -> list[str]:
        """The names of the HTML templates in all roots."""
        return sorted({p.name for root in self.roots for p in root.glob("*.html")})


# --- limits while rendering ------------------------------------------------------------

_local = threading.local()


def _check_deadline() -> None:
    deadline = getattr(_local, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise TemplateLimit(f"het invullen duurt langer dan {MAX_RENDER_SECONDS:.0f} seconden")


class LimitedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with limits: ``*`` and ``**`` may not build huge values, and every call
    and attribute lookup checks the render deadline (so nested loops end too)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """``*`` and ``**`` as usual, unless the result would be too large (``TemplateLimit``)."""
        _check_deadline()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | bytes | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > MAX_VALUE_LENGTH:
                    raise TemplateLimit(
                        f"een waarde van {len(seq) * times:,} tekens of elementen is te "
                        f"groot (hoogstens {MAX_VALUE_LENGTH:,})".replace(",", ".")
                    )
        power = operator == "**" and isinstance(left, int) and isinstance(right, int)
        if power and right > 0 and abs(left).bit_length() * right > MAX_POWER_BITS:
            raise TemplateLimit(f"{left} ** {right} is te groot")
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call, after checking the render deadline."""
        _check_deadline()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        """An attribute lookup, after checking the render deadline."""
        _check_deadline()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        """An item lookup, after checking the render deadline."""
        _check_deadline()
        return super().getitem(obj, argument)


class _Timeout(BaseException):
    """Raised by the alarm; a BaseException so no library's ``except Exception`` eats it."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


@contextlib.contextmanager
def time_limit(name: str, seconds: float | None = None) -> Iterator[None]:
    """Stop the block after ``seconds`` with an :class:`InputError` naming template
    ``name``. Jinja code checks the deadline itself (any thread); the layout by
    weasyprint is stopped by SIGALRM, which exists only in the main thread of a process
    (the CLI, batch workers) — elsewhere only the Jinja deadline applies."""
    seconds = MAX_RENDER_SECONDS if seconds is None else seconds
    previous_deadline = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds
    use_alarm = (
        threading.current_thread() is threading.main_thread()
        and hasattr(signal, "setitimer")
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )
    if use_alarm:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Timeout:
        raise InputError(
            f"sjabloon {name}: het maken duurt langer dan {seconds:.0f} seconden; "
            "vereenvoudig het sjabloon"
        ) from None
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
        _local.deadline = previous_deadline


_DATA_URL = re.compile(r"data:[^\s\"'()<>]*")


def data_url_problem(text: str, limit: int) -> str | None:
    """Why ``text`` (HTML or CSS) may not be laid out: an inline ``data:`` URL longer than
    ``limit`` characters (decoding one costs about ten times its size in memory)."""
    if "data:" not in text:
        return None
    longest = max((len(m.group()) for m in _DATA_URL.finditer(text)), default=0)
    if longest > limit:
        return f"een data:-URL van {longest:,} tekens is te groot (hoogstens {limit:,})".replace(
            ",", "."
        )
    return None


def render_limited(template: Template, context: Mapping[str, Any], name: str) -> str:
    """Render with the output-size limit; every error of the template's own code (Jinja's,
    a limit, or Python's: OverflowError, RecursionError, TypeError, ...) becomes an
    :class:`InputError` ``sjabloon NAME: ...`` (exit 2)."""
    from poortwachter.generate.docx import template_error

    parts: list[str] = []
    size = 0
    try:
        for chunk in template.generate(context):
            size += len(chunk)
            if size > MAX_RENDERED_CHARS:
                raise TemplateLimit(
                    f"het resultaat wordt groter dan {MAX_RENDERED_CHARS // 1_000_000} miljoen "
                    "tekens"
                )
            parts.append(chunk)
    except TemplateLimit as exc:
        raise InputError(f"sjabloon {name}: {exc.message}") from None
    except TemplateError as exc:
        raise template_error(name, exc) from None
    except InputError:
        raise
    except (RecursionError, MemoryError) as exc:
        raise InputError(f"sjabloon {name}: te diep of te groot ({type(exc).__name__})") from None
    except Exception as exc:  # the template's own expressions went wrong
        raise InputError(
            f"sjabloon {name}: fout bij het invullen ({type(exc).__name__}: {str(exc)[:200]})"
        ) from None
    return "".join(parts)


# --- external references in DOCX templates ---------------------------------------------


def _attributes(tag: str) -> dict[str, str]:
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


def external_references(zf: zipfile.ZipFile) -> list[str]:
    """Dutch descriptions of everything in a DOCX package that Word would fetch from
    elsewhere when the document is opened (see the module docstring)."""
    problems: list[str] = []
    for info in zf.infolist():
        if not info.filename.endswith(".rels"):
            continue
        text = zf.read(info).decode("utf-8", errors="replace")
        for tag in re.findall(r"<Relationship\b[^>]*>", text):
            attrs = _attributes(tag)
            kind = attrs.get("Type", "")
            target = unquote(attrs.get("Target", ""))
            short = kind.rsplit("/", 1)[-1] or "?"
            if kind.endswith(_ALT_CHUNK):
                problems.append(
                    f"{info.filename}: altChunk ({target}): Word voegt bij het openen een ander "
                    "document in; niet toegestaan"
                )
            elif attrs.get("TargetMode", "").lower() == "external":
                if kind.endswith(_HYPERLINK) and _ALLOWED_LINK.match(target):
                    continue
                problems.append(
                    f"{info.filename}: externe verwijzing ({short}) naar '{target}': Word haalt "
                    "die op bij het openen; niet toegestaan"
                )
    return problems
