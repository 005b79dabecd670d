"""Drives a running LibreOffice through UNO the way a department clerk
would: open a workbook, type into cells, sort, insert rows, delete columns,
save. Run by package lotest as: python lotest.py JOB.json RESULT.json

The job names the pipe of a LibreOffice started with --accept, the input
and output URLs, the export filter, whether to act as a clerk (refuse to
type into locked cells of protected sheets and into hidden sheets), and the
operations. The result is {"ok": true} or {"kind": ..., "error": ...} for
what a clerk could not do. Anything else (LibreOffice dying under load, a
bug here) is not a result: it prints its traceback and exits non-zero,
and the Go side shows that traceback and tries once more. Never turn an
unexpected exception into a result: that hides the cause and the retry.
"""

import json
import os
import re
import sys
import time
import traceback

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.table import TableSortField

# What the Delete key removes: contents, not formats or comments.
CLEAR_CONTENTS = 1 | 2 | 4 | 16  # VALUE | DATETIME | STRING | FORMULA

# A single cell's name as a clerk types it into the Name Box: A1, $B$7.
CELL_NAME = re.compile(r"^\$?[A-Za-z]{1,3}\$?[1-9][0-9]*$")


class Refused(Exception):
    """An operation a clerk could not do; kind lets the Go side wrap it."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind


def describe(e):
    """An exception as its type and message: pyuno's str() of a UNO
    exception can be empty."""
    return "%s: %s" % (type(e).__name__, getattr(e, "Message", "") or e)


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(url, timeout):
    """LibreOffice needs seconds to create a new profile and start
    listening, longer on a cold first start: retry until the deadline."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve(url)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def column_index(letters):
    n = 0
    for ch in letters.upper():
        if not "A" <= ch <= "Z":
            raise Refused("arg", "bad column name %r" % letters)
        n = n * 26 + ord(ch) - ord("A") + 1
    if n == 0:
        raise Refused("arg", "empty column name")
    return n - 1


