"""The change-feed follower (live updates behind PgBouncer) with a scripted poller:
changes reach the ChangeFeed, failures report a loss once, recovery a full refresh."""

from __future__ import annotations

import uuid

from deskapp.services.changes import Change
from deskapp.services.feed_follow import PollResult
from deskapp.ui.live.backoff import Backoff
from deskapp.ui.live.feed import ChangeFeed
from deskapp.ui.live.feed_follower import FAILURES_BEFORE_LOST, FeedFollower


class ScriptedPoller:
    def __init__(self, script):
        self.script = list(script)
        self.resets = 0
        self.calls = 0

    def poll(self) -> PollResult:
        self.calls += 1
        step = self.script.pop(0) if self.script else PollResult()
        if isinstance(step, BaseException):
            raise step
        return step

    def reset(self) -> None:
        self.resets += 1

    def close(self) -> None:
        pass


def _follower(qtbot, script):
    feed = ChangeFeed(coalesce_ms=0)  # each poll its own batch
    poller = ScriptedPoller(script)
    follower = FeedFollower(
        None, feed, interval_ms=30, poller=poller, backoff=Backoff(first=0.01, cap=0.02)
    )
    feed.attach(follower)
    return feed, follower, poller


def test_changes_from_the_feed_reach_the_views(qtbot):
    tid = uuid.uuid4()
    change = Change("tickets", "u", tid, 3, ticket_id=tid)
    feed, follower, _ = _follower(
        qtbot, [PollResult(full_refresh=True), PollResult(changes=(change,), entries=1)]
    )
    assert feed.kind == "postgresql-feed"
    with qtbot.waitSignal(feed.changed, timeout=5_000) as first:
        feed.start()
    assert first.args[0].full_refresh  # views may have loaded before the head was taken
    with qtbot.waitSignal(feed.changed, timeout=5_000) as second:
        pass
    assert second.args[0].ticket_version(tid) == 3 and not second.args[0].full_refresh
    feed.stop()


def test_failures_report_a_loss_once_and_recovery_reloads(qtbot):
    failures = [OSError("server closed the connection")] * (FAILURES_BEFORE_LOST + 2)
    feed, follower, poller = _follower(qtbot, [PollResult(full_refresh=True), *failures])
    lost = []
    feed.connection_lost.connect(lost.append)
    with qtbot.waitSignal(feed.connection_lost, timeout=5_000):
        feed.start()
    with (
        qtbot.waitSignal(feed.connection_restored, timeout=5_000),
        qtbot.waitSignal(feed.changed, timeout=5_000, check_params_cb=lambda b: b.full_refresh),
    ):
        pass
    assert len(lost) == 1 and "Connection lost" in lost[0]
    assert poller.resets == len(failures)
    assert feed.connected
    feed.stop()
