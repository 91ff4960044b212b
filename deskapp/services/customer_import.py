"""Import customers from a CSV file: every row checked first, then all or nothing.

Columns (a header row is required; names are case-insensitive, in any order):
``name`` (required), ``phone`` (several numbers separated by ``;``), ``email``,
``organisation``, ``segment``, ``language``, ``warning_note``.

Every row goes through the same checks as a customer typed in the dialog
(``customers.validate_new_customer``). A row whose phone or email already belongs to
a customer, or repeats an earlier row of the file, is invalid too. When any row is
invalid nothing is imported, unless the caller asks to skip the invalid rows. The
valid rows are written in one transaction: nothing is ever half-imported.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, insert, select

from deskapp.models import Customer, CustomerPhone, new_id, utcnow
from deskapp.models.enums import Segment
from deskapp.services import audit
from deskapp.services.customers import NewCustomer, validate_new_customer
from deskapp.services.errors import DeskError, ValidationFailed
from deskapp.services.permissions import Actor, Permission
from deskapp.services.text import search_key
from deskapp.services.unit_of_work import UnitOfWorkFactory

Progress = Callable[[int, int], None]

COLUMNS = ("name", "phone", "email", "organisation", "segment", "language", "warning_note")
# Other spellings people's spreadsheets use for the same columns.
ALIASES = {
    "phones": "phone",
    "mobile": "phone",
    "organization": "organisation",
    "company": "organisation",
    "preferred_language": "language",
    "warning": "warning_note",
    "note": "warning_note",
}
MAX_FILE_BYTES = 200 * 1024 * 1024
_CHUNK = 500
_ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")


class ImportFileError(DeskError):
    """The file as a whole cannot be read: missing, wrongly encoded, malformed, empty."""


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class ParsedRow:
    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class ParsedFile:
    rows: tuple[ParsedRow, ...]
    errors: tuple[RowError, ...]  # rows the CSV layer already rejects (too many fields)
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ImportReport:
    rows: int  # data rows in the file
    imported: int
    errors: tuple[RowError, ...]
    warnings: tuple[str, ...]
    skip_invalid: bool

    @property
    def refused(self) -> bool:
        """Nothing was imported because some rows were invalid."""
        return bool(self.errors) and not self.skip_invalid


def _utf16_without_bom(data: bytes) -> str | None:
    """"UTF-16LE"/"UTF-16BE" when the bytes look like UTF-16 text without a byte-order
    mark: ASCII or Persian text has a zero (or 0x06) byte at every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, enc in ((odd, "UTF-16LE"), (even, "UTF-16BE")):
        # the high byte of BMP text: 0x00 for Latin, 0x06 for Arabic/Persian, 0x20 for ZWNJ
        if sum(b in (0x00, 0x06, 0x20, 0xFB, 0xFE) for b in high) >= 0.9 * len(high) \
                and high.count(0) + high.count(6) >= 0.5 * len(high):
            try:
                sample[: len(sample) // 2 * 2].decode(enc)
            except UnicodeDecodeError:
                continue
            return enc
    return None


def _looks_like_cp1256_text(data: bytes) -> bool:
    """Windows-1256 text: almost every byte a printable ASCII character, a line break, or
    one of the Arabic/Persian letters; random bytes are not."""
    as_1256 = data.decode("cp1256", errors="replace")
    if not _ARABIC_LETTERS.search(as_1256):
        return False
    plausible = sum(
        1 for ch in as_1256
        if ch in "\t\r\n" or " " <= ch <= "~" or "\u0600" <= ch <= "\u06ff"
        or ch in "\u200c\u00a0\u00ab\u00bb"
    )
    return plausible >= 0.97 * len(as_1256)


def decode(data: bytes, name: str) -> str:
    """The text of the file: UTF-8 with or without a BOM; anything else is refused
    with a message that says what the file seems to be."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            f"{name} is UTF-16 (Excel's \"Unicode text\"); save it as CSV UTF-8.",
            code="import.utf16",
        )
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        raise ImportFileError(
            f"{name} looks like {utf16} text without a byte-order mark (Excel's \"Unicode "
            "text\"); save it as CSV UTF-8.",
            code="import.utf16",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        if _looks_like_cp1256_text(data):
            raise ImportFileError(
                f"{name} is not UTF-8: it looks like Windows-1256 (Arabic/Persian Windows); "
                "save it as UTF-8 (in Excel: Save As > \"CSV UTF-8\").",
                code="import.windows_1256",
            ) from None
        raise ImportFileError(
            f"{name} is not a text file in UTF-8 (invalid byte 0x{data[exc.start]:02x} on "
            f"line {line}); it may be binary or damaged. Save it as CSV UTF-8.",
            code="import.not_utf8", byte=f"0x{data[exc.start]:02x}", line=line,
        ) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ImportFileError(
            f"{name} contains NUL bytes (line {line}): it is not a CSV text file; "
            "save it as CSV UTF-8.",
            code="import.nul", line=line,
        )
    return text


def _header_key(raw: str) -> str:
    key = re.sub(r"[\s\-]+", "_", raw.strip().lower())
    return ALIASES.get(key, key)


def parse(text: str, name: str) -> ParsedFile:
    """Rows of the CSV with the line each starts on; raises ImportFileError for what
    makes the whole file unreadable."""
    if not text.strip():
        raise ImportFileError(f"{name} is empty; the first line must name the columns.")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: Iterator[list[str]] = iter(reader)
    try:
        header = next(records)
    except csv.Error as exc:
        raise ImportFileError(f"{name}, line {reader.line_num}: malformed CSV ({exc}).") from None
    keys = [_header_key(h) for h in header]
    if "name" not in keys:
        hint = ""
        if len(header) == 1 and ";" in header[0]:
            hint = " The columns seem separated by ';': deskapp reads comma-separated files."
        raise ImportFileError(
            f"{name}: the first line must name the columns and include 'name' "
            f"(found: {', '.join(h.strip() for h in header if h.strip()) or 'nothing'}).{hint}"
        )
    seen: set[str] = set()
    for key in keys:
        if key and key in seen:
            raise ImportFileError(f"{name}: the column {key!r} appears twice in the header.")
        seen.add(key)
    unknown = [h.strip() for h, k in zip(header, keys, strict=True) if k and k not in COLUMNS]
    warnings = []
    if unknown:
        warnings.append(
            f"ignoring unknown column(s): {', '.join(unknown)} "
            f"(known: {', '.join(COLUMNS)})."
        )
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    line = reader.line_num + 1
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileError(f"{name}, line {line}: malformed CSV ({exc}).") from None
        start, line = line, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue  # blank line
        if len(record) > len(keys):
            errors.append(RowError(
                start, f"{len(record)} fields, but the header names {len(keys)} columns."
            ))
            continue
        values = {
            k: cell for k, cell in zip(keys, record, strict=False) if k in COLUMNS
        }
        rows.append(ParsedRow(start, values))
    if not rows and not errors:
        raise ImportFileError(f"{name} has a header but no customers.")
    return ParsedFile(tuple(rows), tuple(errors), tuple(warnings))


def read_file(path: str | Path) -> ParsedFile:
    path = Path(path)
    name = path.name
    if not path.exists():
        raise ImportFileError(f"{path} does not exist.")
    if not path.is_file():
        raise ImportFileError(f"{path} is not a file.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportFileError(f"{name} is larger than {MAX_FILE_BYTES // 2**20} MB.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror}.") from None
    return parse(decode(data, name), name)


def _new_customer(values: dict[str, str]) -> NewCustomer:
    phones = [p for p in values.get("phone", "").split(";") if p.strip()]
    return NewCustomer(
        name=values.get("name", ""),
        phones=phones,
        email=values.get("email") or None,
        organisation=values.get("organisation") or None,
        segment=(values.get("segment") or "").strip().lower() or Segment.STANDARD,
        preferred_language=(values.get("language") or "").strip() or "fa",
        warning_note=values.get("warning_note", ""),
    )


class CustomerImportService:
    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    def import_file(
        self,
        actor: Actor,
        path: str | Path,
        *,
        skip_invalid: bool = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        actor.require(Permission.IMPORT_DATA)
        return self.import_parsed(
            actor, read_file(path), skip_invalid=skip_invalid, progress=progress
        )

    def import_parsed(
        self,
        actor: Actor,
        parsed: ParsedFile,
        *,
        skip_invalid: bool = False,
        progress: Progress | None = None,
    ) -> ImportReport:
        actor.require(Permission.IMPORT_DATA)
        total = len(parsed.rows)
        # Work: validating every row, then writing the valid ones.
        steps = total * 2
        with self._uow() as uow:
            conn = uow.session.connection()
            errors = list(parsed.errors)
            valid: list[tuple[int, NewCustomer]] = []
            phone_lines: dict[str, int] = {}
            email_lines: dict[str, int] = {}
            for start in range(0, total, _CHUNK):
                chunk = parsed.rows[start : start + _CHUNK]
                cleaned: list[tuple[int, NewCustomer]] = []
                for row in chunk:
                    try:
                        cleaned.append((row.line, validate_new_customer(_new_customer(row.values))))
                    except ValidationFailed as exc:
                        errors.append(RowError(row.line, str(exc)))
                owners = _existing_owners(conn, cleaned)
                for line, data in cleaned:
                    problem = _duplicate(data, owners, phone_lines, email_lines)
                    if problem:
                        errors.append(RowError(line, problem))
                        continue
                    for number in data.phones:
                        phone_lines[number] = line
                    if data.email:
                        email_lines[data.email] = line
                    valid.append((line, data))
                if progress is not None:
                    progress(min(start + _CHUNK, total), steps)
            errors.sort(key=lambda e: e.line)
            if errors and not skip_invalid:
                return ImportReport(total, 0, tuple(errors), parsed.warnings, skip_invalid)
            now = utcnow()
            for start in range(0, len(valid), _CHUNK):
                _write(conn, [d for _line, d in valid[start : start + _CHUNK]], now, actor)
                if progress is not None:
                    written = min(start + _CHUNK, len(valid))
                    progress(total + written * total // len(valid), steps)
            audit.record(
                uow.session, actor, "customers.imported", "customer", None,
                count=len(valid), skipped=len(errors),
            )
            uow.commit()
            if progress is not None:
                progress(steps, steps)
            return ImportReport(total, len(valid), tuple(errors), parsed.warnings, skip_invalid)


def _existing_owners(
    conn: Connection, cleaned: list[tuple[int, NewCustomer]]
) -> dict[str, str]:
    """phone number or email -> name of the customer who already has it."""
    phones = {n for _l, d in cleaned for n in d.phones}
    emails = {d.email for _l, d in cleaned if d.email}
    owners: dict[str, str] = {}
    if phones:
        for number, name in conn.execute(
            select(CustomerPhone.number, Customer.name)
            .join(Customer, Customer.id == CustomerPhone.customer_id)
            .where(
                CustomerPhone.number.in_(phones),
                CustomerPhone.deleted_at.is_(None),
                Customer.deleted_at.is_(None),
            )
        ):
            owners[number] = name
    if emails:
        for email, name in conn.execute(
            select(Customer.email, Customer.name).where(
                Customer.email.in_(emails), Customer.deleted_at.is_(None)
            )
        ):
            owners[email] = name
    return owners


def _duplicate(
    data: NewCustomer,
    owners: dict[str, str],
    phone_lines: dict[str, int],
    email_lines: dict[str, int],
) -> str | None:
    for number in data.phones:
        if number in owners:
            return f"Phone {number} already belongs to the customer {owners[number]}."
        if number in phone_lines:
            return f"Phone {number} is already on line {phone_lines[number]}."
    if data.email:
        if data.email in owners:
            return f"Email {data.email} already belongs to the customer {owners[data.email]}."
        if data.email in email_lines:
            return f"Email {data.email} is already on line {email_lines[data.email]}."
    return None


def _write(conn: Connection, customers: list[NewCustomer], now: datetime, actor: Actor) -> None:
    rows, phones = [], []
    for data in customers:
        cid = new_id()
        rows.append({
            "id": cid, "created_at": now, "updated_at": now, "deleted_at": None, "version": 1,
            "name": data.name, "search_name": search_key(data.name), "email": data.email,
            "organisation": data.organisation, "segment": Segment(data.segment),
            "preferred_language": data.preferred_language, "warning_note": data.warning_note,
            "updated_by_id": actor.user_id,
        })
        for position, number in enumerate(data.phones):
            phones.append({
                "id": new_id(), "created_at": now, "updated_at": now, "deleted_at": None,
                "version": 1, "customer_id": cid, "number": number,
                "label": "mobile" if number.startswith("09") else "phone",
                "position": position,
            })
    if rows:
        conn.execute(insert(Customer.__table__), rows)
    if phones:
        conn.execute(insert(CustomerPhone.__table__), phones)