class Session:
    def __init__(self, ctx, doc, clerk):
        self.ctx = ctx
        self.doc = doc
        self.clerk = clerk
        self.controller = doc.getCurrentController()
        self.dispatcher = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", ctx)

    def sheet(self, name):
        sheets = self.doc.Sheets
        if not sheets.hasByName(name):
            raise Refused("sheet", "no sheet %r (sheets: %s)" % (
                name, ", ".join(sheets.ElementNames)))
        return sheets.getByName(name)

    def cell(self, sheet, name):
        # Checked here, not by catching what getCellRangeByName raises: a
        # LibreOffice that died under load raises too, and calling that a
        # bad name hid the cause and skipped the retry.
        if not CELL_NAME.match(name):
            raise Refused("arg", "bad cell name %r" % name)
        rng = sheet.getCellRangeByName(name)
        addr = rng.RangeAddress
        if addr.StartColumn != addr.EndColumn or addr.StartRow != addr.EndRow:
            raise Refused("arg", "%r is a range, not a cell" % name)
        return rng

    def check_clerk_can_type(self, sheet, cell, where):
        """A clerk sees only visible sheets, can type only into unlocked
        cells of a protected sheet, and lands on the first cell of a merged
        range. The UNO API enforces none of this: a script can write into a
        locked cell."""
        if not self.clerk:
            return
        if not sheet.IsVisible:
            raise Refused("hidden", "%s is on a hidden sheet: a clerk cannot see it" % where)
        if sheet.isProtected() and cell.CellProtection.IsLocked:
            raise Refused("locked", "%s is locked on a protected sheet: a clerk cannot type there" % where)
        cursor = sheet.createCursorByRange(cell)
        cursor.collapseToMergedArea()
        a, c = cursor.RangeAddress, cell.RangeAddress
        if (a.StartColumn, a.StartRow) != (c.StartColumn, c.StartRow):
            raise Refused("merged", "%s is covered by a merged range: type into its first cell" % where)

    def put(self, sheet, cell, value, where):
        self.check_clerk_can_type(sheet, cell, where)
        how = value["how"]
        if how == "type":
            self.type_into(sheet, cell, value["text"], where)
        elif how == "text":
            cell.setString(value["text"])
        elif how == "number":
            cell.setValue(value["number"])
        elif how == "clear":
            cell.clearContents(CLEAR_CONTENTS)
        else:
            raise Refused("arg", "unknown value kind %r" % how)

    def type_into(self, sheet, cell, text, where):
        """Type text as at the keyboard: through the same entry path as the
        cell editor, so "80%" becomes 0.8 formatted as a percentage,
        "2025-9-30" a date, "=1+1" a formula, and a text-formatted cell keeps
        what was typed. setFormula would give the numbers without the
        formats a user gets."""
        hidden = not sheet.IsVisible
        if hidden:
            sheet.IsVisible = True  # the view cannot select cells on a hidden sheet
        try:
            self.controller.setActiveSheet(sheet)
            self.controller.select(cell)
            self.dispatcher.executeDispatch(
                self.controller.Frame, ".uno:EnterString", "", 0,
                (prop("StringName", text),))
        finally:
            if hidden:
                sheet.IsVisible = False
        if text and cell.getType().value == "EMPTY":
            raise Refused("refused", "LibreOffice did not take %r typed into %s" % (text, where))

    def do(self, op):
        kind = op["op"]
        sheet = self.sheet(op["sheet"])
        if kind == "edit":
            where = "%s!%s" % (op["sheet"], op["cell"])
            self.put(sheet, self.cell(sheet, op["cell"]), op["value"], where)
        elif kind == "sort":
            self.sort(sheet, op["first"], op["last"], column_index(op["column"]))
        elif kind == "insertRow":
            row = op["before"] - 1
            sheet.Rows.insertByIndex(row, 1)
            for col, value in enumerate(op["values"]):
                cell = sheet.getCellByPosition(col, row)
                self.put(sheet, cell, value, "%s!row %d" % (op["sheet"], op["before"]))
        elif kind == "deleteColumn":
            sheet.Columns.removeByIndex(column_index(op["column"]), 1)
        else:
            raise Refused("arg", "unknown operation %r" % kind)

    def sort(self, sheet, first, last, column):
        """Sort rows first..last (1-based) across all used columns by one
        column, ascending, as a clerk does after selecting the data rows."""
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_col = max(cursor.RangeAddress.EndColumn, column)
        rng = sheet.getCellRangeByPosition(0, first - 1, last_col, last - 1)
        field = TableSortField()
        field.Field = column
        field.IsAscending = True
        desc = rng.createSortDescriptor()
        for p in desc:
            if p.Name == "SortFields":
                p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif p.Name == "ContainsHeader":
                p.Value = False
        # pyuno cannot infer the sequence types inside the descriptor.
        uno.invoke(rng, "sort", (uno.Any("[]com.sun.star.beans.PropertyValue", tuple(desc)),))


def main():
    job_path, result_path = sys.argv[1], sys.argv[2]
    with open(job_path, encoding="utf-8") as f:
        job = json.load(f)
    ctx = connect(job["connect"], job["connectTimeout"])
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    status = 0
    try:
        run(ctx, desktop, job, result_path)
    except Exception:
        traceback.print_exc()
        status = 1
    # Quitting lets LibreOffice remove its pipe; the bridge dies with it.
    quietly(desktop.terminate)
    sys.stdout.flush()
    sys.stderr.flush()
    # pyuno can crash tearing down a bridge whose other end is gone.
    os._exit(status)


def run(ctx, desktop, job, result_path):
    """Writes the result as soon as it is known: LibreOffice has been seen
    to abort while closing a document that was already saved."""
    try:
        doc = desktop.loadComponentFromURL(job["in"], "_blank", 0, (prop("Hidden", True),))
    except Exception as e:
        doc, why = None, describe(e)
    else:
        why = "no document"
    if doc is None:
        write(result_path, {"kind": "load", "error": "LibreOffice could not open the workbook: %s" % why})
        return
    try:
        session = Session(ctx, doc, job["clerk"])
        try:
            for op in job["ops"]:
                session.do(op)
        except Refused as e:
            write(result_path, {"kind": e.kind, "error": str(e)})
            return
        doc.storeToURL(job["out"], (prop("FilterName", job["filter"]), prop("Overwrite", True)))
        write(result_path, {"ok": True})
    finally:
        close(doc)


def close(doc):
    """Close without a save prompt, which would make terminate fail."""
    quietly(doc.setModified, False)
    try:
        doc.close(True)
    except Exception:
        quietly(doc.dispose)


def quietly(f, *args):
    try:
        f(*args)
    except Exception:
        pass


def write(path, result):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
