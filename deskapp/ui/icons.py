"""Channel and interaction icons, drawn with QPainter: no files, no network, no emoji."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from deskapp.models.enums import Channel, InteractionKind

_COLOURS = {
    "call": "#2e7d32",
    "email": "#1565c0",
    "chat": "#6a1b9a",
    "social": "#00838f",
    "walk_in": "#ef6c00",
    "web": "#37474f",
    "note": "#5d4037",
    "internal_note": "#b26a00",
}
_CHANNEL_KIND = {
    Channel.PHONE: "call",
    Channel.EMAIL: "email",
    Channel.CHAT: "chat",
    Channel.SOCIAL: "social",
    Channel.WALK_IN: "walk_in",
    Channel.WEB: "web",
}


def _draw_glyph(p: QPainter, kind: str) -> None:
    """Draw in a 16x16 box, white on the coloured disc."""
    if kind == "call":  # a handset: two ear pieces joined by a curved grip
        path = QPainterPath(QPointF(4, 5))
        path.cubicTo(QPointF(4, 12), QPointF(8, 13), QPointF(12, 12))
        p.drawPath(path)
        p.drawRoundedRect(QRectF(3, 3.5, 3, 3), 1, 1)
        p.drawRoundedRect(QRectF(10.5, 10, 3, 3), 1, 1)
    elif kind == "email":  # an envelope
        p.drawRect(QRectF(3, 4.5, 10, 7))
        p.drawPolyline([QPointF(3, 4.5), QPointF(8, 8.5), QPointF(13, 4.5)])
    elif kind == "chat":  # a speech bubble
        p.drawRoundedRect(QRectF(3, 3.5, 10, 7), 2, 2)
        p.drawPolyline([QPointF(6, 10.5), QPointF(5, 13), QPointF(8.5, 10.5)])
    elif kind == "social":  # three linked nodes
        a, b, c = QPointF(4.5, 8), QPointF(11.5, 4.5), QPointF(11.5, 11.5)
        p.drawLine(a, b)
        p.drawLine(a, c)
        for point in (a, b, c):
            p.drawEllipse(point, 1.6, 1.6)
    elif kind == "walk_in":  # a person
        p.drawEllipse(QPointF(8, 5), 2, 2)
        path = QPainterPath(QPointF(4, 13.5))
        path.cubicTo(QPointF(4, 8), QPointF(12, 8), QPointF(12, 13.5))
        p.drawPath(path)
    elif kind == "web":  # a globe
        p.drawEllipse(QPointF(8, 8), 5, 5)
        p.drawEllipse(QPointF(8, 8), 2, 5)
        p.drawLine(QPointF(3, 8), QPointF(13, 8))
    else:  # a note: a page with lines
        p.drawRect(QRectF(4, 3, 8, 10))
        for y in (6, 8.5, 11):
            p.drawLine(QPointF(5.5, y), QPointF(10.5, y))


@cache
def _icon(kind: str) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(size / 16, size / 16)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(_COLOURS.get(kind, "#546e7a")))
        p.drawEllipse(QRectF(0.5, 0.5, 15, 15))
        p.setPen(QPen(QColor("white"), 1.3))
        p.setBrush(Qt.BrushStyle.NoBrush)
        _draw_glyph(p, kind)
        p.end()
        icon.addPixmap(pixmap)
    return icon


def interaction_icon(kind: InteractionKind | str) -> QIcon:
    return _icon(str(kind))


def channel_icon(channel: Channel | str) -> QIcon:
    return _icon(_CHANNEL_KIND.get(Channel(channel), "web"))
