"""The report's charts, drawn with pyqtgraph (imported only when the Reports tab is
first shown: importing this module is the cost).

Three charts: trend lines (open backlog and tickets created per day), stacked bars
(SLA met / breached / still running per policy and clock; tickets per channel) and a
heat map of tickets created per local hour x weekday. A click on a bar or a cell
emits ``cell_clicked(figure, key, title)``; the Reports tab turns it into the
tickets behind it, shown in the queue.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from deskapp.services.reports import Report
from deskapp.services.reports.model import WEEKDAYS
from deskapp.ui.formatting import Formatter, formatter
from deskapp.ui.reports.document import day_text
from deskapp.ui.reports.labels import table_words

MET, BREACHED, RUNNING = "#2e7d32", "#c62828", "#9e9e9e"



def _plot(title: str) -> pg.PlotWidget:
    w = pg.PlotWidget(background="w")
    w.setTitle(title, color="#222", size="10pt")
    w.setMenuEnabled(False)
    w.setMouseEnabled(x=False, y=False)
    w.hideButtons()
    w.showGrid(x=False, y=True, alpha=0.2)
    w.setMinimumHeight(180)
    return w


def _ticks(axis: pg.AxisItem, labels: list[str], every: int = 1) -> None:
    axis.setTicks([[(i, s) for i, s in enumerate(labels) if i % every == 0], []])


class ReportCharts(QWidget):
    cell_clicked = Signal(str, object, str)  # figure, key, title for the queue

    def __init__(self, parent: QWidget | None = None, fmt: Formatter | None = None) -> None:
        super().__init__(parent)
        self._fmt = fmt or formatter()
        self._report: Report | None = None
        self._sla_keys: list[tuple[object, str, str]] = []
        self._channels: list[str] = []
        words = table_words()
        self._words = words
        self.trend = _plot(QCoreApplication.translate("ReportCharts", "Open backlog and tickets created per day"))
        self.sla = _plot(QCoreApplication.translate("ReportCharts", "SLA: met, breached, still running"))
        self.channels = _plot(QCoreApplication.translate("ReportCharts", "Tickets by channel"))
        self.heat = _plot(QCoreApplication.translate("ReportCharts", "Tickets by hour of day and weekday"))
        self.heat_image = pg.ImageItem(axisOrder="row-major")
        self.heat.addItem(self.heat_image)
        self.heat_image.setLookupTable(
            pg.ColorMap([0.0, 1.0], [QColor("#f5f9ff"), QColor("#0d47a1")]).getLookupTable(nPts=64)
        )
        self.trend.addLegend(offset=(10, 10))
        met = QCoreApplication.translate("ReportCharts", "Met")
        breached = QCoreApplication.translate("ReportCharts", "Breached")
        running = QCoreApplication.translate("ReportCharts", "Still running")
        legend = QLabel(
            f'<span style="color:{MET}">■</span> {met} &nbsp; '
            f'<span style="color:{BREACHED}">■</span> {breached} &nbsp; '
            f'<span style="color:{RUNNING}">■</span> {running}'
        )
        sla_box = QVBoxLayout()
        sla_box.addWidget(self.sla)
        sla_box.addWidget(legend)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.trend, 0, 0)
        grid.addLayout(sla_box, 0, 1)
        grid.addWidget(self.channels, 1, 0)
        grid.addWidget(self.heat, 1, 1)
        for plot in (self.sla, self.channels, self.heat):
            plot.scene().sigMouseClicked.connect(
                lambda ev, p=plot: self._on_plot_clicked(p, ev)
            )

    # -- drawing ------------------------------------------------------------
    def show_report(self, r: Report) -> None:
        self._report = r
        w, fmt = self._words, self._fmt
        # Trend lines.
        self.trend.clear()
        days = [day_text(fmt, d) for d, _n in r.backlog.trend]
        x = np.arange(len(days))
        self.trend.plot(x, [n for _d, n in r.backlog.trend], pen=pg.mkPen("#c62828", width=2),
                        symbol="o", symbolSize=5, name=QCoreApplication.translate("ReportCharts", "Open backlog"))
        self.trend.plot(x, [n for _d, n in r.volume.by_day], pen=pg.mkPen("#1565c0", width=2),
                        symbol="s", symbolSize=5, name=QCoreApplication.translate("ReportCharts", "Created"))
        _ticks(self.trend.getAxis("bottom"), days, max(1, len(days) // 8))
        # Stacked SLA bars.
        self.sla.clear()
        self._sla_keys = [(s.policy_id, s.clock, s.policy_name) for s in r.sla]
        met = np.array([s.met for s in r.sla], dtype=float)
        br = np.array([s.breached for s in r.sla], dtype=float)
        run = np.array([s.running for s in r.sla], dtype=float)
        xs = np.arange(len(r.sla))
        if len(xs):
            self.sla.addItem(pg.BarGraphItem(x=xs, height=met, width=0.6, brush=MET))
            self.sla.addItem(pg.BarGraphItem(x=xs, y0=met, height=br, width=0.6, brush=BREACHED))
            self.sla.addItem(
                pg.BarGraphItem(x=xs, y0=met + br, height=run, width=0.6, brush=RUNNING)
            )
        self.sla.getAxis("bottom").setHeight(44)  # two-line labels: policy, clock
        clock_words = {"first_response": w("First response"), "resolution": w("Resolution")}
        _ticks(self.sla.getAxis("bottom"),
               [f"{s.policy_name}\n{clock_words[s.clock]}" for s in r.sla])
        # Channel bars.
        self.channels.clear()
        self._channels = [c for c, _n in r.volume.by_channel]
        if self._channels:
            self.channels.addItem(pg.BarGraphItem(
                x=np.arange(len(self._channels)), height=[n for _c, n in r.volume.by_channel],
                width=0.6, brush="#1565c0"))
        _ticks(self.channels.getAxis("bottom"), [self._channel_word(c) for c in self._channels])
        # Heat map: rows = weekdays, columns = hours.
        heat = np.array(r.volume.heat, dtype=float)
        self.heat_image.setImage(heat, autoLevels=False, levels=(0, max(1.0, heat.max())))
        self.heat_image.setRect(0, 0, 24, 7)
        self.heat.getViewBox().invertY(True)
        self.heat.setRange(xRange=(0, 24), yRange=(0, 7), padding=0)
        _ticks(self.heat.getAxis("left"), [w(d) for d in WEEKDAYS])
        self.heat.getAxis("left").setTicks([[(i + 0.5, w(d)) for i, d in enumerate(WEEKDAYS)]])
        self.heat.getAxis("bottom").setTicks([[(h + 0.5, str(h)) for h in range(0, 24, 3)]])

    def _channel_word(self, channel: str) -> str:
        return self._words({"walk_in": "Walk-in"}.get(channel, channel.capitalize()))

    # -- clicks -------------------------------------------------------------
    def _on_plot_clicked(self, plot: pg.PlotWidget, ev) -> None:
        vb = plot.getPlotItem().getViewBox()
        pos = ev.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        p = vb.mapSceneToView(pos)
        self.click_at(plot, p.x(), p.y())

    def click_at(self, plot: pg.PlotWidget, x: float, y: float) -> bool:
        """A click at data coordinates (x, y) of ``plot``: emits what lies there."""
        r = self._report
        if r is None:
            return False
        if plot is self.heat:
            hour, weekday = int(x), int(y)
            if 0 <= hour < 24 and 0 <= weekday < 7:
                title = f"{self._words(WEEKDAYS[weekday])} {self._fmt.digits(f'{hour:02d}:00')}"
                self.cell_clicked.emit("volume_hour", (weekday, hour), title)
                return True
            return False
        i = round(x)
        if abs(x - i) > 0.3:
            return False
        if plot is self.channels and 0 <= i < len(self._channels):
            channel = self._channels[i]
            self.cell_clicked.emit("volume_channel", channel, self._channel_word(channel))
            return True
        if plot is self.sla and 0 <= i < len(r.sla):
            s = r.sla[i]
            if s.met <= y < s.met + s.breached:
                policy_id, clock, name = self._sla_keys[i]
                breached = QCoreApplication.translate("ReportCharts", "Breached")
                self.cell_clicked.emit("sla_breached", (policy_id, clock), f"{name}: {breached}")
                return True
        return False
