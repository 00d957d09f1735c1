"""One form per spreadsheet row (``poortwachter batch``).

The spreadsheet
---------------
The first sheet (or the CSV file) has one row per form. Column names are the field names
of the form with ``_`` between group and field (case-insensitive, spaces count as ``_``):

* always: ``dossier``, ``formulierdatum``, ``eerste_ziektedag``, ``werknemer_naam``,
  ``werknemer_bsn``, ``werknemer_functie``, ``werknemer_geboortedatum``,
  ``werkgever_naam``, ``werkgever_kvk``, ``werkgever_aard_bedrijf``, ``werkgever_adres``,
  ``bedrijfsarts_naam``, ``bedrijfsarts_organisatie``, ``casemanager_naam``,
  ``casemanager_functie``;
* the form's own fields by name, e.g. ``einddoel``, ``visie_werknemer``; yes/no fields
  take ``ja``/``nee``; a list of dates (``evaluatiemomenten``) is written
  ``2026-04-03; 2026-05-15``.

Repeated items (``activiteiten``: wat, wie, wanneer; ``ondertekenaars``: naam, functie,
datum, rol) are given in one of two ways:

1. XLSX: a sheet named ``activiteiten`` / ``ondertekenaars`` with a ``dossier`` column and
   one row per item (columns ``wat``, ``wie``, ``wanneer`` or ``naam``, ``functie``,
   ``datum``, ``rol``); items belong to the main row with the same ``dossier``.
2. CSV or XLSX: a column ``activiteiten`` / ``ondertekenaars`` in the main sheet, items
   separated by a newline or ``;``, parts by ``|``:
   ``Start aangepast werk | Werknemer | 2026-02-23; Werkplekonderzoek | Casemanager | 2026-03-06``.

Rows that fail are collected (sheet, row, column and a Dutch reason) into an error report
of this run (``foutrapport_<form>_<JJJJMMDD-UUMMSS>.xlsx`` and ``.json`` in the output
folder; two runs never share one); every valid row is still written. Validation and
rendering run in a process pool; each worker compiles the templates once.

Nothing lost
------------
Every file is written to a temporary file and renamed. A file that already exists is
skipped (not replaced, not an error) unless ``overwrite``: rerunning an interrupted batch
makes only what is missing. On Ctrl-C the workers finish the row they are on, nothing else
is started, and :class:`BatchInterrupted` (a ``KeyboardInterrupt``) carries the result:
which rows were done. A worker that dies (killed, out of memory) fails the rows it had not
reported; the rows done before are kept. An output that cannot be written (no permission,
disk full) stops the batch like Ctrl-C: :class:`BatchOutputError` (an
:class:`~poortwachter.errors.OutputError`) carries the result, so the rows written and the
rows still to do can be told first.
"""

from __future__ import annotations

from poortwachter.generate.batch.pool import run_batch
from poortwachter.generate.batch.result import (
    BatchInterrupted,
    BatchOutputError,
    BatchResult,
    RowError,
    row_ranges,
    write_error_report,
)
from poortwachter.generate.batch.sheet import (
    KEY_COLUMN,
    BatchInput,
    RowTask,
    Source,
    batch_columns,
    read_rows,
)

__all__ = [
    "KEY_COLUMN",
    "BatchInput",
    "BatchInterrupted",
    "BatchOutputError",
    "BatchResult",
    "RowError",
    "RowTask",
    "Source",
    "batch_columns",
    "read_rows",
    "row_ranges",
    "run_batch",
    "write_error_report",
]
