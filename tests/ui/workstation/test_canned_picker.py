"""The canned-response picker: type to narrow, insert into the composer."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_search_and_insert_into_composer(qtbot, window, floor):
    desk = floor.desk
    desk.services.canned.create(desk.supervisor, "Router restart", "Please unplug the router "
                                "for ten seconds.", language="fa")
    desk.services.canned.create(desk.supervisor, "Refund time", "Refunds take five days.",
                                language="fa")
    window.open_ticket(floor.first.ticket.id)
    qtbot.waitUntil(lambda: window.ticket_view.detail is not None)
    window.ticket_view.composer.editor.setPlainText("Hello, ")
    window.ticket_view.composer.editor.moveCursor(window.ticket_view.composer.editor.textCursor().MoveOperation.End)
    dialog = window.ticket_view.pick_canned_response()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtbot.keyClicks(dialog.search, "unplug")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.model.response(0).title == "Router restart"
    assert "ten seconds" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert window.ticket_view.composer.text() == (
        "Hello, Please unplug the router for ten seconds."
    )
